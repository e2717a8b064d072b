/**
 * One hot document: 50 editors making 10 edits per second between them (a busy forum meeting),
 * each also moving around (a presence update every 2 s), ours vs the reference. Target: p99 <= 50 ms.
 * Every edit reaches 49 other clients, all in this one client process.
 *   npm run bench:collab-hot-doc          (EDITORS=50 RATE=10 DURATION=20; RATE is edits/s in total)
 */
import { connect, edit, instrument, printTable, report, servers, sleep, startServer, summary, synced } from "./harness";

const EDITORS = Number(process.env.EDITORS ?? 50);
const RATE = Number(process.env.RATE ?? 10);
const DURATION = Number(process.env.DURATION ?? 20);
const results = [];
for (const name of servers()) {
  const server = await startServer(name, { BENCH_USERS: String(EDITORS) });
  const clients = Array.from({ length: EDITORS }, (_, i) => connect(server, server.documents[0]!, server.cookies[i] ?? ""));
  await Promise.all(clients.map(synced));
  const samples: number[] = [];
  instrument(clients, samples);
  let turn = 0;
  const timers = [
    setInterval(() => edit(clients[turn++ % clients.length]!), 1000 / RATE),
    ...clients.map((c, i) => setInterval(() => c.provider.awareness.setLocalStateField("focus", { row: `row-${i}`, column: "barrier", at: Date.now() }), 2000)),
  ];
  await sleep(DURATION * 1000);
  timers.forEach(clearInterval);
  await sleep(1000);
  const result = summary(`${name} (1 doc, ${EDITORS} editors)`, samples);
  results.push(result);
  report("hot-doc", name, { p50: result.p50, p99: result.p99 });
  for (const c of clients) c.provider.destroy();
  await server.stop();
}
printTable(results);
process.exit(0);
