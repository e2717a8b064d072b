import { count, eq } from "drizzle-orm";
import type { Database } from "../client";
import { collaboratives } from "../schema";
import { withOwner } from "../tenant";
import { seedDemoEvidence } from "./demo-evidence";
import { seedDemoRegister, type DemoRegisterRow } from "./demo-register";
import { seedDemoGrading } from "./demo-grading";
import { seedDemoPlans, type DemoPlanTools } from "./demo-plans";
import { DEMO_COLLABORATIVE_NAME, DEMO_ORGS, DEMO_PASSWORD, DEMO_PEOPLE, seedDemoTenancy, type DemoTenancy } from "./demo-tenancy";

export { DEMO_COLLABORATIVE_NAME, DEMO_PASSWORD, DEMO_PEOPLE };

export interface SeedOptions {
  /** Hashes the demo password (passed in so db/ does not depend on the app's auth module). */
  hashPassword: (password: string) => Promise<string>;
  /** Builds the shared register's Yjs state (app/lib/register/model's encodeRegister); without it no register is seeded. */
  encodeRegister?: (rows: (DemoRegisterRow & { key: string })[]) => Uint8Array;
  /** Builds and projects plan documents (app/domain/plans/demo-plan-tools.server); without it no plans are seeded. */
  plans?: DemoPlanTools;
}

/** Each feature adds its demo content here, in order, on the same owner transaction. */
export async function seedDemo(database: Database, options: SeedOptions): Promise<DemoTenancy> {
  const passwordHash = await options.hashPassword(DEMO_PASSWORD);
  return withOwner(database, async (tx) => {
    const tenancy = await seedDemoTenancy(tx, passwordHash);
    await seedDemoEvidence(tx, tenancy);
    if (options.encodeRegister) await seedDemoRegister(tx, tenancy.collaborativeId, options.encodeRegister);
    await seedDemoGrading(tx, tenancy);
    if (options.plans) await seedDemoPlans(tx, tenancy, options.plans);
    return tenancy;
  });
}

export async function collaborativeCounts(database: Database): Promise<{ demo: number; real: number }> {
  const rows = await database.db.select({ isDemo: collaboratives.isDemo, n: count() }).from(collaboratives).groupBy(collaboratives.isDemo);
  const of = (demo: boolean) => Number(rows.find((r) => r.isDemo === demo)?.n ?? 0);
  return { demo: of(true), real: of(false) };
}

export async function isDemoSeeded(database: Database): Promise<boolean> {
  const [row] = await database.db.select({ id: collaboratives.id }).from(collaboratives).where(eq(collaboratives.isDemo, true)).limit(1);
  return Boolean(row);
}

export function describeDemoSignIns(url: string): string {
  const width = Math.max(...DEMO_PEOPLE.map((p) => p.email.length));
  const lines = DEMO_PEOPLE.map((p) => `  ${p.email.padEnd(width)}  ${p.roles.map(([org, role]) => `${role.replace(/_/g, " ")}, ${DEMO_ORGS[org].name.replace(" (demo)", "")}`).join("; ")}`);
  return [
    `Demo data: "${DEMO_COLLABORATIVE_NAME}"`,
    `Sign in at ${url}/sign-in with any of these (password: ${DEMO_PASSWORD}):`,
    ...lines,
  ].join("\n");
}
