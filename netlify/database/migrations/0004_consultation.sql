-- 法律咨询 (consultation) keeps more than the common request row: the answer
-- staff write on the desk, and (for every kind) the person's 满意度评价.
-- Keyed by receipt; deleting a request deletes them.

-- One answer per consultation, replaced when staff correct it. The text and
-- the citations are sealed (src/lib/consult/answer-seal.ts: AES-GCM under a key
-- from the server secret, the receipt and the asker's phone), so the table
-- alone reads nothing. The staff copy is the same answer sealed to the bureau's
-- public key (like the personal half), so the desk can show what was answered.
CREATE TABLE consultation_answers (
  receipt       text PRIMARY KEY REFERENCES requests (receipt) ON DELETE CASCADE,
  answer        jsonb NOT NULL,
  staff_copy    jsonb NOT NULL,
  -- Staff marked it 可公开: the desk may make an anonymised 常见问答 draft of it.
  publishable   boolean NOT NULL DEFAULT false,
  answered_at   timestamptz NOT NULL,
  answered_by   text NOT NULL
);

-- One rating per request, after an answer or a closed application. The
-- optional comment is sealed to the bureau's public key like the personal half.
CREATE TABLE ratings (
  receipt   text PRIMARY KEY REFERENCES requests (receipt) ON DELETE CASCADE,
  kind      text NOT NULL,
  town      text NOT NULL,
  rating    text NOT NULL CHECK (rating IN ('satisfied', 'fair', 'dissatisfied')),
  comment   jsonb,
  rated_at  timestamptz NOT NULL
);
CREATE INDEX ratings_month ON ratings (rated_at, kind, rating);
