-- Search snippets mark the words found with two control characters, chr(1) and chr(2) (the
-- app's MARK_START and MARK_END, passed as p_start_sel and p_stop_sel), which the page turns into
-- <mark>. Stored text could hold them too: a PDF's or Word file's text keeps what the file held
-- (only NUL is dropped), typed and imported text what was pasted. One in the passage drew a <mark>
-- of its own, and a stray chr(2) hid the text after it. The passage shown now reads every C0
-- control character but tab, line feed and carriage return as a space (as the parser reads it),
-- before the words are marked, so the only markers in a snippet are ts_headline's. This is done
-- here rather than where text is stored because it covers text already stored and every way in.
-- Only the two uses of the passage change; the rest is evidence_search_page as 0038 left it.
CREATE OR REPLACE FUNCTION evidence_search_page(
  p_query text, p_source uuid, p_type text, p_from date, p_to date, p_outcome uuid, p_characteristic uuid,
  p_psed uuid, p_theme uuid, p_concerns uuid, p_owner uuid, p_scope text, p_limit integer, p_offset integer,
  p_start_sel text, p_stop_sel text)
  RETURNS TABLE (total integer, id uuid, title text, type text, published_on text, source_name text,
                 org_id uuid, org_name text, shared boolean, snippet text)
  LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan
  AS $$
DECLARE
  -- Computed once here: in a generic plan, expressions of the parameters are not folded to
  -- constants, and these would be recomputed for every row.
  v_tsq tsquery;
  v_pattern text;
  -- chr(1) to chr(30) less tab, line feed and carriage return (chr(31) is the slashes' stand-in, below).
  v_controls constant text := E'\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e';
  v_spaces constant text := repeat(' ', 27);
BEGIN
  IF coalesce(btrim(p_query), '') = '' THEN
    RETURN QUERY
      SELECT s.total::integer, i.id, i.title, i.type, i.published_on::text,
        (SELECT src.name FROM public.evidence_sources src WHERE src.id = i.source_id),
        i.org_id, (SELECT o.name FROM public.organisations o WHERE o.id = i.org_id), i.shared_at IS NOT NULL, NULL::text
      FROM public.evidence_search(NULL, p_source, p_type, p_from, p_to, p_outcome, p_characteristic, p_psed, p_theme, p_concerns,
             p_owner, p_scope, p_limit, p_offset) WITH ORDINALITY AS s(id, rank, total, n)
      JOIN public.evidence_items i ON i.id = s.id
      ORDER BY s.n;
    RETURN;
  END IF;
  v_tsq := websearch_to_tsquery('english', p_query);
  v_pattern := public.evidence_snippet_pattern(p_query);
  RETURN QUERY
    SELECT s.total::integer, i.id, i.title, i.type, i.published_on::text,
      (SELECT src.name FROM public.evidence_sources src WHERE src.id = i.source_id),
      i.org_id, (SELECT o.name FROM public.organisations o WHERE o.id = i.org_id), i.shared_at IS NOT NULL,
      CASE
        -- The words are not in the text (the title matched, or a form the pattern misses): its
        -- opening, plain. (ts_headline would find nothing to mark in it either, at a cost.)
        WHEN y.at = 0 THEN translate(CASE WHEN length(x.text) <= 200 THEN x.text ELSE regexp_replace(left(x.text, 200), '\s+\S*$', '') END,
          v_controls, v_spaces)
        -- The passage's slashes are read as the index reads them (chr(31) stands in for each,
        -- a separator to the parser, and is a slash again once the words are marked); a chr(31)
        -- the text held itself is shown as the space the parser reads it as, and so is any other
        -- control character, the markers' included.
        ELSE translate(ts_headline('english', translate(
          CASE
            WHEN length(x.text) <= 200 THEN x.text
            ELSE regexp_replace(substr(x.text, greatest(1, y.at - 60), 200),
              CASE WHEN y.at <= 61 THEN '' ELSE '^\S*\s+' END
                || CASE WHEN y.at + 140 < length(x.text) THEN (CASE WHEN y.at <= 61 THEN '' ELSE '|' END) || '\s+\S*$' ELSE '' END,
              '', 'g')
          END, '/' || chr(31) || v_controls, chr(31) || ' ' || v_spaces),
          v_tsq,
          'StartSel=' || p_start_sel || ', StopSel=' || p_stop_sel || ', MaxFragments=0, MaxWords=35, MinWords=15'), chr(31), '/')
      END
    FROM public.evidence_search(p_query, p_source, p_type, p_from, p_to, p_outcome, p_characteristic, p_psed, p_theme, p_concerns,
           p_owner, p_scope, p_limit, p_offset) WITH ORDINALITY AS s(id, rank, total, n)
    JOIN public.evidence_items i ON i.id = s.id
    -- OFFSET 0 (twice) keeps the planner from copying x's subqueries and y's regular expression
    -- into every use of the text and of the position (up to five regexp_instr calls a row).
    CROSS JOIN LATERAL (SELECT concat_ws(' … ', nullif(i.summary, ''),
        (SELECT string_agg(f.text, ' … ' ORDER BY f.position) FROM public.evidence_findings f WHERE f.item_id = i.id),
        (SELECT left(string_agg(a.extracted_text, ' … '), 100000) FROM public.evidence_attachments a WHERE a.item_id = i.id)) AS text
        OFFSET 0) x
    CROSS JOIN LATERAL (SELECT coalesce(regexp_instr(x.text, v_pattern, 1, 1, 0, 'i'), 0) AS at OFFSET 0) y
    ORDER BY s.n;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION evidence_search_page(text, uuid, text, date, date, uuid, uuid, uuid, uuid, uuid, uuid, text, integer, integer, text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION evidence_search_page(text, uuid, text, date, date, uuid, uuid, uuid, uuid, uuid, uuid, text, integer, integer, text, text) TO peff_app;
