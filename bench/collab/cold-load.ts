/**
 * Cold load of a 2,000-row register: from a client's connect to its first full sync, with the
 * document stored (snapshot) and not in memory. Target: <= 150 ms. Runs RUNS times; the
 * document is unloaded between runs (BENCH_UNLOAD_MS).
 *   npm run bench:collab-cold-load        (ROWS=2000 RUNS=5)
 */
import { performance } from "node:perf_hooks";
import { connect, fmt, report, sleep, startServer, synced } from "./harness";
import { readRows } from "../../app/lib/register/model";

const ROWS = Number(process.env.ROWS ?? 2000);
const RUNS = Number(process.env.RUNS ?? 5);
const server = await startServer("ours", { BENCH_USERS: "1", BENCH_COLD_ROWS: String(ROWS), BENCH_UNLOAD_MS: "200" });
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  const client = connect(server, server.documents[0]!, server.cookies[0]!);
  await synced(client);
  times.push(performance.now() - t0);
  const rows = readRows(client.doc).length;
  if (rows !== ROWS) throw new Error(`expected ${ROWS} rows, got ${rows}`);
  client.provider.destroy();
  await sleep(1500); // unloaded after 200 ms without connections
}
const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
console.log(`cold load of a ${ROWS}-row register (connect + auth + load + first sync): ${times.map(fmt).join(", ")} ms; best ${fmt(Math.min(...times))} ms, median ${fmt(median)} ms`);
report("cold-load", "ours", { median, best: Math.min(...times), first: times[0]! });
await server.stop();
process.exit(0);
