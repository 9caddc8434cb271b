-- Every URL a job is listed at, per canonical posting: its own, those of identical copies that were not stored as
-- rows of their own (job_postings.source_urls), and those of the postings grouped under it (each stored with its
-- own URL and canonical_job_id). The grouped ones used to be appended to source_urls as well, which rewrote
-- every canonical posting that had a repeat: 9,500 row versions (with all their index entries) per 100,000
-- imported postings, a second of each large import.
CREATE VIEW job_posting_sources AS
SELECT c.id AS job_posting_id,
       c.source_urls || coalesce((SELECT array_agg(d.url ORDER BY d.id) FROM job_postings d
                                  WHERE d.canonical_job_id = c.id AND d.url IS NOT NULL
                                    AND d.url <> ALL (c.source_urls)), '{}') AS urls
FROM job_postings c
WHERE c.canonical_job_id IS NULL;
