/**
 * One hot document: 50 editors each typing 10 edits per second, with presence (awareness) updates
 * twice a second each, ours vs the reference. Target: p99 <= 50 ms.
 *   npm run bench:collab-hot-doc          (EDITORS=50 RATE=10 SECONDS=20)
 */
import { connect, edit, instrument, printTable, sleep, startServer, summary, synced } from "./harness";

const EDITORS = Number(process.env.EDITORS ?? 50);
const RATE = Number(process.env.RATE ?? 10);
const SECONDS = Number(process.env.SECONDS ?? 20);
const results = [];
for (const name of ["reference", "ours"] as const) {
  const server = await startServer(name, { BENCH_USERS: String(EDITORS) });
  const clients = Array.from({ length: EDITORS }, (_, i) => connect(server, server.documents[0]!, server.cookies[i] ?? ""));
  await Promise.all(clients.map(synced));
  const samples: number[] = [];
  instrument(clients, samples);
  const timers = clients.flatMap((c, i) => [
    setInterval(() => edit(c), 1000 / RATE),
    setInterval(() => c.provider.awareness.setLocalStateField("focus", { row: `row-${i}`, column: "barrier", at: Date.now() }), 500),
  ]);
  await sleep(SECONDS * 1000);
  timers.forEach(clearInterval);
  await sleep(1000);
  results.push(summary(`${name} (1 doc, ${EDITORS} editors)`, samples));
  for (const c of clients) c.provider.destroy();
  await server.stop();
}
printTable(results);
process.exit(0);
