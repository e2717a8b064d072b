-- As in 0021, plus the archiving time of the pulled action's plan (migration 0028): an archived
-- plan's action is judged overdue on the day its plan was archived, not today, and is said to be
-- in an archived plan. The return type changes, so the function is dropped and created again.
DROP FUNCTION register_pull_progress();
--> statement-breakpoint
CREATE FUNCTION register_pull_progress()
  RETURNS TABLE (org_id uuid, source_id text, status_label text, status_colour text, status_meaning text, current_due date, plan_archived_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  SELECT p.org_id, p.source_id, p.status_label, p.status_colour, p.status_meaning, p.current_due, pl.archived_at
  FROM public.plan_pulls p
  JOIN public.plans pl ON pl.id = p.plan_id
  JOIN public.register_rows r ON r.collaborative_id = p.collaborative_id AND r.row_key = p.source_id
  JOIN public.collaborative_members cm ON cm.collaborative_id = p.collaborative_id AND cm.org_id = p.org_id AND cm.left_on IS NULL
  WHERE (SELECT public.peff_ctx_collaborative_wide())
    AND p.collaborative_id = (SELECT public.peff_ctx_collaborative())
    AND p.source_kind = 'register'
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION register_pull_progress() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION register_pull_progress() TO peff_app;
