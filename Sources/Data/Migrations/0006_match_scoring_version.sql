-- The scoring version of each match in its own column: a re-run compares it for every stored match, and reading
-- it out of the explanation meant decoding every explanation (2.5 million of them in the 2,000 × 50,000 benchmark).
ALTER TABLE candidate_job_matches ADD COLUMN scoring_version text;
UPDATE candidate_job_matches SET scoring_version = explanation->>'scoring_version';
