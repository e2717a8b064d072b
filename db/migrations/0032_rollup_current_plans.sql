-- As in 0021, but an organisation whose barrier is in a plan still being worked on is counted at
-- that plan's actions only: "Start the next plan" leaves the archived plan's copy of an action as
-- it stood, and counted at its least advanced copy the organisation would stay "in progress"
-- however far the new plan's copy got. When every copy is in archived plans, they are what the
-- organisation left, and the least advanced of them counts as before.
CREATE OR REPLACE FUNCTION register_pull_counts()
  RETURNS TABLE (source_id text, status_meaning text, organisations integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  SELECT per_org.source_id,
         (ARRAY['not_started', 'in_progress', 'ongoing', 'complete'])[nullif(per_org.stage, 0)],
         count(*)::int
  FROM (
    SELECT pulled.source_id, pulled.org_id,
           coalesce(min(pulled.stage) FILTER (WHERE pulled.archived_at IS NULL), min(pulled.stage)) AS stage
    FROM (
      SELECT p.source_id, p.org_id, pl.archived_at,
             CASE p.status_meaning WHEN 'not_started' THEN 1 WHEN 'in_progress' THEN 2 WHEN 'ongoing' THEN 3 WHEN 'complete' THEN 4 ELSE 0 END AS stage
      FROM public.plan_pulls p
      JOIN public.plans pl ON pl.id = p.plan_id
      JOIN public.register_rows r ON r.collaborative_id = p.collaborative_id AND r.row_key = p.source_id
      JOIN public.collaborative_members cm ON cm.collaborative_id = p.collaborative_id AND cm.org_id = p.org_id AND cm.left_on IS NULL
      WHERE p.collaborative_id = (SELECT public.peff_ctx_collaborative())
        AND p.source_kind = 'register'
    ) pulled
    GROUP BY pulled.source_id, pulled.org_id
  ) per_org
  GROUP BY per_org.source_id, per_org.stage
$$;
