-- Policies made as strict as the application's own checks, so a forgotten check in the app is
-- harmless. Migrations are immutable: the policies of earlier migrations are replaced here with
-- ALTER POLICY (same names, same commands), and rules a policy cannot express (old row against new
-- row) are triggers.
--
-- 1. Collaborative-wide roles. A role belongs to a person's membership of one organisation and
-- applies in every collaborative that organisation currently belongs to (collaborative_members,
-- left_on IS NULL). The policies of 0001 only asked that the organisation be in the granter's
-- active collaborative, so PEFF's admin could make someone (themselves) collaborative admin or
-- regional lead at a trust that is also in WEFF, and so in WEFF too; or demote or remove a WEFF
-- admin whose admin membership is at that trust. Granting, changing to or from, or removing such a
-- role (and making or withdrawing an invitation to one) now needs the actor to be collaborative
-- admin in every collaborative the organisation belongs to. The rest of the rules are unchanged.
--
-- SECURITY DEFINER because the actor's own policies hide what it must see: collaborative_members
-- shows the active collaborative's rows only, and memberships the orgs of the active
-- collaborative. It answers one question about the current user and reveals no rows. False without
-- a user, and for an organisation that belongs to no collaborative.
CREATE OR REPLACE FUNCTION peff_ctx_admin_of_every_collaborative_of(p_org uuid) RETURNS boolean
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
BEGIN
  RETURN EXISTS (SELECT 1 FROM public.collaborative_members cm WHERE cm.org_id = p_org AND cm.left_on IS NULL)
     AND NOT EXISTS (
       SELECT 1 FROM public.collaborative_members cm
        WHERE cm.org_id = p_org AND cm.left_on IS NULL
          AND NOT EXISTS (
            SELECT 1 FROM public.memberships m
              JOIN public.collaborative_members mine ON mine.org_id = m.org_id AND mine.left_on IS NULL
             WHERE m.user_id = peff_ctx_user()
               AND m.role = 'collaborative_admin'
               AND mine.collaborative_id = cm.collaborative_id));
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION peff_ctx_admin_of_every_collaborative_of(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION peff_ctx_admin_of_every_collaborative_of(uuid) TO peff_app;
--> statement-breakpoint
-- The same facts for the application's policies (app/policies/members.ts), which say in advance what
-- the database will allow: the current collaboratives of the given organisations. It answers only
-- for organisations that are current members of the caller's active collaborative (the ones the
-- members page can show), and gives collaborative ids, nothing else.
CREATE OR REPLACE FUNCTION member_org_collaboratives(p_orgs uuid[]) RETURNS TABLE (org_id uuid, collaborative_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$
  SELECT cm.org_id, cm.collaborative_id
  FROM public.collaborative_members cm
  WHERE cm.org_id = ANY (p_orgs) AND cm.left_on IS NULL
    AND EXISTS (SELECT 1 FROM public.collaborative_members here
                WHERE here.org_id = cm.org_id AND here.collaborative_id = peff_ctx_collaborative() AND here.left_on IS NULL)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION member_org_collaboratives(uuid[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION member_org_collaboratives(uuid[]) TO peff_app;
--> statement-breakpoint
-- Memberships: as in 0001 (an equality lead manages their own organisation, an admin every member
-- organisation of the active collaborative; only an admin touches the collaborative-wide roles),
-- and a collaborative-wide role also needs the admin to be admin wherever the role reaches. USING
-- judges the row as it was (changing or removing such a role), WITH CHECK as it becomes (granting
-- it); org_id cannot change (column grants), so both ask about the same organisation.
ALTER POLICY "memberships_insert" ON "memberships" TO peff_app WITH CHECK (((org_id = (select peff_ctx_org()) and (select peff_ctx_role()) = 'equality_lead') or ((select peff_ctx_role()) = 'collaborative_admin' and exists (select 1 from collaborative_members cm where cm.org_id = memberships.org_id and cm.collaborative_id = (select peff_ctx_collaborative())))) and (role not in ('collaborative_admin', 'regional_lead') or ((select peff_ctx_role()) = 'collaborative_admin' and peff_ctx_admin_of_every_collaborative_of(org_id))));
--> statement-breakpoint
ALTER POLICY "memberships_update" ON "memberships" TO peff_app USING (((org_id = (select peff_ctx_org()) and (select peff_ctx_role()) = 'equality_lead') or ((select peff_ctx_role()) = 'collaborative_admin' and exists (select 1 from collaborative_members cm where cm.org_id = memberships.org_id and cm.collaborative_id = (select peff_ctx_collaborative())))) and (role not in ('collaborative_admin', 'regional_lead') or ((select peff_ctx_role()) = 'collaborative_admin' and peff_ctx_admin_of_every_collaborative_of(org_id)))) WITH CHECK (((org_id = (select peff_ctx_org()) and (select peff_ctx_role()) = 'equality_lead') or ((select peff_ctx_role()) = 'collaborative_admin' and exists (select 1 from collaborative_members cm where cm.org_id = memberships.org_id and cm.collaborative_id = (select peff_ctx_collaborative())))) and (role not in ('collaborative_admin', 'regional_lead') or ((select peff_ctx_role()) = 'collaborative_admin' and peff_ctx_admin_of_every_collaborative_of(org_id))));
--> statement-breakpoint
ALTER POLICY "memberships_delete" ON "memberships" TO peff_app USING (((org_id = (select peff_ctx_org()) and (select peff_ctx_role()) = 'equality_lead') or ((select peff_ctx_role()) = 'collaborative_admin' and exists (select 1 from collaborative_members cm where cm.org_id = memberships.org_id and cm.collaborative_id = (select peff_ctx_collaborative())))) and (role not in ('collaborative_admin', 'regional_lead') or ((select peff_ctx_role()) = 'collaborative_admin' and peff_ctx_admin_of_every_collaborative_of(org_id))));
--> statement-breakpoint
-- Invitations: accepting one inserts the membership on the owner connection (the token is the
-- authority), so the invitation is where the grant is judged. A pending invitation to a
-- collaborative-wide role is that grant in flight: only someone who could make it may withdraw it
-- (update sets revoked_at, the only column the app role may update; without a WITH CHECK the USING
-- expression checks the new row too).
ALTER POLICY "invitations_insert" ON "invitations" TO peff_app WITH CHECK (collaborative_id = (select peff_ctx_collaborative()) and ((select peff_ctx_role()) = 'collaborative_admin' or (org_id = (select peff_ctx_org()) and (select peff_ctx_role()) = 'equality_lead' and role not in ('collaborative_admin', 'regional_lead'))) and exists (select 1 from collaborative_members cm where cm.org_id = invitations.org_id and cm.collaborative_id = (select peff_ctx_collaborative())) and (role not in ('collaborative_admin', 'regional_lead') or peff_ctx_admin_of_every_collaborative_of(org_id)));
--> statement-breakpoint
ALTER POLICY "invitations_update" ON "invitations" TO peff_app USING (collaborative_id = (select peff_ctx_collaborative()) and ((select peff_ctx_role()) = 'collaborative_admin' or (org_id = (select peff_ctx_org()) and (select peff_ctx_role()) = 'equality_lead')) and (role not in ('collaborative_admin', 'regional_lead') or peff_ctx_admin_of_every_collaborative_of(org_id)));
--> statement-breakpoint
ALTER POLICY "invitations_delete" ON "invitations" TO peff_app USING (collaborative_id = (select peff_ctx_collaborative()) and ((select peff_ctx_role()) = 'collaborative_admin' or (org_id = (select peff_ctx_org()) and (select peff_ctx_role()) = 'equality_lead')) and (role not in ('collaborative_admin', 'regional_lead') or peff_ctx_admin_of_every_collaborative_of(org_id)));
--> statement-breakpoint
-- 2. Published assessments are frozen (app/policies/grading.ts canEditAssessment; README "the
-- database refuses any later change"). Their grades and services already were (0008 checks the
-- parent's phase), but the assessment itself was not: its equality lead could set a published
-- assessment back to 'grading' and then change the grades. No operation of the app updates a
-- published assessment (publishing is the last update: change-phase refuses a published one, and a
-- new year is a new row), so USING now refuses the published row; WITH CHECK is unchanged, so
-- publishing itself still works.
ALTER POLICY "assessments_update" ON "assessments" TO peff_app USING ((assessments.org_id = (select peff_ctx_org()) and assessments.collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) = 'equality_lead') and assessments.phase <> 'published');
--> statement-breakpoint
-- 3. An evidence item's parts (files, findings, recommendations, tags, history) are read through
-- the item, but their inserts only checked the row's own org_id and role: a writer of organisation
-- A could attach a finding, file, tag or history entry to organisation B's item (its item_id) while
-- claiming A, and B's readers would see it as part of their item. The parent item must now be one
-- of the row's organisation in the row's collaborative (and a finding's tag must be on a finding
-- of that item). item_id and org_id are not updatable by the app role (column grants), but the
-- update checks say the same, so a later grant cannot open the hole again.
ALTER POLICY "evidence_attachments_insert" ON "evidence_attachments" TO peff_app WITH CHECK ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')) and exists (select 1 from evidence_items i where i.id = evidence_attachments.item_id and i.org_id = evidence_attachments.org_id and i.collaborative_id = evidence_attachments.collaborative_id));
--> statement-breakpoint
ALTER POLICY "evidence_attachments_update" ON "evidence_attachments" TO peff_app WITH CHECK ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')) and exists (select 1 from evidence_items i where i.id = evidence_attachments.item_id and i.org_id = evidence_attachments.org_id and i.collaborative_id = evidence_attachments.collaborative_id));
--> statement-breakpoint
ALTER POLICY "evidence_findings_insert" ON "evidence_findings" TO peff_app WITH CHECK ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')) and exists (select 1 from evidence_items i where i.id = evidence_findings.item_id and i.org_id = evidence_findings.org_id and i.collaborative_id = evidence_findings.collaborative_id));
--> statement-breakpoint
ALTER POLICY "evidence_findings_update" ON "evidence_findings" TO peff_app WITH CHECK ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')) and exists (select 1 from evidence_items i where i.id = evidence_findings.item_id and i.org_id = evidence_findings.org_id and i.collaborative_id = evidence_findings.collaborative_id));
--> statement-breakpoint
ALTER POLICY "evidence_recommendations_insert" ON "evidence_recommendations" TO peff_app WITH CHECK ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')) and exists (select 1 from evidence_items i where i.id = evidence_recommendations.item_id and i.org_id = evidence_recommendations.org_id and i.collaborative_id = evidence_recommendations.collaborative_id));
--> statement-breakpoint
ALTER POLICY "evidence_recommendations_update" ON "evidence_recommendations" TO peff_app WITH CHECK ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')) and exists (select 1 from evidence_items i where i.id = evidence_recommendations.item_id and i.org_id = evidence_recommendations.org_id and i.collaborative_id = evidence_recommendations.collaborative_id));
--> statement-breakpoint
ALTER POLICY "evidence_tags_insert" ON "evidence_tags" TO peff_app WITH CHECK ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')) and exists (select 1 from evidence_items i where i.id = evidence_tags.item_id and i.org_id = evidence_tags.org_id and i.collaborative_id = evidence_tags.collaborative_id) and (finding_id is null or exists (select 1 from evidence_findings f where f.id = evidence_tags.finding_id and f.item_id = evidence_tags.item_id)));
--> statement-breakpoint
ALTER POLICY "evidence_tags_update" ON "evidence_tags" TO peff_app WITH CHECK ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')) and exists (select 1 from evidence_items i where i.id = evidence_tags.item_id and i.org_id = evidence_tags.org_id and i.collaborative_id = evidence_tags.collaborative_id) and (finding_id is null or exists (select 1 from evidence_findings f where f.id = evidence_tags.finding_id and f.item_id = evidence_tags.item_id)));
--> statement-breakpoint
ALTER POLICY "evidence_events_insert" ON "evidence_events" TO peff_app WITH CHECK ((org_id = (select peff_ctx_org()) and collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('equality_lead', 'contributor')) and actor_id = (select peff_ctx_user()) and exists (select 1 from evidence_items i where i.id = evidence_events.item_id and i.org_id = evidence_events.org_id and i.collaborative_id = evidence_events.collaborative_id));
--> statement-breakpoint
-- 4. Sharing evidence (app/policies/evidence.ts): only the owner organisation's equality lead
-- shares and unshares (canShareItem), and a shared item cannot be edited until it is unshared
-- (canEditItem: editing it would skip the scan for personal data that sharing runs). The update
-- policy could only say "a shared row needs the equality lead" of the new row, so a contributor
-- could unshare an item (the new row is private) and a lead could edit a shared one. A policy
-- cannot compare the row before and after; this trigger does. Only the app role is judged: the
-- owner's own writes (evidence_reindex_items keeping derived columns, seeding) pass. The columns
-- compared are those the app role may update (0005's grant), sharing aside.
CREATE OR REPLACE FUNCTION evidence_items_guard_sharing() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog, public
  AS $$
BEGIN
  IF current_user <> 'peff_app' THEN
    RETURN NEW;
  END IF;
  IF (NEW.shared_at, NEW.shared_by) IS DISTINCT FROM (OLD.shared_at, OLD.shared_by)
     AND peff_ctx_role() IS DISTINCT FROM 'equality_lead' THEN
    RAISE EXCEPTION 'only the equality lead shares or unshares an evidence item' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.shared_at IS NOT NULL AND NEW.shared_at IS NOT NULL
     AND (NEW.source_id, NEW.type, NEW.title, NEW.period_start, NEW.period_end, NEW.published_on, NEW.link, NEW.summary,
          NEW.services, NEW.concerned_org_ids, NEW.updated_at)
         IS DISTINCT FROM
         (OLD.source_id, OLD.type, OLD.title, OLD.period_start, OLD.period_end, OLD.published_on, OLD.link, OLD.summary,
          OLD.services, OLD.concerned_org_ids, OLD.updated_at) THEN
    RAISE EXCEPTION 'a shared evidence item cannot be edited: unshare it first' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS evidence_items_guard_sharing ON evidence_items;
--> statement-breakpoint
CREATE TRIGGER evidence_items_guard_sharing BEFORE UPDATE ON evidence_items
  FOR EACH ROW EXECUTE FUNCTION evidence_items_guard_sharing();
--> statement-breakpoint
-- 5. The shared register's title and status legend belong to the forum: its collaborative admins
-- and regional leads change them (app/policies/register.ts canChangeRegisterLegend). Everyone else
-- edits the register's rows, which live in the Yjs document and register_rows, not in this row;
-- opening the register creates the row with INSERT ... ON CONFLICT DO NOTHING, which needs no
-- update policy.
ALTER POLICY "registers_update" ON "registers" TO peff_app USING (collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('collaborative_admin', 'regional_lead')) WITH CHECK (collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) in ('collaborative_admin', 'regional_lead'));
