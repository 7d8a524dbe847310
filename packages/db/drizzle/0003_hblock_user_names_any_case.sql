-- HBlock user names become unique regardless of case. Names that differ only in case cannot
-- all keep theirs: the oldest keeps its name; each younger one is revoked (it could no longer
-- be told apart when signing in) and renamed <name>-dup-<8 hex>, so its team still sees it.
WITH ranked AS (
  SELECT team_id, user_name,
         row_number() OVER (PARTITION BY lower(user_name) ORDER BY created_at, user_name) AS n
  FROM hblock_users
)
UPDATE hblock_users AS u
SET user_name = u.user_name || '-dup-' || left(md5(u.team_id::text || u.user_name), 8),
    revoked_at = coalesce(u.revoked_at, now())
FROM ranked
WHERE ranked.n > 1 AND ranked.team_id = u.team_id AND ranked.user_name = u.user_name;
--> statement-breakpoint
DROP INDEX "hblock_users_user_name_key";--> statement-breakpoint
CREATE UNIQUE INDEX "hblock_users_user_name_lower_key" ON "hblock_users" USING btree (lower("user_name"));
