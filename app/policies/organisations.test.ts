import { describe, expect, it } from "vitest";
import type { Role } from "#db/schema";
import { canAddOrganisation, canEditOrganisation, sameOrganisationName, whoEditsOrganisation } from "./organisations";

const actor = (role: Role) => ({ userId: "u", orgId: "o", collaborativeId: "c", role });

describe("adding an organisation", () => {
  it("is for collaborative admins only", () => {
    expect(canAddOrganisation(actor("collaborative_admin"))).toBe(true);
    expect(canAddOrganisation(actor("regional_lead"))).toBe(false);
    expect(canAddOrganisation(actor("equality_lead"))).toBe(false);
  });

  it("takes names that differ only in case or spacing as the same", () => {
    expect(sameOrganisationName("Mersey  Care NHS FT", " mersey care nhs ft")).toBe(true);
    expect(sameOrganisationName("Mersey Care", "Merseycare")).toBe(false);
  });
});

describe("changing an organisation's details", () => {
  const current = { orgId: "o", leftOn: null };
  const other = { orgId: "elsewhere", leftOn: null };
  const left = { orgId: "elsewhere", leftOn: "2024-03-31" };

  it("is for its own equality lead, not another organisation's", () => {
    expect(canEditOrganisation(actor("equality_lead"), current)).toBe(true);
    expect(canEditOrganisation(actor("equality_lead"), other)).toBe(false);
  });

  it("is for a collaborative admin while the organisation is a current member, not once it has left", () => {
    expect(canEditOrganisation(actor("collaborative_admin"), current)).toBe(true);
    expect(canEditOrganisation(actor("collaborative_admin"), other)).toBe(true);
    expect(canEditOrganisation(actor("collaborative_admin"), left)).toBe(false);
  });

  it("is not for anyone else, even in the organisation itself", () => {
    for (const role of ["regional_lead", "contributor", "peer_reviewer", "viewer"] as const) {
      expect(canEditOrganisation(actor(role), current)).toBe(false);
    }
  });

  it("tells the others who can", () => {
    expect(whoEditsOrganisation("Mersey Care", current)).toBe("Only Mersey Care's equality lead or a collaborative admin can change its details");
    expect(whoEditsOrganisation("Mersey Care", left)).toMatch(/^Mersey Care has left this collaborative: its details are now changed by its own equality lead/);
  });
});
