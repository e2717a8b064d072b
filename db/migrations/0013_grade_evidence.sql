ALTER TABLE "assessment_grades" ADD COLUMN "evidence_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
GRANT UPDATE (evidence_ids) ON assessment_grades TO peff_app;
--> statement-breakpoint
-- The owner organisation of each evidence item linked to the grades of one assessment, so a reader
-- who cannot see an item (another organisation's private evidence) is told "1 private item of
-- <organisation>", never its title. SECURITY DEFINER because evidence_items' policy hides those
-- rows; it answers only for an assessment the caller may read (the assessments_select policy,
-- restated) and returns ids and organisations only.
CREATE OR REPLACE FUNCTION grade_evidence_owners(p_assessment uuid) RETURNS TABLE (evidence_id uuid, org_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  SELECT DISTINCT e.id, e.org_id
  FROM public.assessments a
  JOIN public.assessment_grades g ON g.assessment_id = a.id
  JOIN public.evidence_items e ON e.id = ANY (g.evidence_ids) AND e.collaborative_id = a.collaborative_id
  WHERE a.id = p_assessment
    AND a.collaborative_id = peff_ctx_collaborative()
    AND (a.org_id = peff_ctx_org() OR a.phase = 'published'
         OR EXISTS (SELECT 1 FROM public.peer_assignments pa WHERE pa.assessment_id = a.id AND pa.reviewer_user_id = peff_ctx_user()
                    AND pa.reviewer_org_id = peff_ctx_org() AND peff_ctx_role() = 'peer_reviewer'))
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION grade_evidence_owners(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION grade_evidence_owners(uuid) TO peff_app;
