-- Evidence library: grants, the derived search/tag columns on evidence_items, and the one aggregate
-- that counts private evidence for regional leads. Idempotent where it can be.

GRANT SELECT, INSERT, DELETE ON evidence_sources, evidence_themes TO peff_app;
--> statement-breakpoint
GRANT UPDATE (name, kind, area, characteristic_ids) ON evidence_sources TO peff_app;
--> statement-breakpoint
GRANT UPDATE (name) ON evidence_themes TO peff_app;
--> statement-breakpoint
-- Items: the tenant columns and the derived columns are not updatable by the app role (the derived
-- ones are kept by evidence_reindex_items, below).
GRANT SELECT, INSERT, DELETE ON evidence_items TO peff_app;
--> statement-breakpoint
GRANT UPDATE (source_id, type, title, period_start, period_end, published_on, link, summary, services,
  concerned_org_ids, updated_at, shared_at, shared_by) ON evidence_items TO peff_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON evidence_findings, evidence_recommendations, evidence_tags, evidence_attachments TO peff_app;
--> statement-breakpoint
GRANT UPDATE (kind, text, position) ON evidence_findings TO peff_app;
--> statement-breakpoint
GRANT UPDATE (text, addressed_to_org_id, response_due, response) ON evidence_recommendations TO peff_app;
--> statement-breakpoint
GRANT UPDATE (extracted_text, redacted) ON evidence_attachments TO peff_app;
--> statement-breakpoint
-- History is append-only.
GRANT SELECT, INSERT ON evidence_events TO peff_app;
--> statement-breakpoint
-- Recomputes the derived columns of the given items from their findings, attachments and tags
-- (item tags and finding tags alike; characteristics with every ancestor, so "D/deaf" counts
-- toward disability). SECURITY DEFINER because the app role may not write derived columns; it
-- reads only the rows of the items it is given and writes only those items.
CREATE OR REPLACE FUNCTION evidence_reindex_items(p_items uuid[]) RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  WITH RECURSIVE tag_chars AS (
    SELECT t.item_id, t.ref_id AS id FROM public.evidence_tags t
    WHERE t.item_id = ANY (p_items) AND t.kind = 'characteristic'
    UNION
    SELECT tc.item_id, c.parent_id FROM tag_chars tc JOIN public.characteristics c ON c.id = tc.id
    WHERE c.parent_id IS NOT NULL
  )
  UPDATE public.evidence_items i SET
    child_text =
      setweight(to_tsvector('english'::regconfig, left(coalesce((SELECT string_agg(f.text, ' ') FROM public.evidence_findings f WHERE f.item_id = i.id), ''), 200000)), 'B')
      || setweight(to_tsvector('english'::regconfig, left(coalesce((SELECT string_agg(a.extracted_text, ' ') FROM public.evidence_attachments a WHERE a.item_id = i.id), ''), 500000)), 'C'),
    outcome_ids = array(SELECT DISTINCT t.ref_id FROM public.evidence_tags t WHERE t.item_id = i.id AND t.kind = 'outcome' ORDER BY 1),
    characteristic_ids = array(SELECT DISTINCT tc.id FROM tag_chars tc WHERE tc.item_id = i.id ORDER BY 1),
    psed_ids = array(SELECT DISTINCT t.ref_id FROM public.evidence_tags t WHERE t.item_id = i.id AND t.kind = 'psed' ORDER BY 1),
    theme_ids = array(SELECT DISTINCT t.ref_id FROM public.evidence_tags t WHERE t.item_id = i.id AND t.kind = 'theme' ORDER BY 1)
  WHERE i.id = ANY (p_items)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION evidence_reindex_items(uuid[]) FROM PUBLIC;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION evidence_reindex_trigger() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM public.evidence_reindex_items(ARRAY[OLD.item_id]);
  ELSE
    PERFORM public.evidence_reindex_items(ARRAY[NEW.item_id]);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS evidence_findings_reindex ON evidence_findings;
--> statement-breakpoint
CREATE TRIGGER evidence_findings_reindex AFTER INSERT OR UPDATE OR DELETE ON evidence_findings
  FOR EACH ROW EXECUTE FUNCTION evidence_reindex_trigger();
--> statement-breakpoint
DROP TRIGGER IF EXISTS evidence_tags_reindex ON evidence_tags;
--> statement-breakpoint
CREATE TRIGGER evidence_tags_reindex AFTER INSERT OR UPDATE OR DELETE ON evidence_tags
  FOR EACH ROW EXECUTE FUNCTION evidence_reindex_trigger();
--> statement-breakpoint
DROP TRIGGER IF EXISTS evidence_attachments_reindex ON evidence_attachments;
--> statement-breakpoint
CREATE TRIGGER evidence_attachments_reindex AFTER INSERT OR UPDATE OF extracted_text OR DELETE ON evidence_attachments
  FOR EACH ROW EXECUTE FUNCTION evidence_reindex_trigger();
--> statement-breakpoint
-- Search and filters. Under row-level security a user's WHERE clause may only use an index when
-- its operators are LEAKPROOF, and tsvector @@ and array @> are not: Postgres would apply the RLS
-- predicate first (every visible row) and test the search on each. This function applies exactly
-- the evidence_items select policy (active collaborative; own organisation or shared) together
-- with the filters in one query, so the GIN indexes are used. It returns ids, ranks and the total
-- only; the caller then reads the page's rows through RLS as usual, which stays the last guard.
CREATE OR REPLACE FUNCTION evidence_search(
  p_query text, p_source uuid, p_type text, p_from date, p_to date, p_outcome uuid, p_characteristic uuid,
  p_psed uuid, p_theme uuid, p_concerns uuid, p_owner uuid, p_scope text, p_limit integer, p_offset integer)
  RETURNS TABLE (id uuid, rank real, total bigint)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
DECLARE
  v_collab uuid := public.peff_ctx_collaborative();
  v_org uuid := public.peff_ctx_org();
  v_tsq tsquery;
  v_where text := 'i.collaborative_id = $1 AND (i.org_id = $2 OR i.shared_at IS NOT NULL)';
  v_order text := 'i.published_on DESC NULLS LAST, i.created_at DESC, i.id';
BEGIN
  IF v_collab IS NULL OR v_org IS NULL THEN
    RETURN;
  END IF;
  IF coalesce(btrim(p_query), '') <> '' THEN
    v_tsq := websearch_to_tsquery('english'::regconfig, p_query);
    v_where := v_where || ' AND i.search @@ $3';
  END IF;
  IF p_source IS NOT NULL THEN v_where := v_where || ' AND i.source_id = $4'; END IF;
  IF p_type IS NOT NULL THEN v_where := v_where || ' AND i.type = $5'; END IF;
  IF p_from IS NOT NULL THEN v_where := v_where || ' AND i.published_on >= $6'; END IF;
  IF p_to IS NOT NULL THEN v_where := v_where || ' AND i.published_on <= $7'; END IF;
  IF p_outcome IS NOT NULL THEN v_where := v_where || ' AND i.outcome_ids @> ARRAY[$8]'; END IF;
  IF p_characteristic IS NOT NULL THEN v_where := v_where || ' AND i.characteristic_ids @> ARRAY[$9]'; END IF;
  IF p_psed IS NOT NULL THEN v_where := v_where || ' AND i.psed_ids @> ARRAY[$10]'; END IF;
  IF p_theme IS NOT NULL THEN v_where := v_where || ' AND i.theme_ids @> ARRAY[$11]'; END IF;
  IF p_concerns IS NOT NULL THEN v_where := v_where || ' AND i.concerned_org_ids @> ARRAY[$12]'; END IF;
  IF p_owner IS NOT NULL THEN v_where := v_where || ' AND i.org_id = $13'; END IF;
  IF p_scope = 'own' THEN v_where := v_where || ' AND i.org_id = $2'; END IF;
  IF p_scope = 'shared' THEN v_where := v_where || ' AND i.shared_at IS NOT NULL'; END IF;
  IF v_tsq IS NULL THEN
    RETURN QUERY EXECUTE format(
      'SELECT i.id, 0::real, count(*) OVER () FROM public.evidence_items i WHERE %s ORDER BY %s LIMIT $14 OFFSET $15',
      v_where, v_order)
      USING v_collab, v_org, v_tsq, p_source, p_type, p_from, p_to, p_outcome, p_characteristic, p_psed, p_theme, p_concerns, p_owner,
        least(greatest(p_limit, 0), 50000), greatest(p_offset, 0);
  ELSE
    -- Ranking is the costly part (it reads each match's tsvector), so a word found in most items
    -- is ranked among its 1,000 most recent matches (the total stays exact); narrower searches,
    -- the usual case, are ranked in full. The page says so when the window applies.
    RETURN QUERY EXECUTE format(
      'WITH recent AS (SELECT i.id, count(*) OVER () AS total FROM public.evidence_items i WHERE %s
         ORDER BY i.published_on DESC NULLS LAST, i.created_at DESC, i.id LIMIT 1000)
       SELECT e.id, ts_rank_cd(e.search, $3)::real, r.total FROM recent r JOIN public.evidence_items e ON e.id = r.id
       ORDER BY 2 DESC, e.published_on DESC NULLS LAST, e.id LIMIT $14 OFFSET $15',
      v_where)
      USING v_collab, v_org, v_tsq, p_source, p_type, p_from, p_to, p_outcome, p_characteristic, p_psed, p_theme, p_concerns, p_owner,
        least(greatest(p_limit, 0), 50000), greatest(p_offset, 0);
  END IF;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION evidence_search(text, uuid, text, date, date, uuid, uuid, uuid, uuid, uuid, uuid, text, integer, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION evidence_search(text, uuid, text, date, date, uuid, uuid, uuid, uuid, uuid, uuid, text, integer, integer) TO peff_app;
--> statement-breakpoint
-- Coverage counters (see evidence_coverage in db/schema/evidence.ts). The app role may read them
-- under RLS and never write them.
GRANT SELECT ON evidence_coverage TO peff_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION evidence_coverage_apply(p_collab uuid, p_org uuid, p_shared boolean, p_outcomes uuid[], p_chars uuid[], p_delta integer) RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  INSERT INTO public.evidence_coverage AS c (collaborative_id, org_id, shared, outcome_id, characteristic_id, items)
  SELECT p_collab, p_org, p_shared, o, ch, p_delta
  FROM unnest(p_outcomes || '00000000-0000-0000-0000-000000000000'::uuid) AS o
  CROSS JOIN unnest(p_chars || '00000000-0000-0000-0000-000000000000'::uuid) AS ch
  ON CONFLICT (collaborative_id, org_id, shared, outcome_id, characteristic_id) DO UPDATE SET items = c.items + excluded.items
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION evidence_coverage_apply(uuid, uuid, boolean, uuid[], uuid[], integer) FROM PUBLIC;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION evidence_coverage_trigger() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM public.evidence_coverage_apply(OLD.collaborative_id, OLD.org_id, OLD.shared_at IS NOT NULL, OLD.outcome_ids, OLD.characteristic_ids, -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM public.evidence_coverage_apply(NEW.collaborative_id, NEW.org_id, NEW.shared_at IS NOT NULL, NEW.outcome_ids, NEW.characteristic_ids, 1);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS evidence_items_coverage_ins_del ON evidence_items;
--> statement-breakpoint
CREATE TRIGGER evidence_items_coverage_ins_del AFTER INSERT OR DELETE ON evidence_items
  FOR EACH ROW EXECUTE FUNCTION evidence_coverage_trigger();
--> statement-breakpoint
DROP TRIGGER IF EXISTS evidence_items_coverage_upd ON evidence_items;
--> statement-breakpoint
CREATE TRIGGER evidence_items_coverage_upd AFTER UPDATE ON evidence_items
  FOR EACH ROW WHEN (OLD.outcome_ids IS DISTINCT FROM NEW.outcome_ids OR OLD.characteristic_ids IS DISTINCT FROM NEW.characteristic_ids
    OR (OLD.shared_at IS NULL) <> (NEW.shared_at IS NULL))
  EXECUTE FUNCTION evidence_coverage_trigger();
--> statement-breakpoint
-- Rebuilds one collaborative's counters from its items (after a bulk load that skipped triggers).
-- Owner only: not granted to the app role.
CREATE OR REPLACE FUNCTION evidence_coverage_rebuild(p_collab uuid) RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  DELETE FROM public.evidence_coverage WHERE collaborative_id = p_collab;
  INSERT INTO public.evidence_coverage (collaborative_id, org_id, shared, outcome_id, characteristic_id, items)
  SELECT i.collaborative_id, i.org_id, i.shared_at IS NOT NULL, o, ch, count(*)
  FROM public.evidence_items i
  CROSS JOIN LATERAL unnest(i.outcome_ids || '00000000-0000-0000-0000-000000000000'::uuid) AS o
  CROSS JOIN LATERAL unnest(i.characteristic_ids || '00000000-0000-0000-0000-000000000000'::uuid) AS ch
  WHERE i.collaborative_id = p_collab
  GROUP BY 1, 2, 3, 4, 5
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION evidence_coverage_rebuild(uuid) FROM PUBLIC;
--> statement-breakpoint
-- Organisations x characteristics across the active collaborative, private items included, for
-- collaborative-wide roles only. They return ids and counts and nothing else: no titles or text, so
-- a regional lead learns how much evidence an organisation holds, never what it says. Anyone else
-- gets no rows. The context calls are wrapped in (SELECT ...) so they run once, not per row.
CREATE OR REPLACE FUNCTION evidence_org_coverage()
  RETURNS TABLE (org_id uuid, characteristic_id uuid, items integer, shared integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  SELECT c.org_id, c.characteristic_id, sum(c.items)::int, (sum(c.items) FILTER (WHERE c.shared))::int
  FROM public.evidence_coverage c
  WHERE (SELECT public.peff_ctx_collaborative_wide())
    AND c.collaborative_id = (SELECT public.peff_ctx_collaborative())
    AND c.outcome_id = '00000000-0000-0000-0000-000000000000'
    AND c.characteristic_id <> '00000000-0000-0000-0000-000000000000'
  GROUP BY c.org_id, c.characteristic_id
  HAVING sum(c.items) > 0
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION evidence_org_totals()
  RETURNS TABLE (org_id uuid, items integer, shared integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  SELECT c.org_id, sum(c.items)::int, coalesce(sum(c.items) FILTER (WHERE c.shared), 0)::int
  FROM public.evidence_coverage c
  WHERE (SELECT public.peff_ctx_collaborative_wide())
    AND c.collaborative_id = (SELECT public.peff_ctx_collaborative())
    AND c.outcome_id = '00000000-0000-0000-0000-000000000000'
    AND c.characteristic_id = '00000000-0000-0000-0000-000000000000'
  GROUP BY c.org_id
  HAVING sum(c.items) > 0
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION evidence_org_coverage(), evidence_org_totals() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION evidence_org_coverage(), evidence_org_totals() TO peff_app;
