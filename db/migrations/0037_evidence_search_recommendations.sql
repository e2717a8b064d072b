-- Evidence search reads an item's recommendations too ("hearing loop" finds the item whose
-- recommendation says "Fit a hearing loop"), weighted as its findings are. They are the owner's
-- text, scanned for personal data before sharing like the findings; the answers other
-- organisations give (recommendation_responses) are theirs and stay out of the index.
-- Slashes read as spaces, as in migration 0035.
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
      setweight(to_tsvector('english'::regconfig, translate(left(concat_ws(' ',
        (SELECT string_agg(f.text, ' ') FROM public.evidence_findings f WHERE f.item_id = i.id),
        (SELECT string_agg(r.text, ' ') FROM public.evidence_recommendations r WHERE r.item_id = i.id)), 200000), '/', ' ')), 'B')
      || setweight(to_tsvector('english'::regconfig, translate(left(coalesce((SELECT string_agg(a.extracted_text, ' ') FROM public.evidence_attachments a WHERE a.item_id = i.id), ''), 500000), '/', ' ')), 'C'),
    outcome_ids = array(SELECT DISTINCT t.ref_id FROM public.evidence_tags t WHERE t.item_id = i.id AND t.kind = 'outcome' ORDER BY 1),
    characteristic_ids = array(SELECT DISTINCT tc.id FROM tag_chars tc WHERE tc.item_id = i.id ORDER BY 1),
    psed_ids = array(SELECT DISTINCT t.ref_id FROM public.evidence_tags t WHERE t.item_id = i.id AND t.kind = 'psed' ORDER BY 1),
    theme_ids = array(SELECT DISTINCT t.ref_id FROM public.evidence_tags t WHERE t.item_id = i.id AND t.kind = 'theme' ORDER BY 1)
  WHERE i.id = ANY (p_items)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION evidence_reindex_items(uuid[]) FROM PUBLIC;
--> statement-breakpoint
DROP TRIGGER IF EXISTS evidence_recommendations_reindex ON evidence_recommendations;
--> statement-breakpoint
CREATE TRIGGER evidence_recommendations_reindex AFTER INSERT OR UPDATE OF text OR DELETE ON evidence_recommendations
  FOR EACH ROW EXECUTE FUNCTION evidence_reindex_trigger();
--> statement-breakpoint
SELECT evidence_reindex_items(array_agg(DISTINCT item_id)) FROM evidence_recommendations HAVING count(*) > 0;
