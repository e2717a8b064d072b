-- Evidence search, faster on both engines (issue 3's targets): per-year access keys in the
-- search index, a cheaper count, and the page's statement planned once per connection.
--
-- access_year_keys: who may read the item, by the year it was published (see db/schema/
-- evidence.ts). evidence_search() reads words' matches a year at a time, newest first; with
-- these keys a year's read decodes that year's part of the shared items' index list instead of
-- the whole list, which was most of the read's time on PGlite. One GIN index still holds every
-- search key, so the keys are intersected inside one index scan.
DROP INDEX "evidence_items_search_keys_idx";
--> statement-breakpoint
ALTER TABLE "evidence_items" ADD COLUMN "access_year_keys" text[] GENERATED ALWAYS AS (case when shared_at is null then array[org_id::text || ':' || coalesce(extract(year from published_on)::integer, 0)] else array[org_id::text || ':' || coalesce(extract(year from published_on)::integer, 0), collaborative_id::text || ':' || coalesce(extract(year from published_on)::integer, 0)] end) STORED;
--> statement-breakpoint
CREATE INDEX "evidence_items_search_keys_idx" ON "evidence_items" USING gin ("access_keys","search","characteristic_ids","outcome_ids","psed_ids","theme_ids","concerned_org_ids","year_keys","access_year_keys") WITH (fastupdate=false);
--> statement-breakpoint
-- A bucket of years' access keys for an organisation in a collaborative ('{2023}' -> its own
-- items' key and the shared items' key of 2023), as access_year_keys spells them.
CREATE OR REPLACE FUNCTION evidence_year_keys(p_org uuid, p_collaborative uuid, p_years text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
  SELECT array_agg(k ORDER BY k) FROM unnest(p_years::integer[]) AS y,
    LATERAL (VALUES (p_org::text || ':' || y), (p_collaborative::text || ':' || y)) AS t(k)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION evidence_year_keys(uuid, uuid, text) FROM PUBLIC;
--> statement-breakpoint
-- evidence_search() as in migration 0014 (same signature, grants, visibility rule and answers),
-- with two changes:
-- - A bucket of years is read through access_year_keys (its years' keys only) instead of every
--   year's access keys and the year keys.
-- - Counting past the buckets read: when they hold what the page needs but the total is still
--   uncounted, the matches left to count (up to "more than 1,000") are counted in the next
--   bucket first, and only if it falls short in all the others. Before, the count always read
--   every other year's index entries: 2.8 ms of a 13 ms search on PGlite.
CREATE OR REPLACE FUNCTION evidence_search(
  p_query text, p_source uuid, p_type text, p_from date, p_to date, p_outcome uuid, p_characteristic uuid,
  p_psed uuid, p_theme uuid, p_concerns uuid, p_owner uuid, p_scope text, p_limit integer, p_offset integer)
  RETURNS TABLE (id uuid, rank real, total bigint)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  ROWS 20
  AS $$
DECLARE
  c_cap constant integer := 1000;
  c_window constant integer := 200;
  -- A word in more than this share of all items is checked on each row instead of in the index.
  c_common constant real := 0.2;
  c_order constant text := 'i.published_on DESC NULLS LAST, i.created_at DESC, i.id';
  c_vis constant text := 'i.collaborative_id = $1 AND CASE WHEN i.shared_at IS NULL THEN i.org_id = $2 ELSE true END AND i.access_keys && ARRAY[$2, $1]';
  -- The same for one bucket of years, through the per-year keys (followed by their condition).
  c_vis_year constant text := 'i.collaborative_id = $1 AND CASE WHEN i.shared_at IS NULL THEN i.org_id = $2 ELSE true END';
  c_any constant uuid := '00000000-0000-0000-0000-000000000000';
  v_collab uuid := public.peff_ctx_collaborative();
  v_org uuid := public.peff_ctx_org();
  v_offset integer := greatest(coalesce(p_offset, 0), 0);
  v_limit integer := least(greatest(coalesce(p_limit, 0), 0), c_cap - greatest(coalesce(p_offset, 0), 0));
  v_tsq tsquery;
  v_where text := '';
  v_total bigint;
  v_sql text;
  -- words
  v_text text := ' AND i.search @@ $3';
  v_tsq_index tsquery;
  v_tsq_row tsquery;
  v_parts text[];
  v_common text[] := '{}';
  v_rare text[] := '{}';
  v_items real;
  v_est float8;
  v_plan_rows float8[];
  v_split boolean;
  v_read integer[];
  v_counted integer[];
  v_left bigint;
  v_more bigint;
  v_collab_items bigint;
  v_max date;
  v_min date;
  v_top integer;
  v_need integer;
  v_years text[];
  v_froms date[];
  v_found bigint;
  v_dense boolean;
  v_got bigint;
  v_walk integer;
  v_ids uuid[] := '{}';
  v_ranks real[] := '{}';
  v_pub date[] := '{}';
  v_created timestamptz[] := '{}';
  a_ids uuid[];
  a_ranks real[];
  a_pub date[];
  a_created timestamptz[];
  y integer;
  k integer;
BEGIN
  IF v_collab IS NULL OR v_org IS NULL OR v_limit <= 0 THEN
    RETURN;
  END IF;
  IF coalesce(btrim(p_query), '') <> '' THEN
    v_tsq := websearch_to_tsquery('english'::regconfig, p_query);
    -- Only stop words: nothing matches, as before.
    IF numnode(v_tsq) = 0 THEN
      RETURN;
    END IF;
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
    -- Filters only, newest first.
    IF coalesce(p_source::text, p_type, p_from::text, p_to::text, p_psed::text, p_theme::text, p_concerns::text) IS NULL THEN
      SELECT coalesce(sum(c.items), 0) INTO v_total
        FROM public.evidence_coverage c
        WHERE c.collaborative_id = v_collab AND c.outcome_id = coalesce(p_outcome, c_any) AND c.characteristic_id = coalesce(p_characteristic, c_any)
          AND (c.org_id = v_org OR c.shared)
          AND (p_owner IS NULL OR c.org_id = p_owner)
          AND (p_scope IS DISTINCT FROM 'own' OR c.org_id = v_org)
          AND (p_scope IS DISTINCT FROM 'shared' OR c.shared);
    ELSE
      EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM public.evidence_items i WHERE %s%s LIMIT %s) s', c_vis, v_where, c_cap + 1)
        INTO v_total
        USING v_collab, v_org, v_tsq, p_source, p_type, p_from, p_to, p_outcome, p_characteristic, p_psed, p_theme, p_concerns, p_owner;
    END IF;
    IF v_total <= v_offset THEN
      RETURN;
    END IF;
    IF v_total <= c_cap THEN
      -- Few: read them all through whichever indexes fit, then sort.
      v_sql := format('WITH m AS MATERIALIZED (SELECT i.id, i.published_on, i.created_at FROM public.evidence_items i WHERE %s%s)
        SELECT i.id, 0::real, $14::bigint FROM m i ORDER BY %s LIMIT $15 OFFSET $16', c_vis, v_where, c_order);
    ELSE
      -- Many: walk the recency index (the OFFSET 0 fence keeps the planner from sorting a bitmap).
      v_sql := format('SELECT i.id, 0::real, $14::bigint
        FROM (SELECT * FROM public.evidence_items i WHERE i.collaborative_id = $1 ORDER BY %s OFFSET 0) i
        WHERE %s%s LIMIT $15 OFFSET $16', c_order, c_vis, v_where);
    END IF;
    RETURN QUERY EXECUTE v_sql
      USING v_collab, v_org, v_tsq, p_source, p_type, p_from, p_to, p_outcome, p_characteristic, p_psed, p_theme, p_concerns, p_owner,
        v_total, v_limit, v_offset;
    RETURN;
  END IF;

  -- Words. How many rows the planner thinks the table has (reltuples, its statistics' basis).
  SELECT c.reltuples INTO v_items FROM pg_catalog.pg_class c WHERE c.oid = 'public.evidence_items'::regclass;
  -- Then, in one EXPLAIN, how many matches the planner expects (for the policy as the select
  -- policy writes it, which it estimates well) and, for plain AND queries where something else
  -- could drive the index (another word, a tag filter), how common each word is: a very common
  -- word only slows an index scan down, so it is checked on each row read instead.
  v_parts := string_to_array(v_tsq::text, ' & ');
  v_split := v_items > 0 AND (cardinality(v_parts) > 1 OR coalesce(p_outcome, p_characteristic, p_psed, p_theme, p_concerns) IS NOT NULL)
    AND (SELECT bool_and(p ~ '^''([^'']|'''')+''$') FROM unnest(v_parts) AS p);
  v_sql := format('SELECT 1 FROM public.evidence_items i WHERE i.collaborative_id = $1 AND (i.org_id = $2 OR i.shared_at IS NOT NULL) AND i.search @@ $3%s', v_where);
  IF v_split THEN
    v_sql := v_sql || (SELECT string_agg(format(' UNION ALL SELECT 1 FROM public.evidence_items i WHERE i.search @@ %L::tsquery', p), '' ORDER BY n)
                       FROM unnest(v_parts) WITH ORDINALITY AS u(p, n));
  END IF;
  v_plan_rows := public.evidence_plan_rows(v_sql, v_collab, v_org, v_tsq, p_source, p_type, p_from, p_to, p_outcome, p_characteristic, p_psed, p_theme, p_concerns, p_owner);
  v_est := v_plan_rows[1];
  IF v_split THEN
    FOR k IN 1 .. cardinality(v_parts) LOOP
      IF v_plan_rows[k + 1] > c_common * v_items THEN
        v_common := v_common || v_parts[k];
      ELSE
        v_rare := v_rare || v_parts[k];
      END IF;
    END LOOP;
    IF cardinality(v_common) > 0 AND (cardinality(v_rare) > 0 OR coalesce(p_outcome, p_characteristic, p_psed, p_theme, p_concerns) IS NOT NULL) THEN
      v_tsq_row := array_to_string(v_common, ' & ')::tsquery;
      v_text := ' AND (i.search @@ $15) IS TRUE';
      IF cardinality(v_rare) > 0 THEN
        v_tsq_index := array_to_string(v_rare, ' & ')::tsquery;
        v_text := ' AND i.search @@ $14' || v_text;
      END IF;
    END IF;
  END IF;
  v_need := greatest(c_window, v_offset + v_limit);
  IF v_est > c_cap / 2 THEN
    -- Many expected: against the collaborative's size (exact, from the counters), are they dense,
    -- so that walking the recency index would find the window's matches within about 1,000 rows?
    -- And the span of publication dates, for the year buckets.
    SELECT (SELECT coalesce(sum(c.items), 0) FROM public.evidence_coverage c WHERE c.collaborative_id = v_collab AND c.outcome_id = c_any AND c.characteristic_id = c_any),
           (SELECT max(i.published_on) FROM public.evidence_items i WHERE i.collaborative_id = v_collab),
           (SELECT min(i.published_on) FROM public.evidence_items i WHERE i.collaborative_id = v_collab)
      INTO v_collab_items, v_max, v_min;
  END IF;
  v_dense := coalesce(v_est * 1000 >= c_window::float8 * v_collab_items, false);

  -- Count (v_found, up to c_cap + 1) and read the matches, ranking each as it is read.
  IF v_dense THEN
    -- Dense: count by whatever scan the planner likes; the window comes from walking the recency
    -- index from the top (below).
    EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM public.evidence_items i WHERE %s%s%s LIMIT %s) s', c_vis, v_text, v_where, c_cap + 1)
      INTO v_found
      USING v_collab, v_org, v_tsq, p_source, p_type, p_from, p_to, p_outcome, p_characteristic, p_psed, p_theme, p_concerns, p_owner,
        v_tsq_index, v_tsq_row;
    IF v_found > c_cap THEN
      v_froms := ARRAY[v_max];
      v_walk := 1;
    END IF;
  ELSIF v_est <= c_cap / 2 THEN
    -- Few expected: read them all in one GIN scan.
    EXECUTE format('SELECT array_agg(m.id), array_agg(m.rank), array_agg(m.published_on), array_agg(m.created_at), count(*)
        FROM (SELECT i.id, ts_rank(i.search, $3) AS rank, i.published_on, i.created_at FROM public.evidence_items i
              WHERE %s%s%s LIMIT %s) m', c_vis, v_text, v_where, c_cap + 1)
      INTO v_ids, v_ranks, v_pub, v_created, v_found
      USING v_collab, v_org, v_tsq, p_source, p_type, p_from, p_to, p_outcome, p_characteristic, p_psed, p_theme, p_concerns, p_owner,
        v_tsq_index, v_tsq_row;
    IF v_found > c_cap THEN
      -- More after all: those read are not the most recent. The window comes from the buckets.
      v_ids := '{}';
      v_ranks := '{}';
      v_pub := '{}';
      v_created := '{}';
    END IF;
  END IF;
  IF v_walk IS NULL AND (v_found IS NULL OR v_found > c_cap) THEN
    IF v_collab_items IS NULL THEN
      SELECT max(i.published_on), min(i.published_on) INTO v_max, v_min FROM public.evidence_items i WHERE i.collaborative_id = v_collab;
    END IF;
    -- Year buckets, newest first, in the list's own order: the newest year (with any later,
    -- mistyped ones), the three before it one by one, the older ones together, the undated.
    v_years := '{}';
    v_froms := '{}';
    IF v_max IS NOT NULL THEN
      v_top := least(extract(year FROM v_max)::integer, extract(year FROM current_date)::integer + 1);
      v_years := v_years || ARRAY(SELECT generate_series(v_top, extract(year FROM v_max)::integer))::text;
      v_froms := v_froms || v_max;
      y := v_top - 1;
      WHILE y >= extract(year FROM v_min)::integer AND y >= v_top - 3 LOOP
        v_years := v_years || ARRAY[y]::text;
        v_froms := v_froms || make_date(y, 12, 31);
        y := y - 1;
      END LOOP;
      IF y >= extract(year FROM v_min)::integer THEN
        v_years := v_years || ARRAY(SELECT generate_series(extract(year FROM v_min)::integer, y))::text;
        v_froms := v_froms || make_date(y, 12, 31);
      END IF;
    END IF;
    v_years := v_years || '{0}'::text;
    v_froms := v_froms || NULL::date;
    -- Read year buckets newest first, one GIN scan each, until the complete ones hold what the page
    -- needs; if still uncounted, count the other buckets' matches in one more scan. A bucket with
    -- more than c_cap matches is not read to the end: the walk starts there (they are dense).
    FOR k IN 1 .. cardinality(v_years) LOOP
      EXECUTE format('SELECT array_agg(m.id), array_agg(m.rank), array_agg(m.published_on), array_agg(m.created_at), count(*)
          FROM (SELECT i.id, ts_rank(i.search, $3) AS rank, i.published_on, i.created_at FROM public.evidence_items i
                WHERE %s AND i.access_year_keys && %L::text[]%s%s LIMIT %s) m', c_vis_year, public.evidence_year_keys(v_org, v_collab, v_years[k]), v_text, v_where, c_cap + 1)
        INTO a_ids, a_ranks, a_pub, a_created, v_got
        USING v_collab, v_org, v_tsq, p_source, p_type, p_from, p_to, p_outcome, p_characteristic, p_psed, p_theme, p_concerns, p_owner,
          v_tsq_index, v_tsq_row;
      IF v_got > c_cap THEN
        v_found := v_got;
        v_walk := k;
        EXIT;
      END IF;
      v_ids := v_ids || coalesce(a_ids, '{}');
      v_ranks := v_ranks || coalesce(a_ranks, '{}');
      v_pub := v_pub || coalesce(a_pub, '{}');
      v_created := v_created || coalesce(a_created, '{}');
      IF cardinality(v_ids) >= v_need THEN
        IF v_found IS NULL THEN
          v_got := 0;
          IF k < cardinality(v_years) THEN
            v_read := (SELECT array_agg(y2) FROM unnest(v_years[:k]) AS b, unnest(b::integer[]) AS y2);
            v_left := c_cap + 1 - least(cardinality(v_ids), c_cap + 1);
            v_counted := v_read;
            -- What is left to count is usually in the next bucket (a year, like the one just read, when
            -- that one alone held as many): count there first, which reads a year's index entries
            -- rather than every other year's.
            IF k + 1 < cardinality(v_years) AND v_left <= coalesce(cardinality(a_ids), 0) THEN
              EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM public.evidence_items i WHERE %s AND i.access_year_keys && %L::text[]%s%s LIMIT %s) s',
                  c_vis_year, public.evidence_year_keys(v_org, v_collab, v_years[k + 1]), v_text, v_where, v_left)
                INTO v_got
                USING v_collab, v_org, v_tsq, p_source, p_type, p_from, p_to, p_outcome, p_characteristic, p_psed, p_theme, p_concerns, p_owner,
                  v_tsq_index, v_tsq_row;
              v_counted := v_counted || v_years[k + 1]::integer[];
            END IF;
            IF v_got < v_left THEN
              -- (The buckets done are excluded row by row: an index condition over many years costs more.)
              EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM public.evidence_items i WHERE %s%s%s AND NOT i.year_keys && %L::integer[] LIMIT %s) s',
                  c_vis, v_text, v_where, v_counted, v_left - v_got)
                INTO v_more
                USING v_collab, v_org, v_tsq, p_source, p_type, p_from, p_to, p_outcome, p_characteristic, p_psed, p_theme, p_concerns, p_owner,
                  v_tsq_index, v_tsq_row;
              v_got := v_got + v_more;
            END IF;
          END IF;
          v_found := least(cardinality(v_ids) + v_got, c_cap + 1);
        END IF;
        EXIT;
      END IF;
    END LOOP;
    -- Every bucket read whole: every match is in hand.
    v_found := coalesce(v_found, cardinality(v_ids));
  END IF;
  IF v_found <= c_cap THEN
    IF coalesce(cardinality(v_ids), 0) < v_found THEN
      -- Counted, not all read: read the rest (all, or those outside the buckets read) in one scan.
      EXECUTE format('SELECT array_agg(m.id), array_agg(m.rank), array_agg(m.published_on), array_agg(m.created_at)
          FROM (SELECT i.id, ts_rank(i.search, $3) AS rank, i.published_on, i.created_at FROM public.evidence_items i
                WHERE %s%s%s%s LIMIT %s) m', c_vis, v_text, v_where,
            CASE WHEN v_read IS NULL THEN '' ELSE format(' AND NOT i.year_keys && %L::integer[]', v_read) END, c_cap + 1)
        INTO a_ids, a_ranks, a_pub, a_created
        USING v_collab, v_org, v_tsq, p_source, p_type, p_from, p_to, p_outcome, p_characteristic, p_psed, p_theme, p_concerns, p_owner,
          v_tsq_index, v_tsq_row;
      IF v_read IS NULL THEN
        v_ids := '{}';
        v_ranks := '{}';
        v_pub := '{}';
        v_created := '{}';
      END IF;
      v_ids := v_ids || coalesce(a_ids, '{}');
      v_ranks := v_ranks || coalesce(a_ranks, '{}');
      v_pub := v_pub || coalesce(a_pub, '{}');
      v_created := v_created || coalesce(a_created, '{}');
      v_found := cardinality(v_ids);
    END IF;
    -- At most c_cap: rank them all.
    RETURN QUERY
      SELECT u.id, u.rank, v_found FROM unnest(v_ids, v_ranks, v_pub, v_created) AS u(id, rank, published_on, created_at)
      ORDER BY u.rank DESC, u.published_on DESC NULLS LAST, u.created_at DESC, u.id
      LIMIT v_limit OFFSET v_offset;
    RETURN;
  END IF;

  -- More than c_cap. The list: the c_window most recent matches, best first, then the others newest
  -- first. The complete buckets read hold the most recent matches; if they are fewer than the
  -- window (or the page) needs, walk the recency index on from the incomplete bucket.
  SELECT coalesce(array_agg(u.id ORDER BY u.published_on DESC NULLS LAST, u.created_at DESC, u.id), '{}'),
         coalesce(array_agg(u.rank ORDER BY u.published_on DESC NULLS LAST, u.created_at DESC, u.id), '{}')
    INTO v_ids, v_ranks
    FROM unnest(v_ids, v_ranks, v_pub, v_created) AS u(id, rank, published_on, created_at);
  IF cardinality(v_ids) < v_need THEN
    v_sql := format('(SELECT i.id, ts_rank(i.search, $3) AS rank
        FROM (SELECT * FROM public.evidence_items i WHERE i.collaborative_id = $1 AND i.published_on IS NULL ORDER BY %s OFFSET 0) i
        WHERE %s AND i.search @@ $3%s)', c_order, c_vis, v_where);
    IF v_froms[v_walk] IS NOT NULL THEN
      v_sql := format('(SELECT i.id, ts_rank(i.search, $3) AS rank
          FROM (SELECT * FROM public.evidence_items i WHERE i.collaborative_id = $1 AND i.published_on <= %L ORDER BY %s OFFSET 0) i
          WHERE %s AND i.search @@ $3%s) UNION ALL ', v_froms[v_walk], c_order, c_vis, v_where) || v_sql;
    END IF;
    EXECUTE format('SELECT array_agg(m.id), array_agg(m.rank) FROM (%s LIMIT %s) m', v_sql, v_need - cardinality(v_ids))
      INTO a_ids, a_ranks
      USING v_collab, v_org, v_tsq, p_source, p_type, p_from, p_to, p_outcome, p_characteristic, p_psed, p_theme, p_concerns, p_owner;
    v_ids := v_ids || coalesce(a_ids, '{}');
    v_ranks := v_ranks || coalesce(a_ranks, '{}');
  END IF;
  RETURN QUERY
    SELECT u.id, CASE WHEN u.n <= c_window THEN u.rank ELSE 0 END::real, (c_cap + 1)::bigint
    FROM unnest(v_ids, v_ranks) WITH ORDINALITY AS u(id, rank, n)
    ORDER BY u.n > c_window, CASE WHEN u.n <= c_window THEN u.rank END DESC, u.n
    LIMIT v_limit OFFSET v_offset;
END $$;
--> statement-breakpoint
-- One page of the evidence list in one call (replaces the statement app/domain/evidence/
-- search-items.server.ts used to send). The statement is the same; what changes is that it is
-- planned once per connection instead of on every search: with the select policies of five
-- tables expanded into it, planning cost up to 1 ms of a page on PGlite.
--
-- SECURITY INVOKER (the default): the page's rows, names and snippet text are read through RLS as
-- the caller, exactly as before; evidence_search() (SECURITY DEFINER) chooses the ids, as before.
-- force_generic_plan: the statement's shape does not depend on the parameters (evidence_search's
-- answer is a handful of ids), so one plan serves all.
--
-- Snippets: the passage around the first place the query's words appear (as word prefixes, so
-- "waiting" finds "wait"), 200 characters from a little before it without words cut at either
-- end, given to ts_headline to mark the words; text up to 200 characters goes whole. ts_headline
-- marks words only (no fragments): with fragments it showed the passage's first few words,
-- unmarked, whenever one of the query's words was in the title only. Where the words are not in
-- the text at all (a match in the title), the snippet is the text's opening, without
-- ts_headline, which on PGlite cost 0.1 ms a row for nothing. At most 100,000 characters of
-- attached files are searched for the passage (the index covers more).
--
-- The pattern now also finds a lexeme ending in "e" with "ing" in its place: the stemmer keeps
-- "hope" for "hoping" (as it keeps "poni" for "ponies"), which the pattern must still find.
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
        WHEN y.at = 0 THEN CASE WHEN length(x.text) <= 200 THEN x.text ELSE regexp_replace(left(x.text, 200), '\s+\S*$', '') END
        ELSE ts_headline('english',
          CASE
            WHEN length(x.text) <= 200 THEN x.text
            ELSE regexp_replace(substr(x.text, greatest(1, y.at - 60), 200),
              CASE WHEN y.at <= 61 THEN '' ELSE '^\S*\s+' END
                || CASE WHEN y.at + 140 < length(x.text) THEN (CASE WHEN y.at <= 61 THEN '' ELSE '|' END) || '\s+\S*$' ELSE '' END,
              '', 'g')
          END,
          v_tsq,
          'StartSel=' || p_start_sel || ', StopSel=' || p_stop_sel || ', MaxFragments=0, MaxWords=35, MinWords=15')
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
--> statement-breakpoint
CREATE OR REPLACE FUNCTION evidence_snippet_pattern(p_query text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
  -- e: the lexeme with regular-expression characters escaped (a final "i" or "e" never is).
  SELECT '\m(' || string_agg(
    CASE
      -- "poni" (pony, ponies): as a prefix without the "i".
      WHEN length(l) > 3 AND l LIKE '%i' THEN left(e, -1)
      -- "hope" (hope, hoped, hoping): as a prefix, or with "ing" in place of the "e".
      WHEN length(l) >= 3 AND l LIKE '%e' THEN e || '|' || left(e, -1) || 'ing'
      ELSE e
    END, '|') || ')'
  FROM unnest(tsvector_to_array(to_tsvector('english'::regconfig, coalesce(p_query, '')))) AS l,
    LATERAL regexp_replace(l, '([^[:alnum:]_])', '\\\1', 'g') AS e
$$;
