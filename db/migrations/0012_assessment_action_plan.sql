ALTER TABLE "assessments" ADD COLUMN "action_plan" jsonb;--> statement-breakpoint
GRANT UPDATE (action_plan) ON assessments TO peff_app;
