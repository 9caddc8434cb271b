-- Import speed (issue 3), measured on 100,000 generated postings (bench/RESULTS.md):
-- a posting row is ~2.5 KB, just over the default TOAST threshold (~2 KB), so every insert tried to
-- compress the description with pglz (which failed on most) and then moved it to the TOAST table:
-- 5 of the 7 s of server CPU that the bare INSERT of 100,000 rows took. Rows now stay whole in the
-- heap up to a page (larger ones are still compressed and moved out, as before).
ALTER TABLE job_postings SET (toast_tuple_target = 8160);
-- The GIN index on keywords cost 1.9 s of the 9 s of index upkeep per 100,000 inserted rows and no query
-- uses it (keyword search is not built; skills, which matching uses, keep their GIN index). A search
-- feature that needs it adds it back in its own migration.
DROP INDEX IF EXISTS job_postings_keywords;
