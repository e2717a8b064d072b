-- A collaborative admin adds a new organisation to their own collaborative (/organisations/new).
-- Not through table grants: the app role still may not insert organisations or collaborative
-- members, since a row of either could claim an organisation another collaborative holds, and a
-- new organisation is not visible to the app role until it is a member. This function is the
-- only way, and it can do one thing only: create a brand-new organisation as a current member
-- of the caller's active collaborative, when the caller is that collaborative's admin (the
-- context functions check the membership is real). SECURITY DEFINER for those two inserts.
CREATE OR REPLACE FUNCTION peff_add_member_organisation(p_name text, p_type text, p_ods_code text) RETURNS uuid
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
DECLARE
  v_collaborative uuid := peff_ctx_collaborative();
  v_org uuid;
BEGIN
  IF v_collaborative IS NULL OR peff_ctx_role() IS DISTINCT FROM 'collaborative_admin' THEN
    RAISE EXCEPTION 'only a collaborative admin may add an organisation to their collaborative' USING ERRCODE = '42501';
  END IF;
  INSERT INTO public.organisations (name, type, ods_code) VALUES (p_name, p_type, nullif(p_ods_code, '')) RETURNING id INTO v_org;
  INSERT INTO public.collaborative_members (collaborative_id, org_id) VALUES (v_collaborative, v_org);
  RETURN v_org;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION peff_add_member_organisation(text, text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION peff_add_member_organisation(text, text, text) TO peff_app;
