CREATE POLICY "assessments_delete" ON "assessments" AS PERMISSIVE FOR DELETE TO "peff_app" USING ((assessments.org_id = (select peff_ctx_org()) and assessments.collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) = 'equality_lead') and assessments.phase in ('gathering_evidence', 'grading'));--> statement-breakpoint
-- Only the policy above limits it: the organisation's lead, before the grades are agreed.
GRANT DELETE ON assessments TO peff_app;
