-- An evidence item that something links to cannot be deleted. Links are not foreign keys (a grade
-- keeps an array of item ids; plan actions and register rows keep their links in JSON projected
-- from Yjs), so a deleted item would leave a grade silently resting on less than it did, and a
-- plan or register link that leads nowhere. The app refuses and says where the item is used; the
-- trigger makes the database refuse too, whatever path the delete comes by.
--
-- The uses of one item: grades (any organisation's: an item shared once and then unshared may
-- have been linked by others), plan actions (linked, or pulled from the item), register rows.
-- Not granted to the app role: it tells of other organisations' grades and plans.
CREATE OR REPLACE FUNCTION evidence_uses_of(p_item uuid) RETURNS TABLE (kind text, org_id uuid, uses integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  SELECT 'grade', g.org_id, count(*)::int FROM public.assessment_grades g WHERE g.evidence_ids @> ARRAY[p_item] GROUP BY g.org_id
  UNION ALL
  SELECT 'plan_action', a.org_id, count(*)::int FROM public.plan_actions a
  WHERE a.evidence @> jsonb_build_array(jsonb_build_object('evidenceId', p_item::text))
     OR (a.source ->> 'kind' = 'evidence' AND a.source ->> 'id' = p_item::text)
  GROUP BY a.org_id
  UNION ALL
  SELECT 'register_row', NULL::uuid, count(*)::int FROM public.register_rows r
  WHERE r.evidence @> jsonb_build_array(jsonb_build_object('evidenceId', p_item::text))
  HAVING count(*) > 0
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION evidence_uses_of(uuid) FROM PUBLIC;
--> statement-breakpoint
-- For the page that deletes an item: its uses, counted by organisation, answered only to a writer
-- of the organisation that owns the item (anyone else gets no rows). Counts and organisation ids,
-- never what the other organisations' grades or plans say.
CREATE OR REPLACE FUNCTION evidence_item_uses(p_item uuid) RETURNS TABLE (kind text, org_id uuid, uses integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  SELECT u.kind, u.org_id, u.uses FROM public.evidence_uses_of(p_item) u
  WHERE EXISTS (SELECT 1 FROM public.evidence_items i WHERE i.id = p_item AND i.org_id = peff_ctx_org()
                AND i.collaborative_id = peff_ctx_collaborative() AND peff_ctx_role() IN ('equality_lead', 'contributor'))
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION evidence_item_uses(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION evidence_item_uses(uuid) TO peff_app;
--> statement-breakpoint
-- 23503 (foreign_key_violation), as a real foreign key would answer: the app turns it into a 409.
CREATE OR REPLACE FUNCTION evidence_items_refuse_delete_in_use() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM public.evidence_uses_of(OLD.id)) THEN
    RAISE EXCEPTION 'evidence item % is in use', OLD.id USING ERRCODE = 'foreign_key_violation',
      HINT = 'Remove its links from grades, plans and the register first.';
  END IF;
  RETURN OLD;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION evidence_items_refuse_delete_in_use() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER evidence_items_refuse_delete_in_use BEFORE DELETE ON evidence_items
  FOR EACH ROW EXECUTE FUNCTION evidence_items_refuse_delete_in_use();
