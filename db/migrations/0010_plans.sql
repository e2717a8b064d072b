CREATE TABLE "plan_actions" (
	"plan_id" uuid NOT NULL,
	"collaborative_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"row_key" text NOT NULL,
	"position" integer NOT NULL,
	"characteristics" text[] NOT NULL,
	"barrier" text NOT NULL,
	"issue" text NOT NULL,
	"action" text NOT NULL,
	"responsible_officer" text NOT NULL,
	"owner" text NOT NULL,
	"original_due" date,
	"current_due" date,
	"due_changes" jsonb NOT NULL,
	"updates" jsonb NOT NULL,
	"eds_outcomes" text[] NOT NULL,
	"psed_aims" text[] NOT NULL,
	"objectives" text[] NOT NULL,
	"status" text,
	"evidence" jsonb NOT NULL,
	"steps" jsonb NOT NULL,
	"risks" text NOT NULL,
	"mitigations" text NOT NULL,
	"source" jsonb,
	"source_decisions" jsonb NOT NULL,
	"projected_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_actions_plan_id_row_key_pk" PRIMARY KEY("plan_id","row_key")
);
--> statement-breakpoint
ALTER TABLE "plan_actions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "plan_pulls" (
	"collaborative_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"row_key" text NOT NULL,
	"source_kind" text NOT NULL,
	"source_id" text NOT NULL,
	"status_label" text,
	"status_colour" text,
	"status_meaning" text,
	"current_due" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_pulls_plan_id_row_key_pk" PRIMARY KEY("plan_id","row_key"),
	CONSTRAINT "plan_pulls_source_kind_check" CHECK ("plan_pulls"."source_kind" in ('register', 'evidence'))
);
--> statement-breakpoint
ALTER TABLE "plan_pulls" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaborative_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"objectives" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"legend" jsonb DEFAULT '[{"key":"blue","label":"Action ongoing","colour":"blue","meaning":"ongoing"},{"key":"green","label":"Complete","colour":"green","meaning":"complete"},{"key":"amber","label":"In progress","colour":"amber","meaning":"in_progress"},{"key":"red","label":"Not started","colour":"red","meaning":"not_started"}]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_kind_check" CHECK ("plans"."kind" in ('equality_objectives', 'workforce', 'eds_action')),
	CONSTRAINT "plans_period_check" CHECK ("plans"."period_end" >= "plans"."period_start")
);
--> statement-breakpoint
ALTER TABLE "plans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "collab_snapshots" ADD COLUMN "org_id" uuid;--> statement-breakpoint
ALTER TABLE "collab_updates" ADD COLUMN "org_id" uuid;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_pulls" ADD CONSTRAINT "plan_pulls_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_pulls" ADD CONSTRAINT "plan_pulls_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_pulls" ADD CONSTRAINT "plan_pulls_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_actions_org_idx" ON "plan_actions" USING btree ("collaborative_id","org_id","current_due");--> statement-breakpoint
CREATE INDEX "plan_pulls_source_idx" ON "plan_pulls" USING btree ("collaborative_id","source_kind","source_id");--> statement-breakpoint
CREATE INDEX "plans_org_idx" ON "plans" USING btree ("collaborative_id","org_id");--> statement-breakpoint
ALTER TABLE "collab_snapshots" ADD CONSTRAINT "collab_snapshots_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collab_updates" ADD CONSTRAINT "collab_updates_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collab_snapshots" ADD CONSTRAINT "collab_snapshots_org_check" CHECK (org_id is not null or document like 'register:%');--> statement-breakpoint
ALTER TABLE "collab_updates" ADD CONSTRAINT "collab_updates_org_check" CHECK (org_id is not null or document like 'register:%');--> statement-breakpoint
CREATE POLICY "plan_actions_select" ON "plan_actions" AS PERMISSIVE FOR SELECT TO "peff_app" USING (org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()));--> statement-breakpoint
CREATE POLICY "plan_actions_insert" ON "plan_actions" AS PERMISSIVE FOR INSERT TO "peff_app" WITH CHECK (org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor') and exists (select 1 from plans p where p.id = plan_actions.plan_id));--> statement-breakpoint
CREATE POLICY "plan_actions_delete" ON "plan_actions" AS PERMISSIVE FOR DELETE TO "peff_app" USING (org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor'));--> statement-breakpoint
CREATE POLICY "plan_pulls_select" ON "plan_pulls" AS PERMISSIVE FOR SELECT TO "peff_app" USING (collaborative_id = (select peff_ctx_collaborative()));--> statement-breakpoint
CREATE POLICY "plan_pulls_insert" ON "plan_pulls" AS PERMISSIVE FOR INSERT TO "peff_app" WITH CHECK (org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor') and exists (select 1 from plans p where p.id = plan_pulls.plan_id));--> statement-breakpoint
CREATE POLICY "plan_pulls_delete" ON "plan_pulls" AS PERMISSIVE FOR DELETE TO "peff_app" USING (org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor'));--> statement-breakpoint
CREATE POLICY "plans_select" ON "plans" AS PERMISSIVE FOR SELECT TO "peff_app" USING (org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()));--> statement-breakpoint
CREATE POLICY "plans_insert" ON "plans" AS PERMISSIVE FOR INSERT TO "peff_app" WITH CHECK (org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor'));--> statement-breakpoint
CREATE POLICY "plans_update" ON "plans" AS PERMISSIVE FOR UPDATE TO "peff_app" USING (org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')) WITH CHECK (org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor'));--> statement-breakpoint
ALTER POLICY "collab_snapshots_select" ON "collab_snapshots" TO peff_app USING (collaborative_id = (select peff_ctx_collaborative()) and (org_id is null or org_id = (select peff_ctx_org())));--> statement-breakpoint
ALTER POLICY "collab_snapshots_insert" ON "collab_snapshots" TO peff_app WITH CHECK (collaborative_id = (select peff_ctx_collaborative()) and ((org_id is null and (select peff_ctx_role()) not in ('viewer', 'peer_reviewer')) or (org_id = (select peff_ctx_org()) and (select peff_ctx_role()) in ('equality_lead', 'contributor') and exists (select 1 from plans p where 'plan:' || p.id::text = collab_snapshots.document))));--> statement-breakpoint
ALTER POLICY "collab_snapshots_update" ON "collab_snapshots" TO peff_app USING (collaborative_id = (select peff_ctx_collaborative()) and ((org_id is null and (select peff_ctx_role()) not in ('viewer', 'peer_reviewer')) or (org_id = (select peff_ctx_org()) and (select peff_ctx_role()) in ('equality_lead', 'contributor') and exists (select 1 from plans p where 'plan:' || p.id::text = collab_snapshots.document)))) WITH CHECK (collaborative_id = (select peff_ctx_collaborative()) and ((org_id is null and (select peff_ctx_role()) not in ('viewer', 'peer_reviewer')) or (org_id = (select peff_ctx_org()) and (select peff_ctx_role()) in ('equality_lead', 'contributor') and exists (select 1 from plans p where 'plan:' || p.id::text = collab_snapshots.document))));--> statement-breakpoint
ALTER POLICY "collab_updates_select" ON "collab_updates" TO peff_app USING (collaborative_id = (select peff_ctx_collaborative()) and (org_id is null or org_id = (select peff_ctx_org())));--> statement-breakpoint
ALTER POLICY "collab_updates_insert" ON "collab_updates" TO peff_app WITH CHECK (collaborative_id = (select peff_ctx_collaborative()) and ((org_id is null and (select peff_ctx_role()) not in ('viewer', 'peer_reviewer')) or (org_id = (select peff_ctx_org()) and (select peff_ctx_role()) in ('equality_lead', 'contributor') and exists (select 1 from plans p where 'plan:' || p.id::text = collab_updates.document))) and user_id = (select peff_ctx_user()));--> statement-breakpoint
ALTER POLICY "collab_updates_update" ON "collab_updates" TO peff_app USING (collaborative_id = (select peff_ctx_collaborative()) and ((org_id is null and (select peff_ctx_role()) not in ('viewer', 'peer_reviewer')) or (org_id = (select peff_ctx_org()) and (select peff_ctx_role()) in ('equality_lead', 'contributor') and exists (select 1 from plans p where 'plan:' || p.id::text = collab_updates.document)))) WITH CHECK (collaborative_id = (select peff_ctx_collaborative()) and ((org_id is null and (select peff_ctx_role()) not in ('viewer', 'peer_reviewer')) or (org_id = (select peff_ctx_org()) and (select peff_ctx_role()) in ('equality_lead', 'contributor') and exists (select 1 from plans p where 'plan:' || p.id::text = collab_updates.document))) and payload is null);