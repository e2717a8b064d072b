import { eq } from "drizzle-orm";
import { openDatabase } from "../../../db/client";
import { migrateDatabase } from "../../../db/migrate";
import { collaborativeCounts, DEMO_PASSWORD, seedDemo } from "../../../db/seed/demo";
import { collaborativeMembers, collaboratives, memberships, organisations, userCredentials, users } from "../../../db/schema";
import { withOwner } from "../../../db/tenant";
import { hashPassword } from "../../../app/domain/auth/crypto.server";
import { encodeRegister } from "../../../app/lib/register/model";
import { demoPlanTools } from "../../../app/domain/plans/demo-plan-tools.server";

/**
 * The browser tests' second collaborative, as a new one starts: one organisation and its admin,
 * and nothing else (the demo data hides every empty state). The app cannot create a
 * collaborative or an organisation, so this is an operator's insert, made before the server
 * starts (PGlite does not lock its directory). Run as a script with the server's environment.
 */
export const FRESH = {
  collaborative: "Fresh collaborative (browser tests)",
  organisation: "Fresh Trust (browser tests)",
  adminEmail: "fresh.admin@e2e.example",
  password: DEMO_PASSWORD,
} as const;

if (process.argv[1]?.endsWith("fresh-collaborative.ts")) {
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL || undefined, pgliteDir: process.env.PGLITE_DIR, max: 1 });
  try {
    await migrateDatabase(database, process.env.DATABASE_URL || undefined);
    // As the server would on an empty database, so the demo is there for the other browser tests.
    const counts = await collaborativeCounts(database);
    if (counts.demo + counts.real === 0) await seedDemo(database, { hashPassword, encodeRegister, plans: demoPlanTools });
    const passwordHash = await hashPassword(FRESH.password);
    await withOwner(database, async (tx) => {
      const [existing] = await tx.select({ id: collaboratives.id }).from(collaboratives).where(eq(collaboratives.name, FRESH.collaborative));
      if (existing) return;
      const [collab] = await tx.insert(collaboratives).values({ name: FRESH.collaborative }).returning({ id: collaboratives.id });
      const [org] = await tx.insert(organisations).values({ name: FRESH.organisation, type: "acute_trust" }).returning({ id: organisations.id });
      await tx.insert(collaborativeMembers).values({ collaborativeId: collab!.id, orgId: org!.id });
      const [user] = await tx.insert(users).values({ email: FRESH.adminEmail, name: "Fiona Fresh" }).returning({ id: users.id });
      await tx.insert(userCredentials).values({ userId: user!.id, passwordHash });
      await tx.insert(memberships).values({ userId: user!.id, orgId: org!.id, role: "collaborative_admin" });
    });
  } finally {
    await database.close();
  }
}
