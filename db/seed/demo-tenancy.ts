import { eq } from "drizzle-orm";
import type { Tx } from "../client";
import { collaborativeMembers, collaboratives, memberships, organisations, userCredentials, users, type OrganisationType, type Role } from "../schema";

export const DEMO_COLLABORATIVE_NAME = "Cheshire and Merseyside PEFF (demo)";
export const DEMO_PASSWORD = "demo-password-2026";

/** Demo organisations, keyed so later seed steps can refer to them. Names follow real NHS bodies; all content is invented. */
export const DEMO_ORGS = {
  icb: { name: "NHS Cheshire and Merseyside ICB (demo)", type: "icb", odsCode: "DEMO-QYG", validFrom: "2022-07-01" },
  luht: { name: "Liverpool University Hospitals NHS FT (demo)", type: "acute_trust", odsCode: "DEMO-REM" },
  alderHey: { name: "Alder Hey Children's NHS FT (demo)", type: "acute_trust", odsCode: "DEMO-RBS" },
  merseyCare: { name: "Mersey Care NHS FT (demo)", type: "mental_health_trust", odsCode: "DEMO-RW4" },
  wirral: { name: "Wirral Community Health and Care NHS FT (demo)", type: "community_trust", odsCode: "DEMO-RY7" },
  sefton: { name: "Sefton Council (demo)", type: "local_authority", odsCode: null },
  cvs: { name: "Sefton CVS (demo)", type: "vcse", odsCode: null },
  southSefton: { name: "NHS South Sefton CCG (demo)", type: "ccg", odsCode: "DEMO-01V", validTo: "2022-06-30" },
} satisfies Record<string, { name: string; type: OrganisationType; odsCode: string | null; validFrom?: string; validTo?: string }>;

export type DemoOrgKey = keyof typeof DEMO_ORGS;

export const DEMO_PEOPLE: { email: string; name: string; jobTitle: string; roles: [DemoOrgKey, Role][] }[] = [
  { email: "admin@peff.example", name: "Amira Patel", jobTitle: "Head of Equality, Diversity and Inclusion", roles: [["icb", "collaborative_admin"]] },
  { email: "regional.lead@peff.example", name: "Gareth Lloyd", jobTitle: "Regional Equality Lead", roles: [["icb", "regional_lead"]] },
  { email: "icb.lead@peff.example", name: "Joanne Whitfield", jobTitle: "Equality and Inclusion Manager", roles: [["icb", "equality_lead"]] },
  { email: "luht.lead@peff.example", name: "Kwame Mensah", jobTitle: "Equality and Diversity Lead", roles: [["luht", "equality_lead"]] },
  { email: "alderhey.lead@peff.example", name: "Siobhan Kelly", jobTitle: "Inclusion Lead", roles: [["alderHey", "equality_lead"]] },
  { email: "merseycare.lead@peff.example", name: "Priya Sharma", jobTitle: "Head of Equality", roles: [["merseyCare", "equality_lead"]] },
  { email: "wirral.lead@peff.example", name: "Tom Hughes", jobTitle: "Equality and Engagement Lead", roles: [["wirral", "equality_lead"], ["merseyCare", "contributor"]] },
  { email: "sefton.lead@peff.example", name: "Rachel Evans", jobTitle: "Public Health Equality Officer", roles: [["sefton", "equality_lead"]] },
  { email: "cvs.lead@peff.example", name: "Abdul Rahman", jobTitle: "Community Development Manager", roles: [["cvs", "equality_lead"]] },
  { email: "contributor@peff.example", name: "Lucy Chen", jobTitle: "Patient Experience Officer", roles: [["luht", "contributor"]] },
  { email: "peer.reviewer@peff.example", name: "Femi Adebayo", jobTitle: "EDI Business Partner", roles: [["merseyCare", "peer_reviewer"]] },
  { email: "viewer@peff.example", name: "Hannah Morris", jobTitle: "Governance Officer", roles: [["alderHey", "viewer"]] },
];

export interface DemoTenancy {
  collaborativeId: string;
  orgIds: Record<DemoOrgKey, string>;
  userIds: Record<string, string>;
}

/** The demo collaborative, its organisations and a person in every role. Owner connection. */
export async function seedDemoTenancy(tx: Tx, passwordHash: string): Promise<DemoTenancy> {
  const [collab] = await tx
    .insert(collaboratives)
    .values({
      name: DEMO_COLLABORATIVE_NAME,
      region: "Cheshire and Merseyside",
      description:
        "Demonstration data. A Patient Equality Focused Forum of commissioners, trusts, the council and the voluntary sector, meeting every two months to share stakeholder intelligence and agree shared barriers.",
      isDemo: true,
    })
    .returning({ id: collaboratives.id });
  const collaborativeId = collab!.id;

  const orgIds = {} as Record<DemoOrgKey, string>;
  for (const [key, org] of Object.entries(DEMO_ORGS) as [DemoOrgKey, (typeof DEMO_ORGS)[DemoOrgKey]][]) {
    const [row] = await tx
      .insert(organisations)
      .values({
        name: org.name,
        type: org.type,
        odsCode: org.odsCode,
        validFrom: "validFrom" in org ? org.validFrom : null,
        validTo: "validTo" in org ? org.validTo : null,
        contactEmail: `equality@${key.toLowerCase()}.peff.example`,
        contactPhone: "0151 000 0000",
        address: `${org.name.replace(" (demo)", "")}, Liverpool`,
      })
      .returning({ id: organisations.id });
    orgIds[key] = row!.id;
  }
  // The CCG was replaced by the ICB in July 2022; it stays, with its dates and successor.
  await tx.update(organisations).set({ successorId: orgIds.icb }).where(eq(organisations.id, orgIds.southSefton));

  for (const key of Object.keys(DEMO_ORGS) as DemoOrgKey[]) {
    await tx.insert(collaborativeMembers).values({
      collaborativeId,
      orgId: orgIds[key],
      joinedOn: key === "southSefton" ? "2018-04-01" : "2022-07-01",
      leftOn: key === "southSefton" ? "2022-06-30" : null,
    });
  }

  const userIds: Record<string, string> = {};
  for (const person of DEMO_PEOPLE) {
    const [u] = await tx.insert(users).values({ email: person.email, name: person.name, jobTitle: person.jobTitle }).returning({ id: users.id });
    userIds[person.email] = u!.id;
    await tx.insert(userCredentials).values({ userId: u!.id, passwordHash });
    for (const [org, role] of person.roles) {
      await tx.insert(memberships).values({ userId: u!.id, orgId: orgIds[org], role });
    }
  }
  return { collaborativeId, orgIds, userIds };
}
