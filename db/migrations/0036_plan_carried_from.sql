-- The plan a plan was started from (Start the next plan), so that starting a second plan from
-- the same one is questioned before it carries the same unfinished actions again. Set only by
-- carryForwardPlan, from a plan it has just read (and locked) under row-level security; the
-- table's INSERT grant covers it, and no UPDATE grant is given, so it never changes afterwards.
ALTER TABLE "plans" ADD COLUMN "carried_from_plan_id" uuid;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_carried_from_plan_id_plans_id_fk" FOREIGN KEY ("carried_from_plan_id") REFERENCES "public"."plans"("id") ON DELETE set null ON UPDATE no action;