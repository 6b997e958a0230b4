/**
 * The tables a 法律咨询 adds (netlify/database/migrations/0004_consultation.sql):
 * its answer, and the 满意度评价 of any request. One statement per write, as
 * everywhere in src/lib/store/ (the local emulation shares one session).
 */
import type { SealedAnswer } from '../consult/answer-seal.ts';
import { asJson, database, iso, type Sql } from './db.ts';

export interface StoredAnswer {
  receipt: string;
  answer: SealedAnswer;
  /** The same answer sealed to the bureau's public key (src/lib/staff/crypto.ts), for the desk. */
  staffCopy: unknown;
  publishable: boolean;
  answeredAt: string;
  answeredBy: string;
}

export type RatingValue = 'satisfied' | 'fair' | 'dissatisfied';

export interface StoredRating {
  receipt: string;
  kind: string;
  town: string;
  rating: RatingValue;
  /** Sealed to the bureau's public key (src/lib/staff/crypto.ts), or null. */
  comment: unknown;
  ratedAt: string;
}

export interface RatingCount {
  kind: string;
  town: string;
  rating: RatingValue;
  n: number;
}

export interface ConsultStore {
  putAnswer(a: StoredAnswer): Promise<void>;
  getAnswer(receipt: string): Promise<StoredAnswer | null>;
  /** false when the request was already rated (one rating per request). */
  addRating(r: StoredRating): Promise<boolean>;
  getRating(receipt: string): Promise<StoredRating | null>;
  /** Ratings given in [start, end), per kind, town and value (months are cut in src/lib/time.ts). */
  ratingCounts(start: Date, end: Date): Promise<RatingCount[]>;
  /** Consultations received in [start, end), not withdrawn, by topic (the request's category). */
  topicCounts(start: Date, end: Date): Promise<Record<string, number>>;
}

interface AnswerRow {
  receipt: string;
  answer: SealedAnswer;
  staff_copy: unknown;
  publishable: boolean;
  answered_at: unknown;
  answered_by: string;
}

interface RatingRow {
  receipt: string;
  kind: string;
  town: string;
  rating: RatingValue;
  comment: unknown;
  rated_at: unknown;
}

export function consultStore(sql: () => Sql = database): ConsultStore {
  return {
    async putAnswer(a) {
      await sql().query(
        `INSERT INTO consultation_answers (receipt, answer, staff_copy, publishable, answered_at, answered_by)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (receipt) DO UPDATE SET answer = EXCLUDED.answer, staff_copy = EXCLUDED.staff_copy,
           publishable = EXCLUDED.publishable, answered_at = EXCLUDED.answered_at, answered_by = EXCLUDED.answered_by`,
        [a.receipt, asJson(a.answer), asJson(a.staffCopy), a.publishable, a.answeredAt, a.answeredBy],
      );
    },
    async getAnswer(receipt) {
      const { rows } = await sql().query<AnswerRow>('SELECT * FROM consultation_answers WHERE receipt = $1', [receipt]);
      const r = rows[0];
      if (!r) return null;
      return {
        receipt: r.receipt,
        answer: r.answer,
        staffCopy: r.staff_copy,
        publishable: r.publishable,
        answeredAt: iso(r.answered_at),
        answeredBy: r.answered_by,
      };
    },
    async addRating(r) {
      const { rows } = await sql().query(
        `INSERT INTO ratings (receipt, kind, town, rating, comment, rated_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (receipt) DO NOTHING RETURNING receipt`,
        [r.receipt, r.kind, r.town, r.rating, asJson(r.comment), r.ratedAt],
      );
      return rows.length === 1;
    },
    async getRating(receipt) {
      const { rows } = await sql().query<RatingRow>('SELECT * FROM ratings WHERE receipt = $1', [receipt]);
      const r = rows[0];
      if (!r) return null;
      return {
        receipt: r.receipt,
        kind: r.kind,
        town: r.town,
        rating: r.rating,
        comment: r.comment,
        ratedAt: iso(r.rated_at),
      };
    },
    async ratingCounts(start, end) {
      const { rows } = await sql().query<RatingCount>(
        `SELECT kind, town, rating, count(*)::int AS n FROM ratings
         WHERE rated_at >= $1 AND rated_at < $2 GROUP BY kind, town, rating ORDER BY kind, town, rating`,
        [start.toISOString(), end.toISOString()],
      );
      return rows;
    },
    async topicCounts(start, end) {
      const { rows } = await sql().query<{ category: string; n: number }>(
        `SELECT category, count(*)::int AS n FROM requests
         WHERE kind = 'consultation' AND created_at >= $1 AND created_at < $2 AND status <> '已撤回'
         GROUP BY category`,
        [start.toISOString(), end.toISOString()],
      );
      return Object.fromEntries(rows.map((r) => [r.category, r.n]));
    },
  };
}
