-- The script of the site the person filled the form on: 'zh-Hans' (简体) or
-- 'zh-Hant' (繁體, /zh-hant/), plaintext metadata the desk shows beside the
-- record (src/lib/requests/record.ts, RecordMeta.lang). Null for records made
-- before the 繁體 site existed (read as 简体): their record MAC was computed
-- without the field, so no default is written into them.
ALTER TABLE requests ADD COLUMN lang text CHECK (lang IN ('zh-Hans', 'zh-Hant'));
