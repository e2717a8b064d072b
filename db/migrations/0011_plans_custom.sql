-- Grants for objective plans (drizzle-kit never writes GRANTs). Projections are rewritten, never
-- updated in place; plans change title, period, objectives and legend only.
GRANT SELECT, INSERT ON plans TO peff_app;
--> statement-breakpoint
GRANT UPDATE (title, period_start, period_end, objectives, legend, updated_at) ON plans TO peff_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON plan_actions TO peff_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON plan_pulls TO peff_app;
--> statement-breakpoint
CREATE INDEX plan_actions_source_idx ON plan_actions ((source->>'kind'), (source->>'id')) WHERE source IS NOT NULL;
