-- A match's tenant is its candidate's tenant: one composite foreign key instead of two separate ones. It is
-- stronger (a match can no longer name another tenant than its candidate's) and a bulk write of matches pays one
-- referential check per row less (the checks were the larger part of the server's time for a COPY of matches).
ALTER TABLE candidates ADD CONSTRAINT candidates_id_tenant UNIQUE (id, tenant_id);
ALTER TABLE candidate_job_matches
    DROP CONSTRAINT candidate_job_matches_tenant_id_fkey,
    DROP CONSTRAINT candidate_job_matches_candidate_id_fkey,
    ADD CONSTRAINT candidate_job_matches_candidate_tenant_fkey
        FOREIGN KEY (candidate_id, tenant_id) REFERENCES candidates (id, tenant_id) ON DELETE CASCADE;
