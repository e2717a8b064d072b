import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { rowsOf } from "../../db/client";
import { filtersFrom, MAX_PAGES, pagingOf, RANK_WINDOW, TOTAL_CAP } from "../../app/domain/evidence/filters";
import { searchItems } from "../../app/domain/evidence/search-items.server";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { refs } from "./support";

/**
 * Searches with more matches than are counted: the capped total, the pages within it, the bound
 * past it, and the order (the RANK_WINDOW most recent matches best first, then newest first).
 * The items are written in bulk on the owner connection; the searches run as signed-in people.
 */
let database: Database;
let world: World;
let r: Awaited<ReturnType<typeof refs>>;
const word = `capybara${Date.now().toString(36)}`;
const word2 = `tapir${Date.now().toString(36)}`;
const word3 = `quoll${Date.now().toString(36)}`;
const word4 = `numbat${Date.now().toString(36)}`;
const word5 = `wombat${Date.now().toString(36)}`;
const MANY = 1100;
const search = (actor: World["actors"][keyof World["actors"]], query: string) => searchItems(database, actor, filtersFrom(new URLSearchParams(query)));

interface Row {
  id: string;
  published_on: string | null;
  created_at: string;
  rank: number;
}

/** The list evidence_search should return: newest first, its first RANK_WINDOW re-ordered best match first. */
function expectedOrder(rows: Row[]): string[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const recency = [...rows].sort(
    (a, b) =>
      (a.published_on === null ? 1 : 0) - (b.published_on === null ? 1 : 0) ||
      cmp(b.published_on ?? "", a.published_on ?? "") ||
      cmp(b.created_at, a.created_at) ||
      cmp(a.id, b.id),
  );
  const window = recency.slice(0, RANK_WINDOW).map((x, n) => ({ ...x, n }));
  window.sort((a, b) => b.rank - a.rank || a.n - b.n);
  return [...window, ...recency.slice(RANK_WINDOW)].map((x) => x.id);
}

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  r = await refs(database);
  const x = world.collaboratives.x;
  // Organisation A: MANY private items with the word, one in ten in the title (ranked higher),
  // spread over ten years and some undated, all tagged with outcome 1A; 1,050 with a second word,
  // all published in 2023; and 6,000 others. "alpha" is in nearly every one of them.
  await database.db.execute(sql`
    insert into evidence_items (collaborative_id, org_id, type, title, summary, published_on, created_at, outcome_ids)
    select ${x}, ${world.orgs.a}, 'report',
      case when g % 10 = 0 then 'Report on the ' || ${word} else 'Report ' || g end,
      case when g % 10 = 0 then 'Nothing else but alpha' else 'It mentions the ' || ${word} || ' once, and alpha' end,
      case when g % 37 = 0 then null else date '2025-12-31' - g * 3 end,
      now() - g * interval '1 second',
      array[${r.outcome1A}]::uuid[]
    from generate_series(1, ${MANY}) g`);
  await database.db.execute(sql`
    insert into evidence_items (collaborative_id, org_id, type, title, summary, published_on)
    select ${x}, ${world.orgs.a}, 'meeting_note', 'Notes ' || g, 'On the ' || ${word2} || ' and alpha', date '2023-01-01' + g % 365
    from generate_series(1, 1050) g`);
  await database.db.execute(sql`
    insert into evidence_items (collaborative_id, org_id, type, title, summary, published_on)
    select ${x}, ${world.orgs.a}, 'meeting_note', 'Filler ' || g, 'alpha and other things', date '2025-12-31' - g % 3650
    from generate_series(1, 6000) g`);
  // 900 with a third word (fewer than the cap, but enough that the planner expects many).
  await database.db.execute(sql`
    insert into evidence_items (collaborative_id, org_id, type, title, summary, published_on)
    select ${x}, ${world.orgs.a}, 'survey', case when g % 9 = 0 then 'Survey of the ' || ${word3} else 'Survey ' || g end,
      case when g % 9 = 0 then 'Nothing more' else 'Notes on the ' || ${word3} end, date '2025-12-31' - g * 4
    from generate_series(1, 900) g`);
  // Most matches in the newest year: what is left to count is in the year before (word4: 700 in
  // 2025 and 400 in 2024, more than the cap), or is not all there (word5: 700, 200 and 50 in 2020).
  await database.db.execute(sql`
    insert into evidence_items (collaborative_id, org_id, type, title, summary, published_on)
    select ${x}, ${world.orgs.a}, 'report', 'Count ' || g, case when g <= 1100 then ${word4} else ${word5} end || ' noted',
      case when g <= 700 then date '2025-12-31' - g % 300 when g <= 1100 then date '2024-12-31' - g % 300
           when g <= 1800 then date '2025-12-31' - g % 300 when g <= 2000 then date '2024-12-31' - g % 300 else date '2020-06-30' - g % 100 end
    from generate_series(1, 2050) g`);
  // Organisation A2 of the same collaborative: private items with the word (never visible to A)
  // and shared ones (visible to A).
  await database.db.execute(sql`
    insert into evidence_items (collaborative_id, org_id, type, title, summary, published_on, shared_at)
    select ${x}, ${world.orgs.a2}, 'survey', 'A2 survey ' || g, 'About the ' || ${word}, date '2025-06-01' - g, case when g <= 30 then now() end
    from generate_series(1, 80) g`);
  // Organisation B, another collaborative: shared items with the word (never visible to A).
  await database.db.execute(sql`
    insert into evidence_items (collaborative_id, org_id, type, title, summary, published_on, shared_at)
    select ${world.collaboratives.y}, ${world.orgs.b}, 'report', 'B report ' || g, 'The ' || ${word}, date '2025-12-31' - g, now()
    from generate_series(1, 50) g`);
});
afterAll(async () => {
  await database?.close();
});

/** What organisation A's lead may see, from the owner connection, ranked for `q`. */
async function visibleToA(where = sql`true`, q = ""): Promise<Row[]> {
  return rowsOf<Row>(
    await database.db.execute(sql`
      select id, published_on::text as published_on, to_char(created_at, 'YYYY-MM-DD"T"HH24:MI:SS.US') as created_at,
        ts_rank(search, websearch_to_tsquery('english', ${q})) as rank
      from evidence_items i
      where collaborative_id = ${world.collaboratives.x} and (org_id = ${world.orgs.a} or shared_at is not null) and ${where}`),
  );
}
const matching = (q: string, where = sql`true`) => visibleToA(sql`i.search @@ websearch_to_tsquery('english', ${q}) and ${where}`, q);

/** Pages 1, the window's last, the first after it, the last counted, and one past it. */
async function checkPages(q: string, query: string, expectedRows: Row[]) {
  const expected = expectedOrder(expectedRows);
  const page = (n: number) => search(world.actors.leadA, `${query}&page=${n}`);
  const first = await page(1);
  expect(first.total).toBe(TOTAL_CAP + 1);
  expect(first.hits.map((h) => h.id)).toEqual(expected.slice(0, 20));
  expect((await page(RANK_WINDOW / 20)).hits.map((h) => h.id)).toEqual(expected.slice(RANK_WINDOW - 20, RANK_WINDOW));
  expect((await page(RANK_WINDOW / 20 + 1)).hits.map((h) => h.id)).toEqual(expected.slice(RANK_WINDOW, RANK_WINDOW + 20));
  expect((await page(MAX_PAGES)).hits.map((h) => h.id)).toEqual(expected.slice(TOTAL_CAP - 20, TOTAL_CAP));
  const past = await page(MAX_PAGES + 1);
  expect(past.hits).toEqual([]);
  expect(past.total).toBe(TOTAL_CAP + 1);
}

/** Every kind of search with many matches; run without and with planner statistics, which choose different read paths. */
async function checkSearches() {
  const rows = await matching(word);
  expect(rows.length).toBe(MANY + 30);
  // Title matches rank above summary ones: the window starts with them.
  const best = Math.max(...rows.map((x) => x.rank));
  expect(expectedOrder(rows).slice(0, 10).every((id) => rows.find((x) => x.id === id)!.rank === best)).toBe(true);
  await checkPages(word, `q=${word}`, rows);
  // One year holds more matches than are counted.
  await checkPages(word2, `q=${word2}`, await matching(word2));
  // Most of the collaborative matches.
  await checkPages("alpha", "q=alpha", await matching("alpha"));
  // A common word with a rarer one, and with a tag filter.
  await checkPages(`alpha ${word}`, `q=alpha+${word}`, await matching(`alpha ${word}`));
  await checkPages(`alpha`, `q=alpha&outcome=${r.outcome1A}`, await matching("alpha", sql`i.outcome_ids @> array[${r.outcome1A}]::uuid[]`));
  // Counted in the year after the newest: more than the cap.
  await checkPages(word4, `q=${word4}`, await matching(word4));
  // Fewer than the cap: the exact total, every match ranked (word5's are counted beyond the next year).
  for (const [w, total] of [[word3, 900], [word5, 950]] as const) {
    const few = await matching(w);
    expect(few.length).toBe(total);
    const ranked = [...few].sort((a, b) => b.rank - a.rank || expectedOrder(few).indexOf(a.id) - expectedOrder(few).indexOf(b.id)).map((x) => x.id);
    for (const n of [1, 2, Math.ceil(total / 20)]) {
      const result = await search(world.actors.leadA, `q=${w}&page=${n}`);
      expect(result.total).toBe(total);
      expect(result.hits.map((h) => h.id)).toEqual(ranked.slice((n - 1) * 20, n * 20));
    }
  }
}

describe("a search with more matches than are counted", () => {
  it("says more than 1,000, pages through the first 1,000 and ranks the most recent 200 best first", async () => {
    await checkSearches();
    expect(pagingOf(TOTAL_CAP + 1, true)).toEqual({ capped: true, bounded: true, windowed: true, pages: MAX_PAGES });
  });

  it("answers the same once the planner has statistics (other read paths; common words checked per row)", async () => {
    await database.db.execute(sql`analyze evidence_items`);
    await checkSearches();
  });

  it("counts exactly what each person may see", async () => {
    // A2 sees its own 80 and none of A's (all private): exact, under the cap.
    const a2 = await search(world.actors.leadA2, `q=${word}`);
    expect(a2.total).toBe(80);
    const a2Own = rowsOf<{ id: string }>(await database.db.execute(sql`select id from evidence_items where org_id = ${world.orgs.a2}`)).map((x) => x.id);
    expect(a2.hits.length).toBe(20);
    expect(a2.hits.every((h) => a2Own.includes(h.id))).toBe(true);
    // B (another collaborative) sees only its own 50.
    const b = await search(world.actors.leadB, `q=${word}`);
    expect(b.total).toBe(50);
    const bOwn = rowsOf<{ id: string }>(await database.db.execute(sql`select id from evidence_items where org_id = ${world.orgs.b}`)).map((x) => x.id);
    expect(b.hits.every((h) => bOwn.includes(h.id))).toBe(true);
  });
});

describe("filter-only lists with many items", () => {
  it("give the exact total from the coverage counters, newest first, pages bounded at the first 1,000", async () => {
    const all = await visibleToA();
    const list = await search(world.actors.leadA, "");
    expect(list.total).toBe(all.length);
    expect(list.total).toBeGreaterThan(TOTAL_CAP + 1);
    const recency = expectedOrder(all);
    expect(list.hits.map((h) => h.id)).toEqual(recency.slice(0, 20));
    expect((await search(world.actors.leadA, "page=3")).hits.map((h) => h.id)).toEqual(recency.slice(40, 60));
    expect((await search(world.actors.leadA, `page=${MAX_PAGES}`)).hits.map((h) => h.id)).toEqual(recency.slice(TOTAL_CAP - 20, TOTAL_CAP));
    const past = await search(world.actors.leadA, `page=${MAX_PAGES + 1}`);
    expect(past.hits).toEqual([]);
    expect(past.total).toBe(all.length);
    expect(pagingOf(all.length, false)).toMatchObject({ capped: false, bounded: true, windowed: false, pages: MAX_PAGES });

    const tagged = await search(world.actors.leadA, `outcome=${r.outcome1A}&scope=own`);
    expect(tagged.total).toBe(MANY);
    expect(tagged.hits.map((h) => h.id)).toEqual(expectedOrder(await visibleToA(sql`i.outcome_ids @> array[${r.outcome1A}]::uuid[] and i.org_id = ${world.orgs.a}`)).slice(0, 20));
  });

  it("count other filters up to the cap", async () => {
    const rows = await visibleToA(sql`i.type = 'report' and i.published_on >= '2017-01-01'`);
    expect(rows.length).toBeGreaterThan(TOTAL_CAP);
    const result = await search(world.actors.leadA, "type=report&from=2017-01-01");
    expect(result.total).toBe(TOTAL_CAP + 1);
    expect(result.hits.map((h) => h.id)).toEqual(expectedOrder(rows).slice(0, 20));
    expect((await search(world.actors.leadA, "type=report&from=2017-01-01&page=7")).hits.map((h) => h.id)).toEqual(expectedOrder(rows).slice(120, 140));
  });
});
