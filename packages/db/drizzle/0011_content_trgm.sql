-- Substring matches on an audit log's content (`content:magic`, search-sql.ts: content ILIKE
-- '%...%') through trigrams instead of a scan of the team's rows. Partial on the audit stream,
-- the one whose search has a content field, so no other stream's writer pays for it.
-- Every row adds ~70 trigrams, many of them new (ids in the text), so writes pay: measured on
-- PostgreSQL 15 with 200,000-610,000 bench rows, a 10,000-row append took +65-85% with the default
-- 4 MB pending list (GIN's fastupdate list, merged into the index whenever it fills, inside the
-- writing transaction) and +12-18% with 32 MB, where each merge is one larger, cheaper bulk pass
-- (and autovacuum may do it between writes). GiST (gist_trgm_ops, siglen 256) cost more than GIN on writes.
-- The price: a search reads the unmerged list linearly (~0.6 s instead of ~0.2 s at 610,000 rows
-- on a loaded machine; a scan of the rows took 1.8 s).
-- Self-contained: search_indexes creates pg_trgm too.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS events_content_trgm_idx ON events USING gin (content gin_trgm_ops) WITH (gin_pending_list_limit = 32768) WHERE stream = 'audit';
