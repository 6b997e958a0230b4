/**
 * Moving the records and audit entries kept in Netlify Blobs before December
 * 2026 into the database (scripts/blobs-to-db.ts): idempotent, counted, and
 * the moved records keep working: status lookup with the phone (the old keyed
 * hash becomes the new slow check), receipts of six characters, audit MACs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getStore, setEnvironmentContext } from '@netlify/blobs';
import { BlobsServer } from '@netlify/blobs/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import statusFn from '../../functions/status.mts';
import { depsFor } from '../../functions/_shared/deps.ts';
import { hmacHex } from '../../src/lib/requests/keys.ts';
import { newAuditEntry, verifyAuditEntry } from '../../src/lib/staff/audit.ts';
import { staffStore } from '../../src/lib/store/staff.ts';
import { moveBlobsToDatabase } from '../../scripts/blobs-to-db.ts';
import { useDatabase } from './support/database.ts';

const ctx = { requestId: 'import', deploy: { context: 'dev', id: 'd' } } as never;
const secret = depsFor(ctx).secret;
let server: BlobsServer;
let directory: string;

useDatabase();
beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'legacy-blobs-'));
  server = new BlobsServer({ directory, token: 't' });
  const { port } = await server.start();
  const url = `http://127.0.0.1:${port}`;
  setEnvironmentContext({ siteID: 'legacy', token: 't', edgeURL: url, uncachedEdgeURL: url });
});
afterAll(async () => {
  await server.stop();
  rmSync(directory, { recursive: true, force: true });
});

const at = '2026-11-27T02:00:00.000Z';
function legacy(receipt: string, status: '已收到' | '已办结') {
  return {
    schemaVersion: 1,
    receipt,
    formType: 'legal-aid',
    createdAt: at,
    updatedAt: at,
    status: { current: status, history: [{ status: '已收到', at, by: 'system' }] },
    meta: {
      town: 'taicheng',
      category: 'labour',
      phoneHash: hmacHex(secret, 'phone', '13800138000'),
      idemHash: 'i'.repeat(64),
      submissionHash: 's'.repeat(64),
      withdrawUntil: '2026-11-27T02:10:00.000Z',
      corrections: 0,
    },
    personal: { encoding: 'ecdh-p256-aes256gcm', v: 1, kid: 'k', epk: 'e', iv: 'i', ct: 'c' },
  };
}

describe('moving Blobs into the database', () => {
  it('copies records and audit entries once, reports counts, and the copies work', async () => {
    const open = (name: string) => getStore({ name, consistency: 'strong' });
    await open('applications').setJSON('records/FY-7K3Q9P', legacy('FY-20261127-7K3Q9P', '已收到'));
    await open('applications').setJSON('records/FY-ABCDEF', legacy('FY-20261127-ABCDEF', '已办结'));
    await open('applications').set('records/FY-BROKEN', 'not json');
    const entry = newAuditEntry(
      secret,
      { actor: '城区管理员', action: 'read', receipt: 'FY-20261127-7K3Q9P' },
      new Date(at),
    );
    await open('audit').setJSON(`entries/${entry.id}`, entry);
    vi.spyOn(console, 'log').mockImplementation(() => {});

    const first = await moveBlobsToDatabase(open, secret);
    expect(first.records).toEqual({ read: 3, copied: 2, alreadyThere: 0, unreadable: 1 });
    expect(first.audit).toEqual({ read: 1, copied: 1, alreadyThere: 0, unreadable: 0 });
    const second = await moveBlobsToDatabase(open, secret);
    expect(second.records).toEqual({ read: 3, copied: 0, alreadyThere: 2, unreadable: 1 });
    expect(second.audit).toEqual({ read: 1, copied: 0, alreadyThere: 1, unreadable: 0 });

    // The six-character receipt is found with its phone; the phone is now a slow salted check.
    const res = await (statusFn as (r: Request, c: never) => Promise<Response>)(
      new Request('http://x/api/status', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ receipt: 'fy 20261127 7k3q9p', phone: '138-0013-8000' }),
      }),
      ctx,
    );
    expect(res.status).toBe(200);
    const stored = await staffStore(secret).getRecord('FY-20261127-7K3Q9P');
    expect(stored).toMatchObject({ verified: true, record: { meta: { phoneCheck: expect.stringMatching(/^s1\$/) } } });
    expect(JSON.stringify(stored)).not.toContain('phoneHash');
    const page = await staffStore(secret).auditPage({
      from: '2026-01-01T00:00:00Z',
      to: '2027-01-01T00:00:00Z',
      viewer: { name: 'x', cityWide: true, towns: [] },
      limit: 10,
    });
    expect(page.items).toHaveLength(1);
    expect(verifyAuditEntry(secret, page.items[0]!)).toBe(true);
  });
});
