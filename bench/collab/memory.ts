/**
 * Memory after the last client leaves 500 documents: heap at baseline (server started, no
 * clients), with 500 documents open and edited, and 60 s after every client has left. Ours
 * unloads idle documents; the reference keeps them forever. Target: back within 10% of baseline.
 *   npm run bench:collab-memory           (DOCS=500 WAIT=60)
 */
import { connect, edit, sleep, startServer, synced, type Client } from "./harness";

const DOCS = Number(process.env.DOCS ?? 500);
const WAIT = Number(process.env.WAIT ?? 60);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
for (const name of ["reference", "ours"] as const) {
  const server = await startServer(name, { BENCH_USERS: "1", BENCH_DOCS: String(DOCS) });
  await sleep(2000);
  const base = await server.memory();
  const clients: Client[] = [];
  for (const document of server.documents) {
    clients.push(connect(server, document, server.cookies[0]!));
    if (clients.length % 50 === 0) await Promise.all(clients.slice(-50).map(synced));
  }
  await Promise.all(clients.map(synced));
  for (let i = 0; i < 20; i++) for (const c of clients) edit(c);
  await sleep(2000);
  const open = await server.memory();
  for (const c of clients) c.provider.destroy();
  await sleep(WAIT * 1000);
  const after = await server.memory();
  const ratio = after.heapUsed / base.heapUsed;
  console.log(
    `${name.padEnd(10)} heap: baseline ${mb(base.heapUsed)}, ${DOCS} docs open ${mb(open.heapUsed)}, ${WAIT}s after the last client left ${mb(after.heapUsed)} (${((ratio - 1) * 100).toFixed(1)}% over baseline); rss ${mb(base.rss)} -> ${mb(open.rss)} -> ${mb(after.rss)}`,
  );
  await server.stop();
}
process.exit(0);
