ALTER TABLE "plans" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "archived_by" uuid;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_archived_by_users_id_fk" FOREIGN KEY ("archived_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER POLICY "collab_updates_insert" ON "collab_updates" TO peff_app WITH CHECK (collaborative_id = (select peff_ctx_collaborative()) and ((org_id is null and (select peff_ctx_role()) not in ('viewer', 'peer_reviewer')) or (org_id = (select peff_ctx_org()) and (select peff_ctx_role()) in ('equality_lead', 'contributor') and exists (select 1 from plans p where 'plan:' || p.id::text = collab_updates.document and p.archived_at is null))) and user_id = (select peff_ctx_user()));--> statement-breakpoint
-- Archiving and restoring are updates of these two columns by the plan's editors (plans_update).
GRANT UPDATE (archived_at, archived_by) ON plans TO peff_app;
--> statement-breakpoint
-- An archived plan is kept as it was: its details and legend change only after it is restored
-- (the app says so first; this is the backstop for a change racing the archiving).
CREATE FUNCTION plans_refuse_change_when_archived() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF OLD.archived_at IS NOT NULL AND NEW.archived_at IS NOT NULL
     AND (NEW.title, NEW.period_start, NEW.period_end, NEW.objectives, NEW.legend)
         IS DISTINCT FROM (OLD.title, OLD.period_start, OLD.period_end, OLD.objectives, OLD.legend) THEN
    RAISE EXCEPTION 'plan % is archived: restore it before changing it', OLD.id USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER plans_refuse_change_when_archived BEFORE UPDATE ON plans FOR EACH ROW EXECUTE FUNCTION plans_refuse_change_when_archived();
