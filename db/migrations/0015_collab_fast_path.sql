-- The context functions read the same rows as before in one query each instead of two (every
-- policy calls them, so every request pays for them). Same answers: the organisation counts only
-- if the user is a member of it, the collaborative only if that organisation is a current member.
CREATE OR REPLACE FUNCTION peff_ctx_collaborative() RETURNS uuid
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
BEGIN
  RETURN (SELECT cm.collaborative_id
            FROM public.collaborative_members cm
            JOIN public.memberships m ON m.org_id = cm.org_id
           WHERE m.user_id = peff_ctx_user()
             AND m.org_id = nullif(current_setting('app.org_id', true), '')::uuid
             AND cm.collaborative_id = nullif(current_setting('app.collaborative_id', true), '')::uuid
             AND cm.left_on IS NULL);
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION peff_ctx_role() RETURNS text
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
BEGIN
  RETURN (SELECT m.role FROM public.memberships m
           WHERE m.user_id = peff_ctx_user()
             AND m.org_id = nullif(current_setting('app.org_id', true), '')::uuid);
END $$;
--> statement-breakpoint
-- The collaboration server's hot path: store one Yjs update for the person who sent it. It does
-- what withTenant does, for this one statement: sets the person's context (transaction-local,
-- from parameters) and switches to the app role, then inserts, so collab_updates' insert policy
-- checks the row exactly as for any request. Being plpgsql, the insert is planned once per
-- connection rather than on every edit (PGlite has no named prepared statements), and a commit
-- of many people's updates is one transaction of these calls, each under its own context. With
-- p_notify it also announces the id to other processes (delivered at commit). SECURITY INVOKER
-- (the default): it can do nothing the app role could not do itself.
CREATE OR REPLACE FUNCTION collab_append_update(
  p_user uuid, p_org uuid, p_collaborative uuid, p_document_collaborative uuid, p_document_org uuid, p_document text,
  p_payload bytea, p_row_keys text[], p_notify boolean)
  RETURNS bigint
  LANGUAGE plpgsql
  AS $$
DECLARE
  v_id bigint;
BEGIN
  PERFORM set_config('app.user_id', coalesce(p_user::text, ''), true),
          set_config('app.org_id', coalesce(p_org::text, ''), true),
          set_config('app.collaborative_id', coalesce(p_collaborative::text, ''), true),
          set_config('role', 'peff_app', true);
  INSERT INTO public.collab_updates (collaborative_id, org_id, document, user_id, payload, row_keys)
  VALUES (p_document_collaborative, p_document_org, p_document, p_user, p_payload, coalesce(p_row_keys, '{}'))
  RETURNING id INTO v_id;
  IF p_notify THEN
    PERFORM pg_notify('peff_collab', p_document || ' ' || v_id);
  END IF;
  RETURN v_id;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION collab_append_update(uuid, uuid, uuid, uuid, uuid, text, bytea, text[], boolean) FROM PUBLIC;
--> statement-breakpoint
-- After the first call of a batch the transaction runs as the app role, which makes the next call.
GRANT EXECUTE ON FUNCTION collab_append_update(uuid, uuid, uuid, uuid, uuid, text, bytea, text[], boolean) TO peff_app;
