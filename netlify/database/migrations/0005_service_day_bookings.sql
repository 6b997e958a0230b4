-- Bookings of the village legal adviser's service days (村居法律顾问服务日,
-- content/consult/service-days.json; src/lib/consult/service-days.ts): a
-- 法律咨询 asking 当面咨询 books one slot of a published day.
--
-- The slot is plaintext on the request (it is not personal data: a day, a
-- time and a community), so the desk lists a day's bookings from an index
-- and the printable list for the adviser needs no scan. Null for every other
-- request; records made before it existed have no slot and their record MAC
-- was computed without one, so nothing is written into them.
ALTER TABLE requests ADD COLUMN service_slot text;
ALTER TABLE requests ADD COLUMN service_day text;
CREATE INDEX requests_service_day ON requests (service_day, service_slot, created_at, receipt)
  WHERE service_day IS NOT NULL;

-- Places taken per slot. A booking claims its place and inserts its request
-- in ONE statement (INSERT … ON CONFLICT DO UPDATE … WHERE booked < capacity,
-- then the request from that row: src/lib/store/requests.ts), so bookings
-- racing each other can never take more places than the slot has; the local
-- emulation shares one session, so there are no multi-statement
-- transactions. Withdrawing gives the place back in the statement that
-- withdraws. The capacity comes from the published schedule, not from here.
CREATE TABLE service_day_bookings (
  service_slot  text PRIMARY KEY,
  service_day   text NOT NULL,
  booked        integer NOT NULL CHECK (booked >= 0)
);
