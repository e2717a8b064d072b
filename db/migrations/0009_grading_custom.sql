-- Grading (issue 6): grants, the grade-history trigger. drizzle-kit writes neither.
-- Column-by-column updates, so no update can move a row to another organisation, assessment,
-- outcome or service.
GRANT SELECT, INSERT ON grading_settings TO peff_app;
--> statement-breakpoint
GRANT UPDATE (band_set, updated_by, updated_at) ON grading_settings TO peff_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON assessments TO peff_app;
--> statement-breakpoint
GRANT UPDATE (eds_lead, board_sponsor, partnership, partners, phase, publication_deadline, authorised_on, published_on, raters, updated_at) ON assessments TO peff_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON assessment_services TO peff_app;
--> statement-breakpoint
GRANT UPDATE (name) ON assessment_services TO peff_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON assessment_grades TO peff_app;
--> statement-breakpoint
GRANT UPDATE (value, rationale, agreed_by, agreed_at, updated_by, updated_at) ON assessment_grades TO peff_app;
--> statement-breakpoint
-- History is written only by the trigger below; the app role reads it.
GRANT SELECT ON grade_history TO peff_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON peer_assignments TO peff_app;
--> statement-breakpoint
-- Comments are kept: no update, no delete.
GRANT SELECT, INSERT ON assessment_comments TO peff_app;
--> statement-breakpoint
-- Every change of a grade, with who and when. SECURITY DEFINER so history can be written
-- without giving the app role any write on it (nobody can forge or rewrite history); it copies
-- only the row being changed, which RLS already allowed this user to change. The acting user is
-- the request's (peff_ctx_user), falling back to updated_by on the owner path (seeding).
CREATE OR REPLACE FUNCTION peff_record_grade_history() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO public.grade_history (collaborative_id, org_id, assessment_id, grade_id, outcome_id, service_id, value, rationale, agreed_by, changed_by)
    SELECT OLD.collaborative_id, OLD.org_id, OLD.assessment_id, OLD.id, OLD.outcome_id, OLD.service_id, NULL, NULL, NULL, peff_ctx_user()
    WHERE EXISTS (SELECT 1 FROM public.assessments a WHERE a.id = OLD.assessment_id);
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.value IS NOT DISTINCT FROM OLD.value AND NEW.rationale IS NOT DISTINCT FROM OLD.rationale
     AND NEW.agreed_by IS NOT DISTINCT FROM OLD.agreed_by THEN
    RETURN NEW;
  END IF;
  INSERT INTO public.grade_history (collaborative_id, org_id, assessment_id, grade_id, outcome_id, service_id, value, rationale, agreed_by, changed_by)
  VALUES (NEW.collaborative_id, NEW.org_id, NEW.assessment_id, NEW.id, NEW.outcome_id, NEW.service_id, NEW.value, NEW.rationale, NEW.agreed_by,
          coalesce(peff_ctx_user(), NEW.updated_by));
  RETURN NEW;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION peff_record_grade_history() FROM PUBLIC;
--> statement-breakpoint
DROP TRIGGER IF EXISTS assessment_grades_history ON assessment_grades;
--> statement-breakpoint
CREATE TRIGGER assessment_grades_history AFTER INSERT OR UPDATE OR DELETE ON assessment_grades
  FOR EACH ROW EXECUTE FUNCTION peff_record_grade_history();
