import type { Database } from "../../db/client";
import { collaborativeMembers } from "../../db/schema";
import { createCollaborative, createOrganisation, createUser, unique } from "./factories";

/**
 * The world the member policies are judged in: Trust Y belongs to PEFF and WEFF, so a
 * collaborative-wide role there is one in both (migration 0018, app/policies/members.ts).
 * - peffAdmin: admin of PEFF only (membership at PEFF's ICB);
 * - bothAdmin: admin of PEFF and WEFF through two memberships: may manage Trust Y's wide roles;
 * - weffAdminAtY: an admin whose membership is at Trust Y (so admin in both, by that membership);
 * - viewerY: a viewer at Trust Y.
 */
export async function trustInTwoCollaboratives(database: Database) {
  const peff = await createCollaborative(database, unique("PEFF"));
  const weff = await createCollaborative(database, unique("WEFF"));
  const icb = await createOrganisation(database, peff, { type: "icb" });
  const weffIcb = await createOrganisation(database, weff, { type: "icb" });
  const trustY = await createOrganisation(database, peff, { type: "acute_trust" });
  await database.db.insert(collaborativeMembers).values({ collaborativeId: weff, orgId: trustY });
  const people = {
    peffAdmin: await createUser(database, [[icb, "collaborative_admin"]]),
    bothAdmin: await createUser(database, [
      [icb, "collaborative_admin"],
      [weffIcb, "collaborative_admin"],
    ]),
    weffAdminAtY: await createUser(database, [[trustY, "collaborative_admin"]]),
    viewerY: await createUser(database, [[trustY, "viewer"]]),
  };
  return { collaboratives: { peff, weff }, orgs: { icb, weffIcb, trustY }, people };
}
