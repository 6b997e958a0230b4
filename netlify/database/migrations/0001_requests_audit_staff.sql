-- The back office's records: requests of every kind in the registry
-- (src/lib/requests/registry.ts), the audit trail, staff sign-in state,
-- frozen public statistics and the state of scheduled jobs.
--
-- Plain, standard PostgreSQL (no extension, nothing vendor-only), so the
-- same schema runs on Netlify Database, the local emulation (PGlite) and any
-- managed Postgres, including one hosted in China (docs/staff.md, "数据存放").
-- All access goes through src/lib/store/; see docs/staff.md for the columns.

-- One row per request, whatever its kind: the lifecycle (status, history,
-- deadlines, closing, retention) is the same columns for every kind, so a new
-- kind of request needs no table of its own for it. A kind that keeps more
-- (a consultation's answers and ratings) adds its own tables in a migration
-- of its own, keyed by receipt.
CREATE TABLE requests (
  receipt          text PRIMARY KEY,
  -- The receipt without its date: a retry after midnight finds the first record.
  slot             text NOT NULL UNIQUE,
  kind             text NOT NULL,
  town             text NOT NULL,
  category         text NOT NULL,
  status           text NOT NULL,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  -- Last day of the decision the bureau owes (Beijing date); 'infinity' when none is owed.
  due_on           date NOT NULL DEFAULT 'infinity',
  -- First 已受理; first 已受理 or 不予受理; when the current final status was reached.
  accepted_at      timestamptz,
  decided_at       timestamptz,
  closed_at        timestamptz,
  purged_at        timestamptz,
  -- Optimistic concurrency: every write is UPDATE … WHERE version = $n.
  version          integer NOT NULL DEFAULT 1,
  -- Keyed hashes (src/lib/requests/keys.ts); emptied by retention.
  idem_hash        text NOT NULL,
  submission_hash  text NOT NULL,
  -- Slow salted hash of the phone (scrypt), checked after looking up by receipt.
  phone_check      text NOT NULL,
  withdraw_until   timestamptz NOT NULL,
  corrections      integer NOT NULL DEFAULT 0,
  -- [{status, at, by, note?}], oldest first.
  history          jsonb NOT NULL,
  -- The sealed personal half (ciphertext); null after withdrawal or retention. Kept out of
  -- line (TOAST, see below), so lists, counts and scans never read it.
  personal         jsonb,
  -- personal IS NOT NULL, as a column so counts can be answered from an index alone.
  has_personal     boolean NOT NULL,
  -- The key id the personal half is sealed to (shown in lists without reading it).
  personal_kid     text,
  -- HMAC (server secret) over the plaintext metadata (every column but personal, with
  -- personal_kid): the desk shows 校验不符 for a row edited in the database. The sealed half
  -- protects itself: AES-GCM bound to the receipt and the key id.
  mac              text NOT NULL,
  schema_version   integer NOT NULL DEFAULT 1
);

-- A row holds about 700 bytes of metadata and history and 1–3 KB of sealed personal data:
-- moving the latter out of line keeps the table small, so pages and counts read little.
ALTER TABLE requests ALTER COLUMN personal SET STORAGE EXTERNAL;
ALTER TABLE requests SET (toast_tuple_target = 1024);

-- The desk's queue, a page at a time (keyset pagination): by deadline or newest first, for the
-- whole city, one town, or one status; the row order of each index is the order of the page.
CREATE INDEX requests_queue ON requests (due_on, created_at, receipt);
CREATE INDEX requests_town_queue ON requests (town, due_on, created_at, receipt);
CREATE INDEX requests_status_queue ON requests (status, due_on, created_at, receipt);
CREATE INDEX requests_newest ON requests (created_at DESC, receipt DESC);
CREATE INDEX requests_town_newest ON requests (town, created_at DESC, receipt DESC);
-- Counts per status under any filter, from this index alone (an index-only scan).
CREATE INDEX requests_counts ON requests (town, kind, status, created_at, due_on, has_personal);
-- Statistics by month of the event, retention by closing time.
CREATE INDEX requests_accepted ON requests (accepted_at) WHERE accepted_at IS NOT NULL;
CREATE INDEX requests_decided ON requests (decided_at) WHERE decided_at IS NOT NULL;
CREATE INDEX requests_closed ON requests (closed_at) WHERE closed_at IS NOT NULL;
CREATE INDEX requests_unpurged ON requests (created_at) WHERE purged_at IS NULL;

-- The audit trail: append-only. The store module has no UPDATE or DELETE for
-- it, and the trigger below refuses both, so removing an entry takes a schema
-- change (which the migrations history shows).
CREATE TABLE audit_entries (
  id        text PRIMARY KEY,
  at        timestamptz NOT NULL,
  actor     text,
  action    text NOT NULL,
  receipt   text,
  receipts  text[],
  town      text,
  detail    jsonb,
  mac       text NOT NULL
);
CREATE INDEX audit_time ON audit_entries (at DESC, id DESC);
CREATE INDEX audit_receipt ON audit_entries (receipt, at DESC) WHERE receipt IS NOT NULL;
CREATE INDEX audit_receipts ON audit_entries USING gin (receipts);
CREATE INDEX audit_town ON audit_entries (town, at DESC);
CREATE INDEX audit_actor ON audit_entries (actor, at DESC);

CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit entries are append-only';
END;
$$;
CREATE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON audit_entries
  FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();

-- Sign-in attempts per client address (HMAC of the address, never the address).
-- One row per client, changed by single atomic statements (src/lib/store/staff.ts).
CREATE TABLE staff_lockouts (
  client        text PRIMARY KEY,
  window_start  timestamptz NOT NULL,
  attempts      integer NOT NULL,
  failures      integer NOT NULL DEFAULT 0,
  locked_until  timestamptz,
  refused       integer NOT NULL DEFAULT 0,
  -- Whether the statement that last changed the row let its request try a token.
  admitted      boolean NOT NULL DEFAULT true
);

-- Revoked staff tokens (hash as in STAFF_TOKENS): `npm run staff:revoke`.
CREATE TABLE staff_revocations (
  token_hash  text PRIMARY KEY,
  name        text,
  reason      text,
  revoked_at  timestamptz NOT NULL
);

-- Public statistics, frozen when a period closes: a month ('2026-03') or a
-- year ('2026'). Written once (INSERT … ON CONFLICT DO NOTHING), never updated.
CREATE TABLE stats_periods (
  period     text PRIMARY KEY,
  frozen_at  timestamptz NOT NULL,
  -- Unsuppressed counts (never published), so a closed year can be built from its frozen months.
  raw        jsonb NOT NULL,
  -- What /stats/ shows, small counts suppressed.
  published  jsonb NOT NULL
);

-- Scheduled jobs: a lease so one runs at a time, and the last outcome, so a
-- failure is visible and retried.
CREATE TABLE job_runs (
  name           text PRIMARY KEY,
  holder         text,
  lease_until    timestamptz,
  last_ok_at     timestamptz,
  last_error_at  timestamptz,
  last_error     text,
  failures       integer NOT NULL DEFAULT 0,
  state          jsonb
);
