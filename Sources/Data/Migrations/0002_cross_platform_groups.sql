-- Cross-platform duplicate groups (issue 3): a fingerprint of normalized company, title and place,
-- and a SimHash of the description. Postings in one group point at the first one (canonical_job_id).
ALTER TABLE job_postings ADD COLUMN fingerprint text NOT NULL DEFAULT '';
ALTER TABLE job_postings ADD COLUMN description_simhash bigint NOT NULL DEFAULT 0;
CREATE INDEX job_postings_fingerprint ON job_postings (fingerprint, id) WHERE fingerprint <> '' AND canonical_job_id IS NULL;
