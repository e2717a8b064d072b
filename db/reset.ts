import { sql } from "drizzle-orm";
import type { Database } from "./client";

/**
 * Drops everything the migrations created, so they can be applied afresh. Only for `db:seed`
 * on a database that holds nothing but demo data, and for tests.
 */
export async function resetDatabase(database: Database): Promise<void> {
  await database.db.execute(sql.raw(`DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
    EXECUTE format('DROP TABLE IF EXISTS public.%I CASCADE', r.tablename);
  END LOOP;
  FOR r IN SELECT p.oid::regprocedure AS f FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'public' AND p.proname LIKE 'peff\\_%' LOOP
    EXECUTE 'DROP FUNCTION ' || r.f::text || ' CASCADE';
  END LOOP;
  FOR r IN SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
           WHERE n.nspname = 'public' AND t.typtype = 'e' LOOP
    EXECUTE format('DROP TYPE IF EXISTS public.%I CASCADE', r.typname);
  END LOOP;
  DROP SCHEMA IF EXISTS drizzle CASCADE;
END $$;`));
}
