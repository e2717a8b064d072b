/**
 * Memory after the last client leaves 500 documents: heap at baseline (server started and warmed
 * up, no clients), with 500 documents open and edited, and 60 s after every client has left. Ours
 * unloads idle documents; the reference keeps them forever. Target: back within 10% of baseline.
 *
 * The baseline is taken after a warm-up round (WARMUP documents opened, edited and left, then
 * WAIT seconds), because the first use of each code path compiles it once and V8 counts that
 * code in the heap; that is not memory held for documents. The heap of the cold server is
 * printed too, so both comparisons are on the page.
 *   npm run bench:collab-memory           (DOCS=500 WAIT=60 WARMUP=20)
 */
import { type BenchServer, type Client, connect, edit, report, servers, sleep, startServer, synced } from "./harness";

const DOCS = Number(process.env.DOCS ?? 500);
const WAIT = Number(process.env.WAIT ?? 60);
const WARMUP = Number(process.env.WARMUP ?? 20);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
for (const name of servers()) {
  const server = await startServer(name, { BENCH_USERS: "1", BENCH_DOCS: String(DOCS + WARMUP) });
  await sleep(2000);
  const cold = await server.memory();
  // Warm-up: a few documents of their own (the last ones), so the measured 500 are all new.
  for (const c of await round(server, server.documents.slice(DOCS))) c.provider.destroy();
  await sleep(WAIT * 1000);
  const base = await server.memory();
  const clients = await round(server, server.documents.slice(0, DOCS));
  const open = await server.memory();
  for (const c of clients) c.provider.destroy();
  await sleep(WAIT * 1000);
  const after = await server.memory();
  const ratio = after.heapUsed / base.heapUsed;
  console.log(
    `${name.padEnd(10)} heap: cold ${mb(cold.heapUsed)}, baseline after warm-up ${mb(base.heapUsed)}, ${DOCS} docs open ${mb(open.heapUsed)}, ` +
      `${WAIT}s after the last client left ${mb(after.heapUsed)} (${((ratio - 1) * 100).toFixed(1)}% over baseline, ${((after.heapUsed / cold.heapUsed - 1) * 100).toFixed(1)}% over cold); ` +
      `rss ${mb(base.rss)} -> ${mb(open.rss)} -> ${mb(after.rss)}`,
  );
  report("memory", name, { baseline: base.heapUsed, open: open.heapUsed, after: after.heapUsed, overBaseline: ratio - 1 });
  await server.stop();
}
process.exit(0);

/** Opens a client on each document, makes 20 edits in each, waits 2 s; returns the clients (still open). */
async function round(server: BenchServer, documents: string[]): Promise<Client[]> {
  const clients: Client[] = [];
  for (const document of documents) {
    clients.push(connect(server, document, server.cookies[0]!));
    if (clients.length % 50 === 0) await Promise.all(clients.slice(-50).map(synced));
  }
  await Promise.all(clients.map(synced));
  for (let i = 0; i < 20; i++) for (const c of clients) edit(c);
  await sleep(2000);
  return clients;
}
