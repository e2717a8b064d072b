-- The register's roll-up counts the organisations that are members now. An organisation that has
-- left (collaborative_members.left_on, recorded by an admin on the home page) keeps its plans,
-- but its people no longer work here, so its statuses are frozen: counted, they would say a barrier
-- is being worked on where nobody is working on it. As 0019 otherwise (privileges carry over).
CREATE OR REPLACE FUNCTION register_pull_counts()
  RETURNS TABLE (source_id text, status_meaning text, organisations integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  SELECT per_org.source_id,
         (ARRAY['not_started', 'in_progress', 'ongoing', 'complete'])[nullif(per_org.stage, 0)],
         count(*)::int
  FROM (
    SELECT p.source_id, p.org_id,
           min(CASE p.status_meaning WHEN 'not_started' THEN 1 WHEN 'in_progress' THEN 2 WHEN 'ongoing' THEN 3 WHEN 'complete' THEN 4 ELSE 0 END) AS stage
    FROM public.plan_pulls p
    JOIN public.register_rows r ON r.collaborative_id = p.collaborative_id AND r.row_key = p.source_id
    JOIN public.collaborative_members cm ON cm.collaborative_id = p.collaborative_id AND cm.org_id = p.org_id AND cm.left_on IS NULL
    WHERE p.collaborative_id = (SELECT public.peff_ctx_collaborative())
      AND p.source_kind = 'register'
    GROUP BY p.source_id, p.org_id
  ) per_org
  GROUP BY per_org.source_id, per_org.stage
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION register_pull_progress()
  RETURNS TABLE (org_id uuid, source_id text, status_label text, status_colour text, status_meaning text, current_due date)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  SELECT p.org_id, p.source_id, p.status_label, p.status_colour, p.status_meaning, p.current_due
  FROM public.plan_pulls p
  JOIN public.register_rows r ON r.collaborative_id = p.collaborative_id AND r.row_key = p.source_id
  JOIN public.collaborative_members cm ON cm.collaborative_id = p.collaborative_id AND cm.org_id = p.org_id AND cm.left_on IS NULL
  WHERE (SELECT public.peff_ctx_collaborative_wide())
    AND p.collaborative_id = (SELECT public.peff_ctx_collaborative())
    AND p.source_kind = 'register'
$$;
