CREATE TABLE "collab_listeners" (
	"process_id" uuid PRIMARY KEY NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "collab_listeners" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
-- Announcing every stored update with NOTIFY costs a PostgreSQL deployment of one process for
-- nothing: PostgreSQL serialises the commits of notifying transactions (a lock across the cluster held
-- through the commit's flush) and wakes the listening backend and our process for each. So a
-- process announces only while another process listens. Each listening process registers here,
-- after its LISTEN took effect and before it serves anyone, under an exclusive advisory lock;
-- every append takes the same lock shared and then looks for another registration. An append
-- that began before a registration therefore commits before the registration does (and the new
-- process, loading documents only afterwards, reads it from the table); one that began after
-- sees the registration and notifies. No update can fall between the two.
CREATE FUNCTION collab_register_listener(p_process uuid) RETURNS boolean
  LANGUAGE plpgsql
  AS $$
BEGIN
  -- A registration not refreshed for a minute belongs to a process that is gone (they refresh
  -- every few seconds); until it is removed the others only notify for nothing, never too little.
  DELETE FROM public.collab_listeners WHERE last_seen < now() - interval '1 minute' AND process_id <> p_process;
  UPDATE public.collab_listeners SET last_seen = now() WHERE process_id = p_process;
  IF FOUND THEN
    RETURN false;
  END IF;
  PERFORM pg_advisory_xact_lock(1885693542);
  INSERT INTO public.collab_listeners (process_id) VALUES (p_process)
    ON CONFLICT (process_id) DO UPDATE SET last_seen = now();
  RETURN true;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION collab_register_listener(uuid) FROM PUBLIC;
--> statement-breakpoint
-- Called by collab_append_update as the app role, which has no access to the table itself.
-- VOLATILE (the default): the lookup takes its snapshot after the lock is granted.
CREATE FUNCTION collab_others_listen(p_process uuid) RETURNS boolean
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(1885693542);
  RETURN EXISTS (SELECT 1 FROM public.collab_listeners WHERE process_id <> p_process);
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION collab_others_listen(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION collab_others_listen(uuid) TO peff_app;
--> statement-breakpoint
DROP FUNCTION collab_append_update(uuid, uuid, uuid, uuid, uuid, text, bytea, text[], boolean);
--> statement-breakpoint
-- As in 0015, except for its last parameter: the storing process's id when its updates may need
-- announcing (PostgreSQL), null when there is no one to tell (PGlite is one process); and the
-- announcement says which process stored the update.
CREATE FUNCTION collab_append_update(
  p_user uuid, p_org uuid, p_collaborative uuid, p_document_collaborative uuid, p_document_org uuid, p_document text,
  p_payload bytea, p_row_keys text[], p_process uuid)
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
  IF p_process IS NOT NULL AND public.collab_others_listen(p_process) THEN
    -- The storing process's id comes last, so that process ignores its own announcement.
    PERFORM pg_notify('peff_collab', p_document || ' ' || v_id || ' ' || p_process);
  END IF;
  RETURN v_id;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION collab_append_update(uuid, uuid, uuid, uuid, uuid, text, bytea, text[], uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION collab_append_update(uuid, uuid, uuid, uuid, uuid, text, bytea, text[], uuid) TO peff_app;
