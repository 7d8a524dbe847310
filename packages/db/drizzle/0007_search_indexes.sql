-- The search language's indexes (packages/api/src/services/search). Partial on the two
-- searchable streams, so the other streams' writers do not pay for them. The expressions must
-- stay exactly as the queries write them (search-sql.ts), or the planner will not use them.
-- pg_trgm is a contrib extension: built into PostgreSQL, handed to PGlite by pglite-extensions.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- Free text: full-text search over action, content and resource title.
CREATE INDEX IF NOT EXISTS events_search_text_idx ON events USING gin (
  to_tsvector('simple'::regconfig, coalesce(action, '') || ' ' || coalesce(content, '') || ' ' || coalesce(target_title, ''))
) WHERE stream IN ('audit', 'activity');
--> statement-breakpoint
-- Substring matches (`action:sign`, `title:ampaig`) without scanning the team's rows. Not on
-- content: its trigram index made every audit write ~2.5x slower (20,000 rows: 2.2 s with the
-- full-text index alone, 5.9 s with trigrams on content too), and content is reached by words.
CREATE INDEX IF NOT EXISTS events_action_trgm_idx ON events USING gin (action gin_trgm_ops) WHERE stream IN ('audit', 'activity');
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS events_title_trgm_idx ON events USING gin (target_title gin_trgm_ops) WHERE stream IN ('audit', 'activity');
--> statement-breakpoint
-- The activity payload filters (sequenceKey, websiteUuid, keypoint, endpoint) match by
-- containment (`payload @> {...}`), which jsonb_path_ops serves for all four at once.
CREATE INDEX IF NOT EXISTS events_activity_payload_idx ON events USING gin (payload jsonb_path_ops) WHERE stream = 'activity';
