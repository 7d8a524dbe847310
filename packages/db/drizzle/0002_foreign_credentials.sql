CREATE TABLE "access_keys" (
	"team_id" uuid NOT NULL,
	"id" text NOT NULL,
	"alg" text NOT NULL,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"public_key" text,
	"shared_secret" text,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "access_keys_team_id_id_pk" PRIMARY KEY("team_id","id")
);
--> statement-breakpoint
CREATE TABLE "hblock_users" (
	"team_id" uuid NOT NULL,
	"user_name" text NOT NULL,
	"role" text NOT NULL,
	"shared_secret" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "hblock_users_team_id_user_name_pk" PRIMARY KEY("team_id","user_name")
);
--> statement-breakpoint
ALTER TABLE "access_keys" ADD CONSTRAINT "access_keys_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hblock_users" ADD CONSTRAINT "hblock_users_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "access_keys_id_key" ON "access_keys" USING btree ("id");--> statement-breakpoint
CREATE INDEX "access_keys_team_created_idx" ON "access_keys" USING btree ("team_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "hblock_users_user_name_key" ON "hblock_users" USING btree ("user_name");