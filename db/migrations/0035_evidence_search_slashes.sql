-- Evidence search reads a slash as a space. PostgreSQL's parser takes "D/deaf", "and/or" and a
-- URL's path as one path-like word ('d/deaf'), so a search for "deaf" found no item that wrote
-- "D/deaf", the usual spelling in the field. Title, summary, findings and file text are read
-- with translate(..., '/', ' '); the app does the same to what is searched for
-- (app/lib/search-text.ts). Every item's derived text is recomputed, then the search column is
-- rebuilt (a generated column's expression cannot be altered), and with it the one GIN index.
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
      setweight(to_tsvector('english'::regconfig, translate(left(coalesce((SELECT string_agg(f.text, ' ') FROM public.evidence_findings f WHERE f.item_id = i.id), ''), 200000), '/', ' ')), 'B')
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
SELECT evidence_reindex_items(coalesce((SELECT array_agg(id) FROM evidence_items), '{}'::uuid[]));
--> statement-breakpoint
ALTER TABLE "evidence_items" drop column "search";--> statement-breakpoint
ALTER TABLE "evidence_items" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, translate(coalesce(title, ''), '/', ' ')), 'A') || setweight(to_tsvector('english'::regconfig, translate(coalesce(summary, ''), '/', ' ')), 'B') || child_text) STORED;--> statement-breakpoint
CREATE INDEX "evidence_items_search_keys_idx" ON "evidence_items" USING gin ("access_keys","search","characteristic_ids","outcome_ids","psed_ids","theme_ids","concerned_org_ids","year_keys","access_year_keys") WITH (fastupdate=false);
