-- CentralD schema, DESIGN §4. Global tables first, then per-tenant tables under row-level security.
CREATE EXTENSION IF NOT EXISTS vector;

-- Tenants and who belongs to them ------------------------------------------------------------
CREATE TABLE tenants (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]*$'),
    name        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- A database role (a recruiter's login) confined to one tenant by RLS.
CREATE TABLE tenant_members (
    role_name   text PRIMARY KEY,
    tenant_id   uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tenant_members_tenant ON tenant_members (tenant_id);

-- The tenants a database role may see: its tenant_members rows (never a session setting, which any
-- role could change). SECURITY DEFINER so that recruiters need no access to tenant_members; the policies pass
-- the caller's current_user (inside the function current_user would be the owner).
CREATE FUNCTION current_tenant_ids(caller text) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT tenant_id FROM tenant_members WHERE role_name = caller
$$;

-- Canonical roles: the scrape queue -------------------------------------------------------------
CREATE TABLE global_roles (
    id                    bigserial PRIMARY KEY,
    canonical_role        text NOT NULL UNIQUE,
    status                text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'PAUSED', 'RETIRED')),
    priority              integer NOT NULL DEFAULT 0,
    embedding             vector,
    embedding_model       text,
    last_scraped_at       timestamptz,
    lease_token           uuid,
    lease_holder          text,
    lease_fence           bigint NOT NULL DEFAULT 0,
    lease_expires_at      timestamptz,
    consecutive_failures  integer NOT NULL DEFAULT 0,
    next_eligible_at      timestamptz NOT NULL DEFAULT now(),
    created_at            timestamptz NOT NULL DEFAULT now()
);
-- FIFO lease order: least recently scraped eligible role first.
CREATE INDEX global_roles_queue ON global_roles (status, next_eligible_at, last_scraped_at NULLS FIRST, id);

CREATE TABLE role_aliases (
    alias       text PRIMARY KEY CHECK (alias = lower(alias)),
    role_id     bigint NOT NULL REFERENCES global_roles(id) ON DELETE CASCADE
);
CREATE INDEX role_aliases_role ON role_aliases (role_id);

-- Scrapers ------------------------------------------------------------------------------------
CREATE TABLE scraper_api_keys (
    id            bigserial PRIMARY KEY,
    name          text NOT NULL UNIQUE,
    key_prefix    text NOT NULL UNIQUE,
    key_sha256    bytea NOT NULL,          -- sha256 of the secret; the secret itself is never stored
    platforms     text[] NOT NULL DEFAULT '{}',
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_used_at  timestamptz,
    revoked_at    timestamptz
);

CREATE TABLE scrape_activity_log (
    id              bigserial PRIMARY KEY,
    scraper_key_id  bigint REFERENCES scraper_api_keys(id) ON DELETE SET NULL,
    scraper_name    text NOT NULL,
    role_id         bigint REFERENCES global_roles(id) ON DELETE SET NULL,
    role_name       text NOT NULL,
    lease_token     uuid,
    status          text NOT NULL CHECK (status IN ('in_progress', 'completed', 'no_jobs', 'timeout', 'failed', 'completed_late')),
    started_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    jobs_found      integer,
    jobs_imported   integer,
    duplicates      integer,
    platforms       text[] NOT NULL DEFAULT '{}',
    error           text
);
CREATE INDEX scrape_activity_recent ON scrape_activity_log (started_at DESC);
CREATE INDEX scrape_activity_scraper ON scrape_activity_log (scraper_name, started_at DESC);

-- Imports --------------------------------------------------------------------------------------
CREATE TABLE job_import_batches (
    id                 bigserial PRIMARY KEY,
    file_name          text NOT NULL,
    source_path        text,
    platform           text NOT NULL,
    format             text NOT NULL,
    status             text NOT NULL DEFAULT 'COMPLETED' CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
    started_at         timestamptz NOT NULL DEFAULT now(),
    finished_at        timestamptz,
    records_read       integer NOT NULL DEFAULT 0,
    imported           integer NOT NULL DEFAULT 0,
    updated            integer NOT NULL DEFAULT 0,
    duplicates         integer NOT NULL DEFAULT 0,
    rejected           integer NOT NULL DEFAULT 0,
    scraped_by_key_id  bigint REFERENCES scraper_api_keys(id) ON DELETE SET NULL,
    scrape_activity_id bigint REFERENCES scrape_activity_log(id) ON DELETE SET NULL
);
CREATE INDEX job_import_batches_recent ON job_import_batches (started_at DESC);

CREATE TABLE job_import_errors (
    batch_id       bigint NOT NULL REFERENCES job_import_batches(id) ON DELETE CASCADE,
    record_number  integer NOT NULL,
    field          text NOT NULL,
    reason         text NOT NULL,
    PRIMARY KEY (batch_id, record_number, field)
);

-- Job postings (global) ---------------------------------------------------------------------------
CREATE TABLE job_postings (
    id                   bigserial PRIMARY KEY,
    platform             text NOT NULL,
    external_job_id      text NOT NULL,
    url                  text,
    source_urls          text[] NOT NULL DEFAULT '{}',
    title                text NOT NULL,
    company              text,
    location_raw         text,
    city                 text,
    region               text,
    country              text,
    work_mode            text NOT NULL DEFAULT 'unknown' CHECK (work_mode IN ('remote', 'hybrid', 'onsite', 'unknown')),
    work_mode_evidence   text,
    description          text NOT NULL DEFAULT '',
    requirements         text,
    skills               text[] NOT NULL DEFAULT '{}',
    salary_raw           text,
    salary_currency      text,
    salary_interval      text CHECK (salary_interval IN ('HOUR', 'DAY', 'WEEK', 'MONTH', 'YEAR')),
    salary_min           numeric,
    salary_max           numeric,
    salary_annual_min    numeric,
    salary_annual_max    numeric,
    salary_source        text CHECK (salary_source IN ('posted', 'estimated', 'parsed')),
    salary_unstated      boolean NOT NULL DEFAULT false,
    salary_note          text,
    experience_raw       text,
    experience_min       numeric,
    experience_max       numeric,
    job_type             text,
    keywords             text[] NOT NULL DEFAULT '{}',
    embedding            vector,
    embedding_model      text,
    posted_at            timestamptz,
    imported_at          timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    status               text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'EXPIRED')),
    expired_at           timestamptz,
    expired_reason       text,
    import_batch_id      bigint REFERENCES job_import_batches(id) ON DELETE SET NULL,
    scraped_by_key_id    bigint REFERENCES scraper_api_keys(id) ON DELETE SET NULL,
    content_hash         text NOT NULL,
    canonical_job_id     bigint REFERENCES job_postings(id) ON DELETE SET NULL,
    duplicate_reason     text,
    UNIQUE (platform, external_job_id)
);
CREATE INDEX job_postings_content_hash ON job_postings (content_hash);
CREATE INDEX job_postings_status_platform ON job_postings (status, platform);
CREATE INDEX job_postings_posted ON job_postings (posted_at DESC) WHERE status = 'ACTIVE';
CREATE INDEX job_postings_batch ON job_postings (import_batch_id);
CREATE INDEX job_postings_canonical ON job_postings (canonical_job_id) WHERE canonical_job_id IS NOT NULL;
CREATE INDEX job_postings_skills ON job_postings USING gin (skills);
CREATE INDEX job_postings_keywords ON job_postings USING gin (keywords);
-- Nearest-neighbour search per model (vectors of different models are never compared).
CREATE INDEX job_postings_embedding_minilm ON job_postings
    USING hnsw ((embedding::vector(384)) vector_cosine_ops) WHERE embedding_model = 'all-MiniLM-L6-v2';
CREATE INDEX global_roles_embedding_minilm ON global_roles
    USING hnsw ((embedding::vector(384)) vector_cosine_ops) WHERE embedding_model = 'all-MiniLM-L6-v2';

CREATE TABLE role_job_mapping (
    role_id         bigint NOT NULL REFERENCES global_roles(id) ON DELETE CASCADE,
    job_posting_id  bigint NOT NULL REFERENCES job_postings(id) ON DELETE CASCADE,
    method          text NOT NULL CHECK (method IN ('alias', 'embedding', 'scrape')),
    similarity      real,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (role_id, job_posting_id)
);
CREATE INDEX role_job_mapping_job ON role_job_mapping (job_posting_id);

-- Candidates and matches (per tenant, RLS) -------------------------------------------------------
CREATE TABLE candidates (
    id                      bigserial PRIMARY KEY,
    tenant_id               uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    external_ref            text,
    first_name              text NOT NULL,
    last_name               text NOT NULL,
    email                   text,
    title                   text,
    summary                 text,
    skills                  text[] NOT NULL DEFAULT '{}',
    total_experience_years  numeric,
    expected_salary         numeric,
    salary_currency         text,
    salary_interval         text CHECK (salary_interval IN ('HOUR', 'DAY', 'WEEK', 'MONTH', 'YEAR')),
    preferred_locations     text[] NOT NULL DEFAULT '{}',
    remote_preference       text NOT NULL DEFAULT 'any' CHECK (remote_preference IN ('remote', 'hybrid', 'onsite', 'any')),
    preferred_role_ids      bigint[] NOT NULL DEFAULT '{}',
    status                  text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'screening', 'approved', 'ready_for_assignment', 'on_hold', 'placed', 'archived')),
    embedding               vector,
    embedding_model         text,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, external_ref)
);
CREATE INDEX candidates_tenant_status ON candidates (tenant_id, status);

CREATE TABLE candidate_job_matches (
    id                bigserial PRIMARY KEY,
    tenant_id         uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    candidate_id      bigint NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
    job_posting_id    bigint NOT NULL REFERENCES job_postings(id) ON DELETE CASCADE,
    skills_score      real,
    experience_score  real,
    location_score    real,
    salary_score      real,
    semantic_score    real,
    match_score       real NOT NULL,
    grade             text NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D')),
    matched_skills    text[] NOT NULL DEFAULT '{}',
    missing_skills    text[] NOT NULL DEFAULT '{}',
    explanation       jsonb NOT NULL DEFAULT '{}',
    status            text NOT NULL DEFAULT 'SUGGESTED' CHECK (status IN ('SUGGESTED', 'VIEWED', 'SHORTLISTED', 'APPLIED', 'REJECTED')),
    scored_at         timestamptz NOT NULL DEFAULT now(),
    created_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (candidate_id, job_posting_id)
);
CREATE INDEX candidate_job_matches_rank ON candidate_job_matches (tenant_id, candidate_id, match_score DESC);
CREATE INDEX candidate_job_matches_job ON candidate_job_matches (job_posting_id);

CREATE TABLE match_status_events (
    id          bigserial PRIMARY KEY,
    tenant_id   uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    match_id    bigint NOT NULL REFERENCES candidate_job_matches(id) ON DELETE CASCADE,
    from_status text,
    to_status   text NOT NULL,
    changed_by  text NOT NULL DEFAULT current_user,
    reason      text,
    changed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX match_status_events_match ON match_status_events (match_id, changed_at);

ALTER TABLE candidates ENABLE ROW LEVEL SECURITY;
ALTER TABLE candidate_job_matches ENABLE ROW LEVEL SECURITY;
ALTER TABLE match_status_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON candidates
    USING (tenant_id IN (SELECT current_tenant_ids(current_user::text))) WITH CHECK (tenant_id IN (SELECT current_tenant_ids(current_user::text)));
CREATE POLICY tenant_isolation ON candidate_job_matches
    USING (tenant_id IN (SELECT current_tenant_ids(current_user::text))) WITH CHECK (tenant_id IN (SELECT current_tenant_ids(current_user::text)));
CREATE POLICY tenant_isolation ON match_status_events
    USING (tenant_id IN (SELECT current_tenant_ids(current_user::text))) WITH CHECK (tenant_id IN (SELECT current_tenant_ids(current_user::text)));

-- Recruiters: a NOLOGIN group role with the grants; each recruiter login is a member and has a
-- tenant_members row. PM_ADMIN is the owner (superuser or BYPASSRLS) and sees everything.
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'centrald_recruiter') THEN
        CREATE ROLE centrald_recruiter NOLOGIN;
    END IF;
END $$;
GRANT SELECT ON job_postings, global_roles, role_aliases, role_job_mapping, tenants TO centrald_recruiter;
GRANT SELECT, INSERT, UPDATE ON candidates, candidate_job_matches, match_status_events TO centrald_recruiter;
GRANT USAGE ON SEQUENCE candidates_id_seq, candidate_job_matches_id_seq, match_status_events_id_seq TO centrald_recruiter;

-- Workflows (durable, DESIGN §8) -----------------------------------------------------------------
CREATE TABLE wf_events (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name         text NOT NULL,
    dedup_key    text UNIQUE,
    payload      jsonb NOT NULL DEFAULT '{}',
    created_at   timestamptz NOT NULL DEFAULT now(),
    processed_at timestamptz
);
CREATE INDEX wf_events_pending ON wf_events (created_at) WHERE processed_at IS NULL;

CREATE TABLE wf_runs (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    workflow      text NOT NULL,
    event_id      uuid REFERENCES wf_events(id) ON DELETE SET NULL,
    status        text NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'RUNNING', 'SLEEPING', 'COMPLETED', 'FAILED', 'CANCELLED')),
    attempt       integer NOT NULL DEFAULT 0,
    lease_holder  text,
    lease_expires_at timestamptz,
    run_after     timestamptz NOT NULL DEFAULT now(),
    error         text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    finished_at   timestamptz,
    UNIQUE (workflow, event_id)
);
CREATE INDEX wf_runs_ready ON wf_runs (run_after) WHERE status IN ('QUEUED', 'SLEEPING');

CREATE TABLE wf_steps (
    run_id      uuid NOT NULL REFERENCES wf_runs(id) ON DELETE CASCADE,
    step        text NOT NULL,
    output      jsonb,
    finished_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, step)
);

CREATE TABLE wf_cron_state (
    workflow    text PRIMARY KEY,
    last_tick   timestamptz NOT NULL
);

CREATE TABLE wf_leader (
    name        text PRIMARY KEY,
    holder      text NOT NULL,
    expires_at  timestamptz NOT NULL
);

CREATE TABLE audit_log (
    id       bigserial PRIMARY KEY,
    at       timestamptz NOT NULL DEFAULT now(),
    actor    text NOT NULL DEFAULT current_user,
    action   text NOT NULL,
    target   text,
    details  jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at ON audit_log (at DESC);
