import { describe, expect, it } from "vitest";
import { canAddOrganisation, sameOrganisationName } from "./organisations";

const actor = (role: "collaborative_admin" | "regional_lead" | "equality_lead") => ({ userId: "u", orgId: "o", collaborativeId: "c", role });

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
