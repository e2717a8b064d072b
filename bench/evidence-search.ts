/**
 * Evidence search and coverage at scale: 100,000 items over 50 organisations, with findings and
 * tags, measured as a signed-in user through the real tenant path (withTenant, RLS on), and the
 * same queries on the owner connection (RLS off) for the ratio. The total each search reports
 * is printed too ("1001" means "more than 1,000").
 *
 *   npm run bench:evidence                      PGlite, then PostgreSQL when PG_ADMIN_URL works
 *   BENCH_ITEMS=20000 npm run bench:evidence    a smaller run
 *   BENCH_ONLY=pglite|postgres                  one engine
 *   BENCH_PGLITE_DUMP=/tmp/evidence.tar         PGlite: generate once, save the database there, and
 *                                               load it on later runs (iterating on a query)
 */
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { eq, sql, type SQL } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase, rowsOf, type Database, type Tx } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { characteristics, collaborativeMembers, collaboratives, frameworkOutcomes, frameworks, memberships, organisations, psedAims, users } from "../db/schema";
import { withOwner, withTenant, type TenantContext } from "../db/tenant";
import { filtersFrom } from "../app/domain/evidence/filters";
import { organisationCells, outcomeCells } from "../app/domain/evidence/get-coverage.server";
import { searchIn } from "../app/domain/evidence/search-items.server";

const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const ORGS = 50;
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const PG_ADMIN_URL = process.env.PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

// A vocabulary with a long tail, so some words are common and most are rare (as in real reports).
const COMMON = "patients access interpreter appointment waiting staff community service care information support mental health carers language".split(" ");
const RARE = Array.from({ length: 3000 }, (_, i) => `term${i.toString(36)}`);
// mulberry32: a small generator with a full 32-bit period. (The LCG used before multiplied past
// 2^53 in floating point and fell into short cycles, so some tag combinations never occurred and
// "outcome + characteristic, shared" matched nothing.)
let seed = 42;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
const words = (n: number) => Array.from({ length: n }, () => (rand() < 0.3 ? pick(COMMON) : pick(RARE))).join(" ");
const some = <T>(xs: T[], max: number) => [...new Set(Array.from({ length: 1 + Math.floor(rand() * max) }, () => pick(xs)))];

interface World {
  collaborativeId: string;
  orgIds: string[];
  lead: TenantContext;
  regional: TenantContext;
  ref: { outcomes: string[]; eds2022: string; chars: string[]; race: string; aims: string[]; outcome1A: string; parents: Map<string, string | null> };
}

async function generate(database: Database): Promise<World> {
  // Each engine gets the same data (the second used to continue the first one's sequence).
  seed = 42;
  const t0 = performance.now();
  const world = await withOwner(database, async (tx) => {
    const [c] = await tx.insert(collaboratives).values({ name: "Bench collaborative" }).returning({ id: collaboratives.id });
    const orgIds: string[] = [];
    for (let i = 0; i < ORGS; i++) {
      const [o] = await tx.insert(organisations).values({ name: `Bench org ${i}`, type: "acute_trust" }).returning({ id: organisations.id });
      await tx.insert(collaborativeMembers).values({ collaborativeId: c!.id, orgId: o!.id });
      orgIds.push(o!.id);
    }
    const [u1] = await tx.insert(users).values({ email: `bench-lead-${Date.now()}@bench.example`, name: "Bench lead" }).returning({ id: users.id });
    const [u2] = await tx.insert(users).values({ email: `bench-regional-${Date.now()}@bench.example`, name: "Bench regional" }).returning({ id: users.id });
    await tx.insert(memberships).values({ userId: u1!.id, orgId: orgIds[0]!, role: "equality_lead" });
    await tx.insert(memberships).values({ userId: u2!.id, orgId: orgIds[0]!, role: "regional_lead" });
    const outcomes = await tx.select({ id: frameworkOutcomes.id, code: frameworkOutcomes.code }).from(frameworkOutcomes);
    const [eds2022] = await tx.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.code, "EDS2022"));
    const chars = await tx.select({ id: characteristics.id, code: characteristics.code, parentId: characteristics.parentId }).from(characteristics);
    const aims = await tx.select({ id: psedAims.id }).from(psedAims);
    return {
      collaborativeId: c!.id,
      orgIds,
      lead: { userId: u1!.id, orgId: orgIds[0]!, collaborativeId: c!.id },
      regional: { userId: u2!.id, orgId: orgIds[0]!, collaborativeId: c!.id },
      ref: {
        outcomes: outcomes.map((o) => o.id),
        eds2022: eds2022!.id,
        chars: chars.map((x) => x.id),
        race: chars.find((x) => x.code === "race")!.id,
        aims: aims.map((a) => a.id),
        outcome1A: outcomes.find((o) => o.code === "1A")!.id,
        parents: new Map(chars.map((x) => [x.id, x.parentId])),
      },
    };
  });
  const parents = world.ref.parents;
  const BATCH = 500;
  for (let start = 0; start < ITEMS; start += BATCH) {
    await withOwner(database, async (tx) => {
      // Bulk load: the per-row reindex triggers are skipped and the derived columns are written
      // directly (the same values evidence_reindex_items computes; checked below).
      await tx.execute(sql`set local session_replication_role = replica`);
      const items: SQL[] = [];
      const findings: SQL[] = [];
      const tags: SQL[] = [];
      for (let i = start; i < Math.min(start + BATCH, ITEMS); i++) {
        const id = crypto.randomUUID();
        const orgId = world.orgIds[i % ORGS]!;
        const itemOutcomes = some(world.ref.outcomes, 3);
        const itemChars = some(world.ref.chars, 3);
        const allChars = [...new Set(itemChars.flatMap((c) => [c, parents.get(c)].filter((x): x is string => Boolean(x))))];
        const aims = some(world.ref.aims, 1);
        const f1 = words(25);
        const f2 = words(25);
        const published = new Date(Date.UTC(2019, 0, 1) + Math.floor(rand() * 6 * 365) * 86_400_000).toISOString().slice(0, 10);
        const shared = rand() < 0.3;
        items.push(
          sql`(${id}, ${world.collaborativeId}, ${orgId}, 'report', ${words(8)}, ${words(60)}, ${published}, ${shared ? new Date().toISOString() : null}::timestamptz,
            setweight(to_tsvector('english', ${`${f1} ${f2}`}), 'B'), ${`{${itemOutcomes.join(",")}}`}::uuid[], ${`{${allChars.join(",")}}`}::uuid[], ${`{${aims.join(",")}}`}::uuid[])`,
        );
        findings.push(sql`(${world.collaborativeId}, ${orgId}, ${id}, ${f1}, 0)`, sql`(${world.collaborativeId}, ${orgId}, ${id}, ${f2}, 1)`);
        for (const o of itemOutcomes) tags.push(sql`(${world.collaborativeId}, ${orgId}, ${id}, 'outcome', ${o})`);
        for (const ch of itemChars) tags.push(sql`(${world.collaborativeId}, ${orgId}, ${id}, 'characteristic', ${ch})`);
        for (const a of aims) tags.push(sql`(${world.collaborativeId}, ${orgId}, ${id}, 'psed', ${a})`);
      }
      await tx.execute(sql`insert into evidence_items (id, collaborative_id, org_id, type, title, summary, published_on, shared_at, child_text, outcome_ids, characteristic_ids, psed_ids) values ${sql.join(items, sql`, `)}`);
      await tx.execute(sql`insert into evidence_findings (collaborative_id, org_id, item_id, text, position) values ${sql.join(findings, sql`, `)}`);
      await tx.execute(sql`insert into evidence_tags (collaborative_id, org_id, item_id, kind, ref_id) values ${sql.join(tags, sql`, `)}`);
    });
    if ((start / BATCH) % 40 === 0) process.stdout.write(`  ${start.toLocaleString("en-GB")} items…\r`);
  }
  await withOwner(database, (tx) => tx.execute(sql`select evidence_coverage_rebuild(${world.collaborativeId})`));
  await database.db.execute(sql`analyze`);
  // The bulk path must agree with the trigger path: reindex a sample and compare.
  const check = rowsOf<{ same: boolean }>(
    await withOwner(database, async (tx) => {
      const [row] = rowsOf<{ id: string; c: string[]; o: string[] }>(await tx.execute(sql`select id, characteristic_ids::text[] as c, outcome_ids::text[] as o from evidence_items where collaborative_id = ${world.collaborativeId} limit 1`));
      await tx.execute(sql`select evidence_reindex_items(array[${row!.id}]::uuid[])`);
      return tx.execute(sql`select (characteristic_ids::text[] <@ ${`{${row!.c.join(",")}}`}::text[] and characteristic_ids::text[] @> ${`{${row!.c.join(",")}}`}::text[] and outcome_ids::text[] @> ${`{${row!.o.join(",")}}`}::text[]) as same from evidence_items where id = ${row!.id}`);
    }),
  );
  console.log(`  generated ${ITEMS.toLocaleString("en-GB")} items, ${(ITEMS * 2).toLocaleString("en-GB")} findings and their tags in ${((performance.now() - t0) / 1000).toFixed(0)} s (bulk path matches the trigger path: ${check[0]?.same})`);
  return world;
}

function pct(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function measure(fn: () => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return { p50: pct(times, 50), p95: pct(times, 95) };
}

/**
 * RLS off: the owner connection with the same settings, running the same search. evidence_search()
 * applies the tenant predicate itself either way; what RLS adds is the policy on the page's rows
 * (and the role switch), so the ratio is the cost of isolation.
 */
async function asOwner<T>(database: Database, ctx: TenantContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return withOwner(database, async (tx) => {
    await tx.execute(sql`select set_config('app.user_id', ${ctx.userId}, true), set_config('app.org_id', ${ctx.orgId}, true), set_config('app.collaborative_id', ${ctx.collaborativeId}, true)`);
    return fn(tx);
  });
}

async function bench(label: string, database: Database, loaded?: World, generated?: (w: World) => Promise<void>) {
  console.log(`\n${label}`);
  const w = loaded ?? (await generate(database));
  if (!loaded) await generated?.(w);
  const queries: { name: string; target: string; rls: () => Promise<unknown>; owner: () => Promise<unknown>; total?: () => Promise<number> }[] = [];
  const search = (name: string, query: string) => {
    const f = filtersFrom(new URLSearchParams(query));
    queries.push({
      name,
      target: "p50 <= 10 ms, p95 <= 25 ms",
      rls: () => withTenant(database, w.lead, (tx) => searchIn(tx, f)),
      owner: () => asOwner(database, w.lead, (tx) => searchIn(tx, f)),
      total: async () => (await withTenant(database, w.lead, (tx) => searchIn(tx, f))).total,
    });
  };
  search("search: common word + characteristic", `q=interpreter&characteristic=${w.ref.race}`);
  search("search: two words + outcome + dates", `q=waiting+${RARE[7]}&outcome=${w.ref.outcome1A}&from=2021-01-01&to=2023-12-31`);
  search("search: rare word", `q=${RARE[123]}`);
  search("filters only: outcome + characteristic, shared", `outcome=${w.ref.outcome1A}&characteristic=${w.ref.race}&scope=shared`);
  search("list: newest first, page 3", `page=3`);
  queries.push({
    name: "coverage: one organisation (outcomes x characteristics)",
    target: "p95 <= 100 ms",
    rls: () => withTenant(database, w.lead, (tx) => outcomeCells(tx, w.ref.eds2022)),
    owner: () => asOwner(database, w.lead, (tx) => outcomeCells(tx, w.ref.eds2022, sql`c.collaborative_id = ${w.collaborativeId} and (c.org_id = ${w.lead.orgId} or c.shared)`)),
  });
  queries.push({
    name: "coverage: collaborative (organisations x characteristics)",
    target: "p95 <= 100 ms",
    rls: () => withTenant(database, w.regional, (tx) => organisationCells(tx, w.collaborativeId)),
    owner: () => asOwner(database, w.regional, (tx) => organisationCells(tx, w.collaborativeId)),
  });
  const rows: string[][] = [];
  for (const q of queries) {
    const on = await measure(q.rls);
    const off = await measure(q.owner);
    rows.push([q.name, on.p50.toFixed(1), on.p95.toFixed(1), off.p50.toFixed(1), off.p95.toFixed(1), (on.p50 / off.p50).toFixed(2), q.total ? String(await q.total()) : "", q.target]);
  }
  const head = ["query", "RLS p50 ms", "RLS p95 ms", "owner p50 ms", "owner p95 ms", "ratio p50", "total", "target (RLS on)"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const r of [head, ...rows]) console.log("  " + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  "));
}

async function main() {
  const only = process.env.BENCH_ONLY;
  console.log(`Evidence search benchmark: ${ITEMS.toLocaleString("en-GB")} items over ${ORGS} organisations, ${RUNS} runs per query (after 5 warm-up runs)`);
  if (only !== "postgres") {
    const dump = process.env.BENCH_PGLITE_DUMP;
    const saved = dump && existsSync(dump) && existsSync(`${dump}.json`);
    const database = await openDatabase({ pgliteDir: "memory://", loadDataDir: saved ? new Blob([await readFile(dump)]) : undefined });
    await migrateDatabase(database);
    const world = saved ? (JSON.parse(await readFile(`${dump}.json`, "utf8"), (k, v) => (k === "parents" ? new Map(v) : v)) as World) : undefined;
    await bench("PGlite (embedded)", database, world, async (w) => {
      if (!dump || saved) return;
      await database.pglite!.exec("checkpoint"); // recycles the WAL, which would otherwise be dumped too
      await writeFile(dump, Buffer.from(await (await database.pglite!.dumpDataDir("none")).arrayBuffer()));
      await writeFile(`${dump}.json`, JSON.stringify(w, (k, v) => (k === "parents" ? [...(v as Map<string, string | null>)] : v)));
    });
    await database.close();
  }
  if (only !== "pglite") {
    const admin = postgres(PG_ADMIN_URL, { max: 1, onnotice: () => {} });
    const name = `peff_evidence_bench_${Date.now()}`;
    try {
      await admin.unsafe(`create database "${name}"`);
    } catch (error) {
      console.log(`\nPostgreSQL skipped (${(error as Error).message})`);
      await admin.end();
      return;
    }
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString(), max: 2 });
    try {
      await migrateDatabase(database, url.toString());
      const [v] = rowsOf<{ v: string }>(await database.db.execute(sql`select current_setting('server_version') as v`));
      await bench(`PostgreSQL ${v!.v}`, database, undefined, async (w) => {
        // With BENCH_KEEP, the world (ids of the benchmark's users and tags) goes beside it, for scripts.
        if (process.env.BENCH_KEEP) await writeFile(`/tmp/${name}.json`, JSON.stringify(w, (k, v) => (k === "parents" ? [...(v as Map<string, string | null>)] : v)));
      });
    } finally {
      await database.close();
      // BENCH_KEEP=1 leaves the database for EXPLAIN ANALYZE; drop it by hand afterwards.
      if (process.env.BENCH_KEEP) console.log(`kept database ${name} (its world in /tmp/${name}.json)`);
      else await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  }
}

await main();
