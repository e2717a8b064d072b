/**
 * Our collaboration server for the benchmarks, in its own process, persisting to a fresh database
 * (PGlite in a temporary directory, or DATABASE_URL). It creates real users and real sessions for
 * the benchmark's clients (no bypass in the server) and prints one JSON line:
 * {"port", "cookies": [...], "collaborativeId", "documents": [...], "tempDir"}. GET /memory
 * reports the heap after a full GC (run with --expose-gc). BENCH_HEAPPROF=<file> writes a sampling
 * profile of everything allocated, collected objects included (run with BENCH_NODE_ARGS set, so
 * that the server is stopped with SIGTERM); compare two runs (edits on, RATE=1) to see what an edit
 * costs. BENCH_HEAPPROF_AFTER_MS starts the sampling that long after start, past the setup.
 */
import http from "node:http";
import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { collabSnapshots, collaborativeMembers, registers } from "../../db/schema";
import { startSession } from "../../app/domain/auth/sign-in.server";
import { encodeRegister } from "../../app/lib/register/model";
import { attachCollabServer } from "../../server/collab";
import { createCollaborative, createOrganisation, createUser } from "../../tests/support/factories";
import { cookieHeader, testConfig } from "../../tests/support/config";

const users = Number(process.env.BENCH_USERS ?? 50);
const coldRows = Number(process.env.BENCH_COLD_ROWS ?? 0);
const url = process.env.DATABASE_URL || undefined;
// The harness removes this directory once the server has stopped.
const tempDir = url ? undefined : mkdtempSync(path.join(os.tmpdir(), "peff-bench-"));
const database = await openDatabase({ databaseUrl: url, pgliteDir: tempDir && path.join(tempDir, "data"), max: 8 });
await migrateDatabase(database, url);

const config = testConfig({ origins: ["http://localhost:3000"] });
const collaborativeId = await createCollaborative(database, "Benchmark collaborative");
const orgId = await createOrganisation(database, collaborativeId);
await database.db.insert(registers).values({ collaborativeId });
// More documents: more collaboratives with this organisation as a member, each with its register.
const documents = [`register:${collaborativeId}`];
for (let i = 1; i < Number(process.env.BENCH_DOCS ?? 1); i++) {
  const extra = await createCollaborative(database, `Benchmark collaborative ${i}`);
  await database.db.insert(collaborativeMembers).values({ collaborativeId: extra, orgId });
  await database.db.insert(registers).values({ collaborativeId: extra });
  documents.push(`register:${extra}`);
}
const cookies: string[] = [];
for (let i = 0; i < users; i++) {
  const user = await createUser(database, [[orgId, "equality_lead"]], `Bench user ${i} ${Date.now()}`);
  cookies.push(cookieHeader(await startSession(database, config, user.id)));
}
if (coldRows > 0) {
  // A register of `coldRows` filled rows, stored as a snapshot: loading it is the cold start.
  const rows = Array.from({ length: coldRows }, (_, i) => ({
    key: `row-${i}`,
    barrier: `Barrier ${i}: poor access to services and poor outcomes for people who need interpreters`,
    issue: "Ensure service change considers PSED and health inequalities and the appropriate level of engagement.",
    characteristics: ["race", "disability"],
    edsOutcomes: ["EDS2:1.1", "EDS2:2.3"],
    status: "blue",
    updates: [{ at: "2021-09-01T00:00:00.000Z", authorId: null, authorName: "Bench", text: "Update September 2021: work continues with providers." }],
  }));
  await database.db.insert(collabSnapshots).values({ document: `register:${collaborativeId}`, collaborativeId, state: encodeRegister(rows) });
}

const httpServer = http.createServer((req, res) => {
  if (req.url === "/memory") {
    (globalThis as { gc?: () => void }).gc?.();
    res.end(JSON.stringify(process.memoryUsage()));
    return;
  }
  res.end("ok");
});
const collab = await attachCollabServer({
  database,
  config,
  httpServer,
  options: { connectsPerMinute: 1_000_000, unloadDelayMs: Number(process.env.BENCH_UNLOAD_MS ?? 5_000), revalidateMs: Number(process.env.BENCH_REVALIDATE_MS ?? 2_000) },
});
httpServer.listen(0, "127.0.0.1", () => {
  const port = (httpServer.address() as AddressInfo).port;
  console.log(JSON.stringify({ port, cookies, collaborativeId, documents, tempDir }));
});
// Stopped with SIGTERM, as a deployment stops a process. Closing removes this process's listener
// registration first: killed, its registration would stay for a minute and the next benchmark's
// server would announce every update as if a second process listened. The flush that follows is
// not waited for long (the figures are taken); exiting also lets --cpu-prof write its profile.
const stop = () => {
  const timeout = new Promise((resolve) => setTimeout(resolve, 2_000));
  void Promise.race([collab.close(), timeout]).finally(() => process.exit(0));
};
let beforeStop: (() => Promise<void>) | null = null;
process.on("SIGTERM", () => void (beforeStop?.() ?? Promise.resolve()).then(stop));
if (process.env.BENCH_HEAPPROF) {
  // Every 4 kB allocated is sampled; collected objects stay in the profile (allocation, not retention).
  const inspector = await import("node:inspector/promises");
  const { writeFileSync } = await import("node:fs");
  const session = new inspector.Session();
  session.connect();
  const sample = () =>
    session.post("HeapProfiler.startSampling", { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never);
  if (process.env.BENCH_HEAPPROF_AFTER_MS) setTimeout(() => void sample(), Number(process.env.BENCH_HEAPPROF_AFTER_MS));
  else await sample();
  // The profile is written before closing, so the flush's allocations stay out of it.
  beforeStop = async () => {
    const { profile } = (await session.post("HeapProfiler.stopSampling")) as { profile: unknown };
    writeFileSync(process.env.BENCH_HEAPPROF!, JSON.stringify(profile));
  };
}
