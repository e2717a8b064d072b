-- Grants for the collaboration feature (drizzle-kit never writes GRANTs). Updates are append-only:
-- the app role may only clear a compacted payload, never rewrite who sent what or when.
GRANT SELECT, INSERT ON registers TO peff_app;
--> statement-breakpoint
GRANT UPDATE (title, legend) ON registers TO peff_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON collab_updates TO peff_app;
--> statement-breakpoint
GRANT UPDATE (payload) ON collab_updates TO peff_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE collab_updates_id_seq TO peff_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON collab_snapshots TO peff_app;
--> statement-breakpoint
GRANT UPDATE (state, updated_at) ON collab_snapshots TO peff_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON register_rows TO peff_app;
