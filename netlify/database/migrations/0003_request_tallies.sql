-- The desk's counts per status without reading every request. Counting the
-- whole queue from the requests_counts index took 240–480 ms at 100,000 rows
-- on the local emulation (BENCHMARKS.md), most of the desk's 300 ms budget,
-- and grows with every year kept. These tallies hold one row per town, kind,
-- status and whether personal data is still held, kept in step by triggers
-- in the same statement as the change, so the desk's counts (under the
-- scope, type and town filters) read a few hundred rows at most. Counts
-- under a date range still come from the indexes (src/lib/store/staff.ts).
CREATE TABLE request_tallies (
  town          text NOT NULL,
  kind          text NOT NULL,
  status        text NOT NULL,
  has_personal  boolean NOT NULL,
  n             integer NOT NULL,
  PRIMARY KEY (town, kind, status, has_personal)
);

INSERT INTO request_tallies (town, kind, status, has_personal, n)
  SELECT town, kind, status, has_personal, count(*) FROM requests GROUP BY town, kind, status, has_personal;

CREATE FUNCTION request_tallies_add(t text, k text, s text, hp boolean, delta integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO request_tallies (town, kind, status, has_personal, n) VALUES (t, k, s, hp, delta)
    ON CONFLICT (town, kind, status, has_personal) DO UPDATE SET n = request_tallies.n + delta;
END;
$$;

-- A change moves one request from one tally to another. The two tally rows are
-- always changed in the same (key) order, so two changes moving requests in
-- opposite directions at the same moment cannot deadlock.
CREATE FUNCTION request_tallies_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM request_tallies_add(NEW.town, NEW.kind, NEW.status, NEW.has_personal, 1);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM request_tallies_add(OLD.town, OLD.kind, OLD.status, OLD.has_personal, -1);
  ELSIF (OLD.town, OLD.kind, OLD.status, OLD.has_personal) < (NEW.town, NEW.kind, NEW.status, NEW.has_personal) THEN
    PERFORM request_tallies_add(OLD.town, OLD.kind, OLD.status, OLD.has_personal, -1);
    PERFORM request_tallies_add(NEW.town, NEW.kind, NEW.status, NEW.has_personal, 1);
  ELSE
    PERFORM request_tallies_add(NEW.town, NEW.kind, NEW.status, NEW.has_personal, 1);
    PERFORM request_tallies_add(OLD.town, OLD.kind, OLD.status, OLD.has_personal, -1);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER requests_tally_insert AFTER INSERT ON requests
  FOR EACH ROW EXECUTE FUNCTION request_tallies_follow();
CREATE TRIGGER requests_tally_delete AFTER DELETE ON requests
  FOR EACH ROW EXECUTE FUNCTION request_tallies_follow();
CREATE TRIGGER requests_tally_update AFTER UPDATE ON requests
  FOR EACH ROW
  WHEN ((OLD.town, OLD.kind, OLD.status, OLD.has_personal) IS DISTINCT FROM (NEW.town, NEW.kind, NEW.status, NEW.has_personal))
  EXECUTE FUNCTION request_tallies_follow();
