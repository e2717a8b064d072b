/**
 * Edit propagation between two clients on one document, persistence on (ours) vs the reference
 * y-websocket server (no persistence), same client harness, servers in their own processes.
 *   npm run bench:collab-propagation      (EDITS=2000 RUNS=1 by default; DATABASE_URL for PostgreSQL)
 * Targets: p50 <= 1 ms, p99 <= 5 ms.
 */
import { connect, edit, fmt, instrument, printRuns, printTable, report, RUNS, runsOfServers, sleep, startServer, summary, synced } from "./harness";

const EDITS = Number(process.env.EDITS ?? 2000);
const results = [];
for (const [run, name] of runsOfServers()) {
  const server = await startServer(name, { BENCH_USERS: "2" });
  const [a, b] = [connect(server, server.documents[0]!, server.cookies[0]!), connect(server, server.documents[0]!, server.cookies[1] ?? "")];
  await Promise.all([synced(a), synced(b)]);
  const samples: number[] = [];
  instrument([a, b], samples);
  for (let i = 0; i < 200; i++) {
    edit(i % 2 ? a : b);
    await sleep(2);
  }
  samples.length = 0;
  for (let i = 0; i < EDITS; i++) {
    edit(i % 2 ? a : b);
    await sleep(2);
  }
  await sleep(500);
  const result = { server: name, ...summary(`${name} (2 clients, 1 doc)${RUNS > 1 ? ` #${run}` : ""}`, samples) };
  results.push(result);
  report("propagation", name, { p50: result.p50, p99: result.p99 });
  for (const c of [a, b]) c.provider.destroy();
  await server.stop();
}
printTable(results);
printRuns(results);
// Each run measures both servers back to back; the ratio compares them within a run.
for (let i = 0; i + 1 < results.length; i += 2) {
  const [ref, ours] = [results[i]!, results[i + 1]!];
  if (ref.server === "reference" && ours.server === "ours") console.log(`ratio ours/reference${RUNS > 1 ? ` #${i / 2 + 1}` : ""}: p50 ${fmt(ours.p50 / ref.p50)}x, p99 ${fmt(ours.p99 / ref.p99)}x`);
}
process.exit(0);
