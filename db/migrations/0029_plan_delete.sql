ALTER TABLE "collab_snapshots" ADD COLUMN "plan_id" uuid GENERATED ALWAYS AS (case when document like 'plan:%' then substr(document, 6)::uuid end) STORED;--> statement-breakpoint
ALTER TABLE "collab_updates" ADD COLUMN "plan_id" uuid GENERATED ALWAYS AS (case when document like 'plan:%' then substr(document, 6)::uuid end) STORED;--> statement-breakpoint
ALTER TABLE "collab_snapshots" ADD CONSTRAINT "collab_snapshots_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collab_updates" ADD CONSTRAINT "collab_updates_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "collab_snapshots_plan_idx" ON "collab_snapshots" USING btree ("plan_id") WHERE plan_id is not null;--> statement-breakpoint
CREATE INDEX "collab_updates_plan_idx" ON "collab_updates" USING btree ("plan_id") WHERE plan_id is not null;--> statement-breakpoint
CREATE POLICY "plans_delete" ON "plans" AS PERMISSIVE FOR DELETE TO "peff_app" USING (org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor'));--> statement-breakpoint
-- Deleting a plan is for one made by mistake and never worked on: the policy above says who, the
-- foreign keys of collab_updates and collab_snapshots say which (plan_actions and plan_pulls are
-- projected from the document, so a plan without one has none).
GRANT DELETE ON plans TO peff_app;
