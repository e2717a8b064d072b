import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { collaborativeMembers, registers } from "../db/schema";
import { UpdateJournal } from "../server/collab/journal";
import { createCollaborative, createOrganisation, createUser } from "../tests/support/factories";
const url = process.env.DATABASE_URL || undefined;
const database = await openDatabase({ databaseUrl: url, pgliteDir: url ? undefined : path.join(mkdtempSync(path.join(os.tmpdir(), "peff-mb-")), "data") });
await migrateDatabase(database, url);
const c0 = await createCollaborative(database, "mb");
const orgId = await createOrganisation(database, c0);
const collabs = [c0];
for (let i = 1; i < Number(process.env.DOCS ?? 500); i++) { const c = await createCollaborative(database, "mb" + i); await database.db.insert(collaborativeMembers).values({ collaborativeId: c, orgId }); collabs.push(c); }
for (const c of collabs) await database.db.insert(registers).values({ collaborativeId: c });
const users = [];
for (let i = 0; i < 3; i++) users.push(await createUser(database, [[orgId, "equality_lead"]], `mb ${i} ${Date.now()}`));
const journal = new UpdateJournal(database);
const payload = new Uint8Array(40).fill(7);
for (let round = 0; round < 3; round++) {
  const t: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < 2000; i++) {
    const c = collabs[Math.floor(Math.random() * collabs.length)]!;
    const u = users[i % 3]!;
    const s = performance.now();
    await journal.append([{ tenant: { userId: u.id, orgId, collaborativeId: c }, owner: { collaborativeId: c, orgId: null }, document: `register:${c}`, payload, rowKeys: [] }]);
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  console.log("append p50", t[1000]!.toFixed(3), "p90", t[1800]!.toFixed(3), "p99", t[1980]!.toFixed(3), "mean", ((performance.now() - t0) / 2000).toFixed(3));
}
await database.close();
