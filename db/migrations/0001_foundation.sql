CREATE TABLE "characteristics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"parent_id" uuid,
	"employment_only" boolean DEFAULT false NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "characteristics_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "framework_crosswalk" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_outcome_id" uuid NOT NULL,
	"to_outcome_id" uuid NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "framework_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "framework_outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"wording" text NOT NULL,
	"position" integer NOT NULL,
	"scored_per_service" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "frameworks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"group_noun" text NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"aggregation_rule" text NOT NULL,
	"aggregation_description" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "psed_aims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "psed_aims_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "rating_bands" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"band_set" text DEFAULT 'default' NOT NULL,
	"label" text NOT NULL,
	"min_score" integer NOT NULL,
	"max_score" integer NOT NULL,
	"colour" text NOT NULL,
	"source" text NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rating_scale_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"value" integer NOT NULL,
	"label" text NOT NULL,
	"description" text NOT NULL,
	"colour" text NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"active_org_id" uuid,
	"active_collaborative_id" uuid
);
--> statement-breakpoint
ALTER TABLE "sessions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "sign_in_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"address" "inet",
	"succeeded" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sign_in_attempts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "user_credentials" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"password_hash" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "user_credentials" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"job_title" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
ALTER TABLE "users" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "collaborative_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaborative_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"joined_on" date DEFAULT now() NOT NULL,
	"left_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "collaborative_members" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "collaboratives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"region" text,
	"description" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "collaboratives" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"collaborative_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"email" text NOT NULL,
	"role" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "invitations_role_check" CHECK ("invitations"."role" in ('collaborative_admin', 'regional_lead', 'equality_lead', 'contributor', 'peer_reviewer', 'viewer'))
);
--> statement-breakpoint
ALTER TABLE "invitations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "memberships_role_check" CHECK ("memberships"."role" in ('collaborative_admin', 'regional_lead', 'equality_lead', 'contributor', 'peer_reviewer', 'viewer'))
);
--> statement-breakpoint
ALTER TABLE "memberships" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"ods_code" text,
	"valid_from" date,
	"valid_to" date,
	"successor_id" uuid,
	"contact_email" text,
	"contact_phone" text,
	"address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_type_check" CHECK ("organisations"."type" in ('icb', 'ccg', 'acute_trust', 'community_trust', 'mental_health_trust', 'local_authority', 'vcse', 'other'))
);
--> statement-breakpoint
ALTER TABLE "organisations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "characteristics" ADD CONSTRAINT "characteristics_parent_id_characteristics_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."characteristics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_crosswalk" ADD CONSTRAINT "framework_crosswalk_from_outcome_id_framework_outcomes_id_fk" FOREIGN KEY ("from_outcome_id") REFERENCES "public"."framework_outcomes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_crosswalk" ADD CONSTRAINT "framework_crosswalk_to_outcome_id_framework_outcomes_id_fk" FOREIGN KEY ("to_outcome_id") REFERENCES "public"."framework_outcomes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_groups" ADD CONSTRAINT "framework_groups_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_outcomes" ADD CONSTRAINT "framework_outcomes_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_outcomes" ADD CONSTRAINT "framework_outcomes_group_id_framework_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."framework_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_bands" ADD CONSTRAINT "rating_bands_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_scale_points" ADD CONSTRAINT "rating_scale_points_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_credentials" ADD CONSTRAINT "user_credentials_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaborative_members" ADD CONSTRAINT "collaborative_members_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaborative_members" ADD CONSTRAINT "collaborative_members_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_successor_id_organisations_id_fk" FOREIGN KEY ("successor_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "framework_crosswalk_uq" ON "framework_crosswalk" USING btree ("from_outcome_id","to_outcome_id");--> statement-breakpoint
CREATE UNIQUE INDEX "framework_groups_code_uq" ON "framework_groups" USING btree ("framework_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "framework_outcomes_code_uq" ON "framework_outcomes" USING btree ("framework_id","code");--> statement-breakpoint
CREATE INDEX "framework_outcomes_group_idx" ON "framework_outcomes" USING btree ("group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "frameworks_code_version_uq" ON "frameworks" USING btree ("code","version");--> statement-breakpoint
CREATE UNIQUE INDEX "rating_bands_uq" ON "rating_bands" USING btree ("framework_id","band_set","label");--> statement-breakpoint
CREATE UNIQUE INDEX "rating_scale_points_uq" ON "rating_scale_points" USING btree ("framework_id","value");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_email_idx" ON "sign_in_attempts" USING btree ("email","at");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_address_idx" ON "sign_in_attempts" USING btree ("address","at");--> statement-breakpoint
CREATE UNIQUE INDEX "collaborative_members_uq" ON "collaborative_members" USING btree ("collaborative_id","org_id");--> statement-breakpoint
CREATE INDEX "collaborative_members_org_idx" ON "collaborative_members" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_hash_uq" ON "invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "invitations_org_idx" ON "invitations" USING btree ("collaborative_id","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_user_org_uq" ON "memberships" USING btree ("user_id","org_id");--> statement-breakpoint
CREATE INDEX "memberships_org_idx" ON "memberships" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_ods_code_uq" ON "organisations" USING btree ("ods_code");--> statement-breakpoint
CREATE POLICY "users_select" ON "users" AS PERMISSIVE FOR SELECT TO "peff_app" USING (id = (select peff_ctx_user()) or exists (select 1 from memberships m where m.user_id = users.id));--> statement-breakpoint
CREATE POLICY "users_update" ON "users" AS PERMISSIVE FOR UPDATE TO "peff_app" USING (id = (select peff_ctx_user())) WITH CHECK (id = (select peff_ctx_user()));--> statement-breakpoint
CREATE POLICY "collaborative_members_select" ON "collaborative_members" AS PERMISSIVE FOR SELECT TO "peff_app" USING (collaborative_id = (select peff_ctx_collaborative()));--> statement-breakpoint
CREATE POLICY "collaborative_members_update" ON "collaborative_members" AS PERMISSIVE FOR UPDATE TO "peff_app" USING (collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) = 'collaborative_admin') WITH CHECK (collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) = 'collaborative_admin');--> statement-breakpoint
CREATE POLICY "collaboratives_select" ON "collaboratives" AS PERMISSIVE FOR SELECT TO "peff_app" USING (id = (select peff_ctx_collaborative()));--> statement-breakpoint
CREATE POLICY "collaboratives_update" ON "collaboratives" AS PERMISSIVE FOR UPDATE TO "peff_app" USING (id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) = 'collaborative_admin') WITH CHECK (id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) = 'collaborative_admin');--> statement-breakpoint
CREATE POLICY "invitations_select" ON "invitations" AS PERMISSIVE FOR SELECT TO "peff_app" USING (collaborative_id = (select peff_ctx_collaborative()) and ((select peff_ctx_role()) = 'collaborative_admin' or (org_id = (select peff_ctx_org()) and (select peff_ctx_role()) = 'equality_lead')));--> statement-breakpoint
CREATE POLICY "invitations_insert" ON "invitations" AS PERMISSIVE FOR INSERT TO "peff_app" WITH CHECK (collaborative_id = (select peff_ctx_collaborative()) and ((select peff_ctx_role()) = 'collaborative_admin' or (org_id = (select peff_ctx_org()) and (select peff_ctx_role()) = 'equality_lead' and role not in ('collaborative_admin', 'regional_lead'))) and exists (select 1 from collaborative_members cm where cm.org_id = invitations.org_id and cm.collaborative_id = (select peff_ctx_collaborative())));--> statement-breakpoint
CREATE POLICY "invitations_update" ON "invitations" AS PERMISSIVE FOR UPDATE TO "peff_app" USING (collaborative_id = (select peff_ctx_collaborative()) and ((select peff_ctx_role()) = 'collaborative_admin' or (org_id = (select peff_ctx_org()) and (select peff_ctx_role()) = 'equality_lead')));--> statement-breakpoint
CREATE POLICY "invitations_delete" ON "invitations" AS PERMISSIVE FOR DELETE TO "peff_app" USING (collaborative_id = (select peff_ctx_collaborative()) and ((select peff_ctx_role()) = 'collaborative_admin' or (org_id = (select peff_ctx_org()) and (select peff_ctx_role()) = 'equality_lead')));--> statement-breakpoint
CREATE POLICY "memberships_select" ON "memberships" AS PERMISSIVE FOR SELECT TO "peff_app" USING (user_id = (select peff_ctx_user()) or exists (select 1 from collaborative_members cm where cm.org_id = memberships.org_id and cm.collaborative_id = (select peff_ctx_collaborative())));--> statement-breakpoint
CREATE POLICY "memberships_insert" ON "memberships" AS PERMISSIVE FOR INSERT TO "peff_app" WITH CHECK (((org_id = (select peff_ctx_org()) and (select peff_ctx_role()) = 'equality_lead') or ((select peff_ctx_role()) = 'collaborative_admin' and exists (select 1 from collaborative_members cm where cm.org_id = memberships.org_id and cm.collaborative_id = (select peff_ctx_collaborative())))) and (role not in ('collaborative_admin', 'regional_lead') or (select peff_ctx_role()) = 'collaborative_admin'));--> statement-breakpoint
CREATE POLICY "memberships_update" ON "memberships" AS PERMISSIVE FOR UPDATE TO "peff_app" USING (((org_id = (select peff_ctx_org()) and (select peff_ctx_role()) = 'equality_lead') or ((select peff_ctx_role()) = 'collaborative_admin' and exists (select 1 from collaborative_members cm where cm.org_id = memberships.org_id and cm.collaborative_id = (select peff_ctx_collaborative())))) and (role not in ('collaborative_admin', 'regional_lead') or (select peff_ctx_role()) = 'collaborative_admin')) WITH CHECK (((org_id = (select peff_ctx_org()) and (select peff_ctx_role()) = 'equality_lead') or ((select peff_ctx_role()) = 'collaborative_admin' and exists (select 1 from collaborative_members cm where cm.org_id = memberships.org_id and cm.collaborative_id = (select peff_ctx_collaborative())))) and (role not in ('collaborative_admin', 'regional_lead') or (select peff_ctx_role()) = 'collaborative_admin'));--> statement-breakpoint
CREATE POLICY "memberships_delete" ON "memberships" AS PERMISSIVE FOR DELETE TO "peff_app" USING (((org_id = (select peff_ctx_org()) and (select peff_ctx_role()) = 'equality_lead') or ((select peff_ctx_role()) = 'collaborative_admin' and exists (select 1 from collaborative_members cm where cm.org_id = memberships.org_id and cm.collaborative_id = (select peff_ctx_collaborative())))) and (role not in ('collaborative_admin', 'regional_lead') or (select peff_ctx_role()) = 'collaborative_admin'));--> statement-breakpoint
CREATE POLICY "organisations_select" ON "organisations" AS PERMISSIVE FOR SELECT TO "peff_app" USING (id = (select peff_ctx_org()) or exists (select 1 from collaborative_members cm where cm.org_id = organisations.id and cm.collaborative_id = (select peff_ctx_collaborative())));--> statement-breakpoint
CREATE POLICY "organisations_update" ON "organisations" AS PERMISSIVE FOR UPDATE TO "peff_app" USING ((id = (select peff_ctx_org()) and (select peff_ctx_role()) = 'equality_lead') or ((select peff_ctx_role()) = 'collaborative_admin' and exists (select 1 from collaborative_members cm where cm.org_id = organisations.id and cm.collaborative_id = (select peff_ctx_collaborative()))));