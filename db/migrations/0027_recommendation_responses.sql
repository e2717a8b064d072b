CREATE TABLE "recommendation_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaborative_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"recommendation_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"body" text NOT NULL,
	"responded_by" uuid,
	"responded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendation_responses_decision_check" CHECK ("recommendation_responses"."decision" in ('accepted', 'partly_accepted', 'not_accepted'))
);
--> statement-breakpoint
ALTER TABLE "recommendation_responses" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "recommendation_responses" ADD CONSTRAINT "recommendation_responses_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_responses" ADD CONSTRAINT "recommendation_responses_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_responses" ADD CONSTRAINT "recommendation_responses_recommendation_id_evidence_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."evidence_recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_responses" ADD CONSTRAINT "recommendation_responses_responded_by_users_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recommendation_responses_recommendation_idx" ON "recommendation_responses" USING btree ("recommendation_id","responded_at");--> statement-breakpoint
CREATE INDEX "evidence_recommendations_addressed_idx" ON "evidence_recommendations" USING btree ("collaborative_id","addressed_to_org_id");--> statement-breakpoint
CREATE POLICY "recommendation_responses_select" ON "recommendation_responses" AS PERMISSIVE FOR SELECT TO "peff_app" USING (collaborative_id = (select peff_ctx_collaborative()) and exists (select 1 from evidence_recommendations r where r.id = recommendation_responses.recommendation_id));--> statement-breakpoint
CREATE POLICY "recommendation_responses_insert" ON "recommendation_responses" AS PERMISSIVE FOR INSERT TO "peff_app" WITH CHECK ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')) and responded_by = (select peff_ctx_user()) and exists (select 1 from evidence_recommendations r where r.id = recommendation_responses.recommendation_id and r.addressed_to_org_id = recommendation_responses.org_id and r.collaborative_id = recommendation_responses.collaborative_id));
--> statement-breakpoint
-- Appended, never changed or removed by the app.
GRANT SELECT, INSERT ON recommendation_responses TO peff_app;
--> statement-breakpoint
-- 0024's uses of an evidence item, now also other organisations' responses to its recommendations:
-- deleting the item would take their answers with it.
CREATE OR REPLACE FUNCTION evidence_uses_of(p_item uuid) RETURNS TABLE (kind text, org_id uuid, uses integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  SELECT 'grade', g.org_id, count(*)::int FROM public.assessment_grades g WHERE g.evidence_ids @> ARRAY[p_item] GROUP BY g.org_id
  UNION ALL
  SELECT 'plan_action', a.org_id, count(*)::int FROM public.plan_actions a
  WHERE a.evidence @> jsonb_build_array(jsonb_build_object('evidenceId', p_item::text))
     OR (a.source ->> 'kind' = 'evidence' AND a.source ->> 'id' = p_item::text)
  GROUP BY a.org_id
  UNION ALL
  SELECT 'register_row', NULL::uuid, count(*)::int FROM public.register_rows r
  WHERE r.evidence @> jsonb_build_array(jsonb_build_object('evidenceId', p_item::text))
  HAVING count(*) > 0
  UNION ALL
  SELECT 'response', rr.org_id, count(*)::int FROM public.recommendation_responses rr
  JOIN public.evidence_recommendations rec ON rec.id = rr.recommendation_id
  WHERE rec.item_id = p_item AND rr.org_id <> rec.org_id
  GROUP BY rr.org_id
$$;
