-- Nearest-neighbour indexes for Gemini vectors (gemini-embedding-001 at 768 dimensions), next to the MiniLM
-- ones of 0001. Partial expression indexes: a query uses one only when it repeats the cast and the predicate
-- (EmbeddingStore.nearestSQL does).
CREATE INDEX job_postings_embedding_gemini ON job_postings
    USING hnsw ((embedding::vector(768)) vector_cosine_ops) WHERE embedding_model = 'gemini-embedding-001';
CREATE INDEX global_roles_embedding_gemini ON global_roles
    USING hnsw ((embedding::vector(768)) vector_cosine_ops) WHERE embedding_model = 'gemini-embedding-001';
-- How a job got its canonical role is recorded per mapping; the normalizer looks up jobs without one.
CREATE INDEX IF NOT EXISTS role_job_mapping_role ON role_job_mapping (role_id);
