-- Four holes found by a security review, closed in the database so a forgotten check in the app
-- stays harmless (as 0018 did). Policies of earlier migrations are replaced with ALTER POLICY (same
-- names, same commands); db/schema declares the results. Functions and triggers, which drizzle-kit
-- cannot declare, live here only.
--
-- 1. The plans roll-up. Every member of a collaborative could read every organisation's plan_pulls
-- rows, including the ids of evidence items private to another organisation (an action pulled from
-- one's own private evidence). The rows are now read by their own organisation only, and the
-- roll-up of the shared register (the one thing of a plan the collaborative sees: "Progress in
-- plans", app/domain/plans/register-rollup.server.ts) comes from two SECURITY DEFINER functions.
-- Both answer about the caller's active collaborative only (peff_ctx_collaborative(): nothing
-- without a real membership) and only about pulls of rows of its shared register (a pull that
-- merely claims source_kind 'register' for some other id is left out), and never return plan ids.
ALTER POLICY "plan_pulls_select" ON "plan_pulls" TO peff_app USING (org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()));
--> statement-breakpoint
-- For every member: per shared barrier, how many organisations have pulled it, by how far along
-- each is. An organisation with several actions on one barrier counts once, as its least advanced
-- (no status < not started < in progress < ongoing < complete), as app/policies/rollup.ts's
-- organisationMeaning says; status_meaning null means "no status yet". Counts only: which
-- organisation pulled what is for collaborative-wide roles (register_pull_progress).
CREATE OR REPLACE FUNCTION register_pull_counts()
  RETURNS TABLE (source_id text, status_meaning text, organisations integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  SELECT per_org.source_id,
         (ARRAY['not_started', 'in_progress', 'ongoing', 'complete'])[nullif(per_org.stage, 0)],
         count(*)::int
  FROM (
    SELECT p.source_id, p.org_id,
           min(CASE p.status_meaning WHEN 'not_started' THEN 1 WHEN 'in_progress' THEN 2 WHEN 'ongoing' THEN 3 WHEN 'complete' THEN 4 ELSE 0 END) AS stage
    FROM public.plan_pulls p
    JOIN public.register_rows r ON r.collaborative_id = p.collaborative_id AND r.row_key = p.source_id
    WHERE p.collaborative_id = (SELECT public.peff_ctx_collaborative())
      AND p.source_kind = 'register'
    GROUP BY p.source_id, p.org_id
  ) per_org
  GROUP BY per_org.source_id, per_org.stage
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION register_pull_counts() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION register_pull_counts() TO peff_app;
--> statement-breakpoint
-- For collaborative admins and regional leads (app/policies/plans.ts canSeeUptakeDetail): each
-- organisation's pulled actions on each shared barrier, with the status as its plan names it and
-- the due date. Nothing for anyone else.
CREATE OR REPLACE FUNCTION register_pull_progress()
  RETURNS TABLE (org_id uuid, source_id text, status_label text, status_colour text, status_meaning text, current_due date)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  SELECT p.org_id, p.source_id, p.status_label, p.status_colour, p.status_meaning, p.current_due
  FROM public.plan_pulls p
  JOIN public.register_rows r ON r.collaborative_id = p.collaborative_id AND r.row_key = p.source_id
  WHERE (SELECT public.peff_ctx_collaborative_wide())
    AND p.collaborative_id = (SELECT public.peff_ctx_collaborative())
    AND p.source_kind = 'register'
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION register_pull_progress() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION register_pull_progress() TO peff_app;
--> statement-breakpoint
-- 2. A shared evidence item is frozen (app/policies/evidence.ts canEditItem): its findings,
-- recommendations and files are added, changed or removed only after unsharing, so everything
-- shared has been through the scan for personal data. Only the app enforced it; the policies now
-- also ask that the parent item be private. Sharing itself is unaffected: it removes files and
-- redacts text before it sets shared_at, in the same transaction. Unsharing touches only the item.
-- Tags stay writable on shared items, as the app allows (canTagItem: they carry no personal data),
-- so evidence_tags keeps 0018's policies.
ALTER POLICY "evidence_findings_insert" ON "evidence_findings" TO peff_app WITH CHECK ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')) and exists (select 1 from evidence_items i where i.id = evidence_findings.item_id and i.org_id = evidence_findings.org_id and i.collaborative_id = evidence_findings.collaborative_id and i.shared_at is null));
--> statement-breakpoint
ALTER POLICY "evidence_findings_update" ON "evidence_findings" TO peff_app USING ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')) and exists (select 1 from evidence_items i where i.id = evidence_findings.item_id and i.org_id = evidence_findings.org_id and i.collaborative_id = evidence_findings.collaborative_id and i.shared_at is null)) WITH CHECK ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')) and exists (select 1 from evidence_items i where i.id = evidence_findings.item_id and i.org_id = evidence_findings.org_id and i.collaborative_id = evidence_findings.collaborative_id and i.shared_at is null));
--> statement-breakpoint
ALTER POLICY "evidence_findings_delete" ON "evidence_findings" TO peff_app USING ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')) and exists (select 1 from evidence_items i where i.id = evidence_findings.item_id and i.org_id = evidence_findings.org_id and i.collaborative_id = evidence_findings.collaborative_id and i.shared_at is null));
--> statement-breakpoint
ALTER POLICY "evidence_recommendations_insert" ON "evidence_recommendations" TO peff_app WITH CHECK ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')) and exists (select 1 from evidence_items i where i.id = evidence_recommendations.item_id and i.org_id = evidence_recommendations.org_id and i.collaborative_id = evidence_recommendations.collaborative_id and i.shared_at is null));
--> statement-breakpoint
ALTER POLICY "evidence_recommendations_update" ON "evidence_recommendations" TO peff_app USING ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')) and exists (select 1 from evidence_items i where i.id = evidence_recommendations.item_id and i.org_id = evidence_recommendations.org_id and i.collaborative_id = evidence_recommendations.collaborative_id and i.shared_at is null)) WITH CHECK ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')) and exists (select 1 from evidence_items i where i.id = evidence_recommendations.item_id and i.org_id = evidence_recommendations.org_id and i.collaborative_id = evidence_recommendations.collaborative_id and i.shared_at is null));
--> statement-breakpoint
ALTER POLICY "evidence_recommendations_delete" ON "evidence_recommendations" TO peff_app USING ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')) and exists (select 1 from evidence_items i where i.id = evidence_recommendations.item_id and i.org_id = evidence_recommendations.org_id and i.collaborative_id = evidence_recommendations.collaborative_id and i.shared_at is null));
--> statement-breakpoint
ALTER POLICY "evidence_attachments_insert" ON "evidence_attachments" TO peff_app WITH CHECK ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')) and exists (select 1 from evidence_items i where i.id = evidence_attachments.item_id and i.org_id = evidence_attachments.org_id and i.collaborative_id = evidence_attachments.collaborative_id and i.shared_at is null));
--> statement-breakpoint
ALTER POLICY "evidence_attachments_update" ON "evidence_attachments" TO peff_app USING ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')) and exists (select 1 from evidence_items i where i.id = evidence_attachments.item_id and i.org_id = evidence_attachments.org_id and i.collaborative_id = evidence_attachments.collaborative_id and i.shared_at is null)) WITH CHECK ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')) and exists (select 1 from evidence_items i where i.id = evidence_attachments.item_id and i.org_id = evidence_attachments.org_id and i.collaborative_id = evidence_attachments.collaborative_id and i.shared_at is null));
--> statement-breakpoint
ALTER POLICY "evidence_attachments_delete" ON "evidence_attachments" TO peff_app USING ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')) and exists (select 1 from evidence_items i where i.id = evidence_attachments.item_id and i.org_id = evidence_attachments.org_id and i.collaborative_id = evidence_attachments.collaborative_id and i.shared_at is null));
--> statement-breakpoint
-- 3. The register's row is created by its first opener (app/domain/register/open-register.server.ts:
-- INSERT ... ON CONFLICT DO NOTHING with the column defaults), and any member who may edit the
-- register could create it with a title and legend of their choosing, which only admins and
-- regional leads may set (registers_update, 0018). The insert must now carry the defaults.
ALTER POLICY "registers_insert" ON "registers" TO peff_app WITH CHECK (collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) not in ('viewer', 'peer_reviewer') and title = 'Shared barrier register' and legend = '[{"key":"blue","label":"Action ongoing","colour":"blue"},{"key":"green","label":"Complete","colour":"green"},{"key":"amber","label":"In progress","colour":"amber"},{"key":"red","label":"Not started","colour":"red"}]'::jsonb);
--> statement-breakpoint
-- 4. Leaving a collaborative is final for the app role. A collaborative admin may update
-- joined_on and left_on (0002's grant), so could clear a departed organisation's left_on and give
-- its people back their access (peff_ctx_collaborative() asks only left_on IS NULL), or rewrite
-- the "member until" its history shows. No page of the app changes these dates; an organisation
-- coming back is an operator's change on the owner connection. For the app role: a leaving date,
-- once set, is neither cleared nor changed, and is never set in the future (leaving takes effect
-- at once, so a future date would misstate the history; "today" is Europe/London's, as the app's
-- dates are). A policy cannot compare the row before and after; this trigger does.
CREATE OR REPLACE FUNCTION collaborative_members_guard_leaving() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog, public
  AS $$
BEGIN
  IF current_user <> 'peff_app' THEN
    RETURN NEW;
  END IF;
  IF OLD.left_on IS NOT NULL AND NEW.left_on IS DISTINCT FROM OLD.left_on THEN
    RAISE EXCEPTION 'an organisation that has left a collaborative stays left: its leaving date cannot be cleared or changed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.left_on IS NULL AND NEW.left_on > (now() AT TIME ZONE 'Europe/London')::date THEN
    RAISE EXCEPTION 'a leaving date cannot be in the future: leaving takes effect at once' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS collaborative_members_guard_leaving ON collaborative_members;
--> statement-breakpoint
CREATE TRIGGER collaborative_members_guard_leaving BEFORE UPDATE ON collaborative_members
  FOR EACH ROW EXECUTE FUNCTION collaborative_members_guard_leaving();
