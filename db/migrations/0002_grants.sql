-- drizzle-kit never writes GRANTs. The app role gets exactly what the product needs, column by
-- column where an update must not move a row between tenants (a membership's user or org, say).
GRANT SELECT ON frameworks, framework_groups, framework_outcomes, rating_scale_points, rating_bands,
  framework_crosswalk, characteristics, psed_aims TO peff_app;
--> statement-breakpoint
GRANT SELECT ON collaboratives TO peff_app;
--> statement-breakpoint
GRANT UPDATE (name, region, description) ON collaboratives TO peff_app;
--> statement-breakpoint
GRANT SELECT ON organisations TO peff_app;
--> statement-breakpoint
GRANT UPDATE (name, type, ods_code, valid_from, valid_to, successor_id, contact_email, contact_phone, address) ON organisations TO peff_app;
--> statement-breakpoint
GRANT SELECT ON collaborative_members TO peff_app;
--> statement-breakpoint
GRANT UPDATE (joined_on, left_on) ON collaborative_members TO peff_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON memberships TO peff_app;
--> statement-breakpoint
GRANT UPDATE (role) ON memberships TO peff_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON invitations TO peff_app;
--> statement-breakpoint
GRANT UPDATE (revoked_at) ON invitations TO peff_app;
--> statement-breakpoint
GRANT SELECT ON users TO peff_app;
--> statement-breakpoint
GRANT UPDATE (name, job_title) ON users TO peff_app;
