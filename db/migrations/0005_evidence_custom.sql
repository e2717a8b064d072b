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
-- Organisations x characteristics across the active collaborative, private items included, for
-- collaborative-wide roles only. It returns counts and nothing else: no ids, titles or text, so a
-- regional lead learns how much evidence an organisation holds, never what it says. Anyone else
-- gets no rows. The context calls are wrapped in (SELECT ...) so they run once, not per row.
CREATE OR REPLACE FUNCTION evidence_org_coverage()
  RETURNS TABLE (org_id uuid, characteristic_id uuid, items integer, shared integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  SELECT i.org_id, c.id, count(*)::int, (count(*) FILTER (WHERE i.shared_at IS NOT NULL))::int
  FROM public.evidence_items i CROSS JOIN LATERAL unnest(i.characteristic_ids) AS c(id)
  WHERE (SELECT public.peff_ctx_collaborative_wide())
    AND i.collaborative_id = (SELECT public.peff_ctx_collaborative())
  GROUP BY i.org_id, c.id
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION evidence_org_coverage() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION evidence_org_coverage() TO peff_app;
--> statement-breakpoint
-- The organisations' totals (items with no characteristic tag count too), same rules.
CREATE OR REPLACE FUNCTION evidence_org_totals()
  RETURNS TABLE (org_id uuid, items integer, shared integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  SELECT i.org_id, count(*)::int, (count(*) FILTER (WHERE i.shared_at IS NOT NULL))::int
  FROM public.evidence_items i
  WHERE (SELECT public.peff_ctx_collaborative_wide())
    AND i.collaborative_id = (SELECT public.peff_ctx_collaborative())
  GROUP BY i.org_id
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION evidence_org_totals() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION evidence_org_totals() TO peff_app;
