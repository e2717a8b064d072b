-- An organisation's details are changed by its own equality lead, or by an admin of a collaborative
-- it is still a member of: once it has left, its details are no longer that collaborative's admin's
-- to change, as its people are not (0033). Its own equality lead, and the admins of collaboratives
-- it still belongs to, still can. As canEditOrganisation (app/policies/organisations.ts) says.
ALTER POLICY "organisations_update" ON "organisations" TO peff_app USING ((id = (select peff_ctx_org()) and (select peff_ctx_role()) = 'equality_lead') or ((select peff_ctx_role()) = 'collaborative_admin' and exists (select 1 from collaborative_members cm where cm.org_id = organisations.id and cm.collaborative_id = (select peff_ctx_collaborative()) and cm.left_on is null)));