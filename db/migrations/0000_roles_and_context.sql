-- The role every request runs as. It owns nothing and cannot bypass row-level security.
-- Roles are cluster-wide, so this is idempotent: several databases on one server share it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'peff_app') THEN
    CREATE ROLE peff_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END $$;
--> statement-breakpoint
-- The owner (whoever runs migrations) must be able to SET ROLE peff_app inside a transaction.
DO $$
BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT peff_app TO %I', current_user);
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO peff_app;
--> statement-breakpoint
-- Request context. The app sets these with set_config(..., true) inside each transaction; an unset
-- local setting reads as '' (not NULL), hence nullif.
CREATE OR REPLACE FUNCTION peff_ctx_user() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
--> statement-breakpoint
-- The active organisation, only if the user really is a member of it: a wrong org id set by
-- mistake yields no rows rather than another organisation's. SECURITY DEFINER so the lookup is not
-- itself filtered by the memberships policy (and cannot recurse into it). plpgsql because the
-- tables it reads are created by the next migration.
CREATE OR REPLACE FUNCTION peff_ctx_org() RETURNS uuid
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
BEGIN
  RETURN (SELECT m.org_id FROM public.memberships m
          WHERE m.user_id = peff_ctx_user()
            AND m.org_id = nullif(current_setting('app.org_id', true), '')::uuid);
END $$;
--> statement-breakpoint
-- The active collaborative, only if the active organisation is a current member of it.
CREATE OR REPLACE FUNCTION peff_ctx_collaborative() RETURNS uuid
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
BEGIN
  RETURN (SELECT cm.collaborative_id FROM public.collaborative_members cm
          WHERE cm.org_id = peff_ctx_org()
            AND cm.collaborative_id = nullif(current_setting('app.collaborative_id', true), '')::uuid
            AND cm.left_on IS NULL);
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION peff_ctx_role() RETURNS text
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
BEGIN
  RETURN (SELECT m.role FROM public.memberships m
          WHERE m.user_id = peff_ctx_user() AND m.org_id = peff_ctx_org());
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION peff_ctx_collaborative_wide() RETURNS boolean
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
BEGIN
  RETURN peff_ctx_collaborative() IS NOT NULL
     AND coalesce(peff_ctx_role() IN ('collaborative_admin', 'regional_lead'), false);
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION peff_ctx_org(), peff_ctx_collaborative(), peff_ctx_role(), peff_ctx_collaborative_wide() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION peff_ctx_user(), peff_ctx_org(), peff_ctx_collaborative(), peff_ctx_role(), peff_ctx_collaborative_wide() TO peff_app;
