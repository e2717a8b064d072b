/**
 * Comparison views over generated history, through the real tenant path (withTenant, RLS on).
 *   npm run bench:comparison                 (embedded PGlite)
 *   DATABASE_URL=postgres://... npm run bench:comparison   (a scratch database on that server is created and dropped)
 * For 50 and 500 organisations, each with 5 EDS2 years and 5 EDS 2022 years, all published
 * (EDS 2022 with two Domain 1 services) and 40 evidence items each, it prints p50/p95 per view over 30 runs.
 */
import { performance } from "node:perf_hooks";
import { measure as measureRuns } from "./support/timing";
import { sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { openBenchDatabase } from "../db/scratch";
import { collaborativeMembers, collaboratives, memberships, users } from "../db/schema";
import { loadActingContexts } from "../app/domain/auth/load-contexts.server";
import type { Actor } from "../app/domain/auth/actor";
import { compareBands } from "../app/domain/compare/compare-bands.server";
import { readFilters } from "../app/domain/compare/compare-filters";
import { compareGrid } from "../app/domain/compare/compare-grid.server";
import { compareMovement } from "../app/domain/compare/compare-movement.server";
import { compareSpread } from "../app/domain/compare/compare-spread.server";
import { compareCoverage } from "../app/domain/compare/compare-coverage.server";

const RUNS = 30;

const open = () => openBenchDatabase("peff_bench");

/** A collaborative of `n` organisations with ten published years each, generated in SQL on the owner connection. */
async function generate(database: Database, n: number): Promise<Actor> {
  const [collab] = await database.db.insert(collaboratives).values({ name: `Bench ${n}` }).returning({ id: collaboratives.id });
  const c = collab!.id;
  await database.db.execute(sql`
    with o as (
      insert into organisations (name, type)
      select 'Bench org ' || lpad(i::text, 4, '0'), (array['acute_trust','community_trust','mental_health_trust','icb','local_authority'])[1 + i % 5]
      from generate_series(1, ${n}) i returning id)
    insert into collaborative_members (collaborative_id, org_id) select ${c}, id from o`);
  await database.db.execute(sql`
    insert into assessments (collaborative_id, org_id, framework_id, year_start, phase, published_on)
    select ${c}, cm.org_id, f.id, y, 'published', make_date(y + 1, 2, 20)
    from collaborative_members cm
    join frameworks f on true
    join generate_series(0, 4) k on true
    cross join lateral (select case when f.code = 'EDS2' then 2017 + k else 2022 + k end as y) yy
    where cm.collaborative_id = ${c}`);
  await database.db.execute(sql`
    insert into assessment_services (collaborative_id, org_id, assessment_id, name)
    select a.collaborative_id, a.org_id, a.id, s.name
    from assessments a join frameworks f on f.id = a.framework_id and f.code = 'EDS2022'
    cross join (values ('Maternity'), ('Urgent care')) s(name)
    where a.collaborative_id = ${c}`);
  // Grades 0-3 spread deterministically from a hash of the assessment, outcome and service.
  await database.db.execute(sql`
    insert into assessment_grades (collaborative_id, org_id, assessment_id, outcome_id, service_id, value, rationale)
    select a.collaborative_id, a.org_id, a.id, o.id, s.id,
           get_byte(decode(md5(a.id::text || o.code || coalesce(s.id::text, '')), 'hex'), 0) % 4,
           'Generated rationale'
    from assessments a
    join framework_outcomes o on o.framework_id = a.framework_id
    left join assessment_services s on s.assessment_id = a.id and o.scored_per_service
    where a.collaborative_id = ${c} and (not o.scored_per_service or s.id is not null)`);
  // Evidence for view 5: 40 items per organisation, each tagged to one or two protected characteristics.
  await database.db.execute(sql`
    insert into evidence_items (collaborative_id, org_id, type, title, characteristic_ids, shared_at)
    select cm.collaborative_id, cm.org_id, 'report', 'Bench item ' || i,
           array(select c.id from characteristics c where c.kind = 'protected' and (c.position + i) % 5 in (0, 1)),
           case when i % 3 = 0 then now() end
    from collaborative_members cm cross join generate_series(1, 40) i
    where cm.collaborative_id = ${c}`);
  const [orgRow] = await database.db.select({ orgId: collaborativeMembers.orgId }).from(collaborativeMembers).where(sql`collaborative_id = ${c}`).limit(1);
  const [u] = await database.db.insert(users).values({ email: `bench-${n}-${Date.now()}@bench.example`, name: "Bench lead" }).returning({ id: users.id });
  await database.db.insert(memberships).values({ userId: u!.id, orgId: orgRow!.orgId, role: "regional_lead" });
  const contexts = await loadActingContexts(database, u!.id);
  return { userId: u!.id, name: "Bench lead", email: "bench@bench.example", sessionId: "bench", contexts, active: contexts.find((x) => x.collaborativeId === c)! };
}

const measure = (label: string, fn: () => Promise<unknown>) => measureRuns(label, fn, RUNS, 44);

const { database, dispose } = await open();
console.log(`Comparison views, ${database.kind}, RLS on (withTenant as a regional lead), ${RUNS} runs each`);
try {
  for (const n of [50, 500]) {
    const t0 = performance.now();
    const actor = await generate(database, n);
    await database.db.execute(sql`analyze`);
    console.log(`${n} organisations x 5 years x 2 frameworks (${n * 10} assessments), generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const f = (q: string) => readFilters(new URLSearchParams(q));
    await measure("1. organisations x outcomes, EDS 2022 2026/27", () => compareGrid(database, actor, f("framework=EDS2022&year=2026")));
    await measure("1. organisations x outcomes, EDS2 2021/22", () => compareGrid(database, actor, f("framework=EDS2&year=2021&sort=1.1")));
    await measure("2. year-on-year movement (page of 25 orgs)", () => compareMovement(database, actor, f("")));
    await measure("3. EDS 2022 scores against bands", () => compareBands(database, actor, f("year=2026")));
    await measure("4. spread per outcome, EDS 2022", () => compareSpread(database, actor, f("framework=EDS2022&year=2026")));
    await measure("5. evidence coverage beside grades", () => compareCoverage(database, actor, f("framework=EDS2022&year=2026")));
    await measure("2. movement, every organisation (the export)", () => compareMovement(database, actor, f(""), { all: true }));
  }
} finally {
  await dispose();
}
