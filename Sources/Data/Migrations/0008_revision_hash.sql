-- What a poster can edit besides company, title, location and description (content_hash): pay, experience,
-- skills, work mode, job type and requirements, hashed by the importer (ContentHash.revision). The same platform
-- and external id with a new salary alone used to count as a duplicate and keep the old salary; now it is an
-- update. Rows stored before this migration have '' and are updated once, on their next import.
ALTER TABLE job_postings ADD COLUMN revision_hash text NOT NULL DEFAULT '';
