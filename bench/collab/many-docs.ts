/**
 * 500 documents x 3 clients, 500 edits per second in total, for DURATION (default 20), ours
 * (persisting) vs the reference. Target: p99 <= 10 ms. The first WARMUP seconds (default 3) of
 * editing are not counted (as propagation's first 200 edits are not): they measure compiling
 * and first allocations of both servers and of the clients, not the steady state.
 *   npm run bench:collab-many-docs        (DOCS=500 RATE=500 DURATION=20 WARMUP=3 RUNS=1)
 */
import { type Client, connect, edit, instrument, printRuns, printTable, report, RUNS, runsOfServers, sleep, startServer, summary, synced } from "./harness";

const DOCS = Number(process.env.DOCS ?? 500);
const RATE = Number(process.env.RATE ?? 500);
const DURATION = Number(process.env.DURATION ?? 20);
const WARMUP = Number(process.env.WARMUP ?? 3);
const results = [];
for (const [run, name] of runsOfServers()) {
  const server = await startServer(name, { BENCH_USERS: "3", BENCH_DOCS: String(DOCS) });
  const rooms: Client[][] = [];
  for (const [d, document] of server.documents.entries()) {
    const clients = [0, 1, 2].map((i) => connect(server, document, server.cookies[i] ?? ""));
    rooms.push(clients);
    if (d % 50 === 49) await Promise.all(rooms.slice(-50).flat().map(synced));
  }
  await Promise.all(rooms.flat().map(synced));
  const samples: number[] = [];
  for (const clients of rooms) instrument(clients, samples);
  await editAtRate(rooms, WARMUP);
  await sleep(500);
  samples.length = 0;
  await editAtRate(rooms, DURATION);
  await sleep(1000);
  const result = { server: name, ...summary(`${name} (${DOCS} docs x 3, ${RATE}/s)${RUNS > 1 ? ` #${run}` : ""}`, samples) };
  results.push(result);
  report("many-docs", name, { p50: result.p50, p99: result.p99 });
  for (const c of rooms.flat()) c.provider.destroy();
  await server.stop();
}
printTable(results);
printRuns(results);
process.exit(0);

/** Edits a random client of a random document, RATE times a second in total, for `seconds`. */
async function editAtRate(rooms: Client[][], seconds: number) {
  const interval = 1000 / RATE;
  const start = performance.now();
  let sent = 0;
  while (performance.now() - start < seconds * 1000) {
    const due = Math.floor((performance.now() - start) / interval);
    for (; sent < due; sent++) {
      const room = rooms[Math.floor(Math.random() * rooms.length)]!;
      edit(room[Math.floor(Math.random() * 3)]!);
    }
    await sleep(1);
  }
}
