CREATE TABLE "evidence_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaborative_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"extracted_text" text DEFAULT '' NOT NULL,
	"redacted" boolean DEFAULT false NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evidence_attachments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "evidence_coverage" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaborative_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"shared" boolean NOT NULL,
	"outcome_id" uuid NOT NULL,
	"characteristic_id" uuid NOT NULL,
	"items" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evidence_coverage" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "evidence_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaborative_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_events_action_check" CHECK ("evidence_events"."action" in ('created', 'edited', 'tagged', 'untagged', 'finding_added', 'recommendation_added', 'attached', 'shared', 'unshared', 'redacted', 'imported'))
);
--> statement-breakpoint
ALTER TABLE "evidence_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "evidence_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaborative_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"kind" text DEFAULT 'issue' NOT NULL,
	"text" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_findings_kind_check" CHECK ("evidence_findings"."kind" in ('issue', 'quote'))
);
--> statement-breakpoint
ALTER TABLE "evidence_findings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "evidence_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaborative_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"source_id" uuid,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"period_start" date,
	"period_end" date,
	"published_on" date,
	"link" text,
	"summary" text DEFAULT '' NOT NULL,
	"services" text DEFAULT '' NOT NULL,
	"concerned_org_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"shared_at" timestamp with time zone,
	"shared_by" uuid,
	"child_text" "tsvector" DEFAULT ''::tsvector NOT NULL,
	"outcome_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"characteristic_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"psed_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"theme_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'B') || child_text) STORED,
	CONSTRAINT "evidence_items_type_check" CHECK ("evidence_items"."type" in ('report', 'enter_and_view', 'highlight_report', 'survey', 'meeting_note', 'complaints_theme', 'data_return', 'other'))
);
--> statement-breakpoint
ALTER TABLE "evidence_items" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "evidence_recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaborative_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"text" text NOT NULL,
	"addressed_to_org_id" uuid,
	"response_due" date,
	"response" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evidence_recommendations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "evidence_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaborative_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"area" text,
	"characteristic_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_sources_kind_check" CHECK ("evidence_sources"."kind" in ('healthwatch', 'cdw_project', 'deaf_society', 'vcse', 'staff_network', 'trade_union', 'nhs_england', 'internal', 'other'))
);
--> statement-breakpoint
ALTER TABLE "evidence_sources" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "evidence_tags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaborative_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"finding_id" uuid,
	"kind" text NOT NULL,
	"ref_id" uuid NOT NULL,
	"applied_by" uuid,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_tags_uq" UNIQUE NULLS NOT DISTINCT("item_id","finding_id","kind","ref_id"),
	CONSTRAINT "evidence_tags_kind_check" CHECK ("evidence_tags"."kind" in ('outcome', 'characteristic', 'psed', 'theme'))
);
--> statement-breakpoint
ALTER TABLE "evidence_tags" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "evidence_themes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaborative_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evidence_themes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "evidence_attachments" ADD CONSTRAINT "evidence_attachments_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_attachments" ADD CONSTRAINT "evidence_attachments_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_attachments" ADD CONSTRAINT "evidence_attachments_item_id_evidence_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."evidence_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_attachments" ADD CONSTRAINT "evidence_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_coverage" ADD CONSTRAINT "evidence_coverage_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_coverage" ADD CONSTRAINT "evidence_coverage_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_events" ADD CONSTRAINT "evidence_events_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_events" ADD CONSTRAINT "evidence_events_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_events" ADD CONSTRAINT "evidence_events_item_id_evidence_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."evidence_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_events" ADD CONSTRAINT "evidence_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_findings" ADD CONSTRAINT "evidence_findings_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_findings" ADD CONSTRAINT "evidence_findings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_findings" ADD CONSTRAINT "evidence_findings_item_id_evidence_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."evidence_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_items" ADD CONSTRAINT "evidence_items_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_items" ADD CONSTRAINT "evidence_items_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_items" ADD CONSTRAINT "evidence_items_source_id_evidence_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."evidence_sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_items" ADD CONSTRAINT "evidence_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_items" ADD CONSTRAINT "evidence_items_shared_by_users_id_fk" FOREIGN KEY ("shared_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_recommendations" ADD CONSTRAINT "evidence_recommendations_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_recommendations" ADD CONSTRAINT "evidence_recommendations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_recommendations" ADD CONSTRAINT "evidence_recommendations_item_id_evidence_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."evidence_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_recommendations" ADD CONSTRAINT "evidence_recommendations_addressed_to_org_id_organisations_id_fk" FOREIGN KEY ("addressed_to_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_sources" ADD CONSTRAINT "evidence_sources_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_sources" ADD CONSTRAINT "evidence_sources_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_tags" ADD CONSTRAINT "evidence_tags_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_tags" ADD CONSTRAINT "evidence_tags_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_tags" ADD CONSTRAINT "evidence_tags_item_id_evidence_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."evidence_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_tags" ADD CONSTRAINT "evidence_tags_finding_id_evidence_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."evidence_findings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_tags" ADD CONSTRAINT "evidence_tags_applied_by_users_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_themes" ADD CONSTRAINT "evidence_themes_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_themes" ADD CONSTRAINT "evidence_themes_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_attachments_item_idx" ON "evidence_attachments" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_coverage_uq" ON "evidence_coverage" USING btree ("collaborative_id","org_id","shared","outcome_id","characteristic_id");--> statement-breakpoint
CREATE INDEX "evidence_events_item_idx" ON "evidence_events" USING btree ("item_id","at");--> statement-breakpoint
CREATE INDEX "evidence_findings_item_idx" ON "evidence_findings" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "evidence_items_search_idx" ON "evidence_items" USING gin ("search");--> statement-breakpoint
CREATE INDEX "evidence_items_tenant_idx" ON "evidence_items" USING btree ("collaborative_id","org_id","published_on");--> statement-breakpoint
CREATE INDEX "evidence_items_shared_idx" ON "evidence_items" USING btree ("collaborative_id","published_on") WHERE shared_at is not null;--> statement-breakpoint
CREATE INDEX "evidence_items_outcomes_idx" ON "evidence_items" USING gin ("outcome_ids");--> statement-breakpoint
CREATE INDEX "evidence_items_characteristics_idx" ON "evidence_items" USING gin ("characteristic_ids");--> statement-breakpoint
CREATE INDEX "evidence_items_source_idx" ON "evidence_items" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "evidence_recommendations_item_idx" ON "evidence_recommendations" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_sources_name_uq" ON "evidence_sources" USING btree ("collaborative_id","name");--> statement-breakpoint
CREATE INDEX "evidence_tags_finding_idx" ON "evidence_tags" USING btree ("finding_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_themes_name_uq" ON "evidence_themes" USING btree ("collaborative_id",lower("name"));--> statement-breakpoint
CREATE POLICY "evidence_attachments_select" ON "evidence_attachments" AS PERMISSIVE FOR SELECT TO "peff_app" USING (exists (select 1 from evidence_items i where i.id = evidence_attachments.item_id));--> statement-breakpoint
CREATE POLICY "evidence_attachments_insert" ON "evidence_attachments" AS PERMISSIVE FOR INSERT TO "peff_app" WITH CHECK ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')));--> statement-breakpoint
CREATE POLICY "evidence_attachments_update" ON "evidence_attachments" AS PERMISSIVE FOR UPDATE TO "peff_app" USING ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor'))) WITH CHECK ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')));--> statement-breakpoint
CREATE POLICY "evidence_attachments_delete" ON "evidence_attachments" AS PERMISSIVE FOR DELETE TO "peff_app" USING ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')));--> statement-breakpoint
CREATE POLICY "evidence_coverage_select" ON "evidence_coverage" AS PERMISSIVE FOR SELECT TO "peff_app" USING (collaborative_id = (select peff_ctx_collaborative()) and (org_id = (select peff_ctx_org()) or shared));--> statement-breakpoint
CREATE POLICY "evidence_events_select" ON "evidence_events" AS PERMISSIVE FOR SELECT TO "peff_app" USING (exists (select 1 from evidence_items i where i.id = evidence_events.item_id));--> statement-breakpoint
CREATE POLICY "evidence_events_insert" ON "evidence_events" AS PERMISSIVE FOR INSERT TO "peff_app" WITH CHECK ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')) and actor_id = (select peff_ctx_user()));--> statement-breakpoint
CREATE POLICY "evidence_findings_select" ON "evidence_findings" AS PERMISSIVE FOR SELECT TO "peff_app" USING (exists (select 1 from evidence_items i where i.id = evidence_findings.item_id));--> statement-breakpoint
CREATE POLICY "evidence_findings_insert" ON "evidence_findings" AS PERMISSIVE FOR INSERT TO "peff_app" WITH CHECK ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')));--> statement-breakpoint
CREATE POLICY "evidence_findings_update" ON "evidence_findings" AS PERMISSIVE FOR UPDATE TO "peff_app" USING ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor'))) WITH CHECK ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')));--> statement-breakpoint
CREATE POLICY "evidence_findings_delete" ON "evidence_findings" AS PERMISSIVE FOR DELETE TO "peff_app" USING ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')));--> statement-breakpoint
CREATE POLICY "evidence_items_select" ON "evidence_items" AS PERMISSIVE FOR SELECT TO "peff_app" USING (collaborative_id = (select peff_ctx_collaborative()) and (org_id = (select peff_ctx_org()) or shared_at is not null));--> statement-breakpoint
CREATE POLICY "evidence_items_insert" ON "evidence_items" AS PERMISSIVE FOR INSERT TO "peff_app" WITH CHECK ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')));--> statement-breakpoint
CREATE POLICY "evidence_items_update" ON "evidence_items" AS PERMISSIVE FOR UPDATE TO "peff_app" USING ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor'))) WITH CHECK ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')) and (shared_at is null or (select peff_ctx_role()) = 'equality_lead'));--> statement-breakpoint
CREATE POLICY "evidence_items_delete" ON "evidence_items" AS PERMISSIVE FOR DELETE TO "peff_app" USING ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')));--> statement-breakpoint
CREATE POLICY "evidence_recommendations_select" ON "evidence_recommendations" AS PERMISSIVE FOR SELECT TO "peff_app" USING (exists (select 1 from evidence_items i where i.id = evidence_recommendations.item_id));--> statement-breakpoint
CREATE POLICY "evidence_recommendations_insert" ON "evidence_recommendations" AS PERMISSIVE FOR INSERT TO "peff_app" WITH CHECK ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')));--> statement-breakpoint
CREATE POLICY "evidence_recommendations_update" ON "evidence_recommendations" AS PERMISSIVE FOR UPDATE TO "peff_app" USING ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor'))) WITH CHECK ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')));--> statement-breakpoint
CREATE POLICY "evidence_recommendations_delete" ON "evidence_recommendations" AS PERMISSIVE FOR DELETE TO "peff_app" USING ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')));--> statement-breakpoint
CREATE POLICY "evidence_sources_select" ON "evidence_sources" AS PERMISSIVE FOR SELECT TO "peff_app" USING (collaborative_id = (select peff_ctx_collaborative()));--> statement-breakpoint
CREATE POLICY "evidence_sources_insert" ON "evidence_sources" AS PERMISSIVE FOR INSERT TO "peff_app" WITH CHECK ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')));--> statement-breakpoint
CREATE POLICY "evidence_sources_update" ON "evidence_sources" AS PERMISSIVE FOR UPDATE TO "peff_app" USING ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor'))) WITH CHECK ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')));--> statement-breakpoint
CREATE POLICY "evidence_sources_delete" ON "evidence_sources" AS PERMISSIVE FOR DELETE TO "peff_app" USING ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')));--> statement-breakpoint
CREATE POLICY "evidence_tags_select" ON "evidence_tags" AS PERMISSIVE FOR SELECT TO "peff_app" USING (exists (select 1 from evidence_items i where i.id = evidence_tags.item_id));--> statement-breakpoint
CREATE POLICY "evidence_tags_insert" ON "evidence_tags" AS PERMISSIVE FOR INSERT TO "peff_app" WITH CHECK ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')));--> statement-breakpoint
CREATE POLICY "evidence_tags_update" ON "evidence_tags" AS PERMISSIVE FOR UPDATE TO "peff_app" USING ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor'))) WITH CHECK ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')));--> statement-breakpoint
CREATE POLICY "evidence_tags_delete" ON "evidence_tags" AS PERMISSIVE FOR DELETE TO "peff_app" USING ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')));--> statement-breakpoint
CREATE POLICY "evidence_themes_select" ON "evidence_themes" AS PERMISSIVE FOR SELECT TO "peff_app" USING (collaborative_id = (select peff_ctx_collaborative()));--> statement-breakpoint
CREATE POLICY "evidence_themes_insert" ON "evidence_themes" AS PERMISSIVE FOR INSERT TO "peff_app" WITH CHECK ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')));--> statement-breakpoint
CREATE POLICY "evidence_themes_update" ON "evidence_themes" AS PERMISSIVE FOR UPDATE TO "peff_app" USING ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor'))) WITH CHECK ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')));--> statement-breakpoint
CREATE POLICY "evidence_themes_delete" ON "evidence_themes" AS PERMISSIVE FOR DELETE TO "peff_app" USING ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')));