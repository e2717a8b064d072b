import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../tests/support/db";
import { rowsOf, type Database } from "./client";
import { isIdle } from "./pglite-locks";
import { executeMany, textArray, type Prepared } from "./pipeline";

describe("textArray", () => {
  it("quotes every element and escapes quotes and backslashes", () => {
    expect(textArray([])).toBe("{}");
    expect(textArray(["a", "b c", "NULL", 'say "hi"', "back\\slash", "{x,y}"])).toBe('{"a","b c","NULL","say \\"hi\\"","back\\\\slash","{x,y}"}');
  });
});

describe("executeMany", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });
  const echo: Prepared = { name: "peff_test_echo_v1", text: "select $1::text as a, 10 / $2::text::int as b, $3::text as c" };

  it("runs a prepared statement once per parameter list and gives each its rows as text", async () => {
    expect(await executeMany(database, echo, [["é", "5", null], ["two", "2", "x"]])).toEqual([[["é", "2", null]], [["two", "5", "x"]]]);
    // Prepared once per connection: again, alone.
    expect(await executeMany(database, echo, [["three", "10", "y"]])).toEqual([[["three", "1", "y"]]]);
  });

  it("keeps nothing when one execution fails, says why, and the connection goes on working", async () => {
    await database.db.execute(sql`create table if not exists peff_test_pipeline (v text)`);
    const insert: Prepared = { name: "peff_test_pipeline_insert_v1", text: "insert into peff_test_pipeline (v) select $1::text where 1 / $2::text::int >= 0 returning v" };
    const failing = executeMany(database, insert, [["kept?", "1"], ["boom", "0"]]);
    await expect(failing).rejects.toMatchObject({ code: "22012", message: expect.stringMatching(/division by zero/) });
    expect(await executeMany(database, insert, [["after", "1"]])).toEqual([[["after"]]]);
    const rows = rowsOf<{ v: string }>(await database.db.execute(sql`select v from peff_test_pipeline order by v`));
    expect(rows.map((r) => r.v)).toEqual(["after"]);
    await database.db.execute(sql`drop table peff_test_pipeline`);
  });
});

describe.skipIf(Boolean(process.env.DATABASE_URL))("executeMany on PGlite, alongside other work", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    await database.db.execute(sql`create table peff_test_order (v text, at serial)`);
  });
  afterAll(async () => {
    await database?.close();
  });
  const insert: Prepared = { name: "peff_test_order_insert_v1", text: "insert into peff_test_order (v) values ($1::text) returning v" };

  it("runs at once when the engine is idle, and waits for an open transaction instead of joining it", async () => {
    const pglite = database.pglite!;
    expect(isIdle(pglite)).toBe(true);
    expect(await executeMany(database, insert, [["idle"]])).toEqual([[["idle"]]]);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into peff_test_order (v) values ('in transaction')`);
      await held;
      throw new Error("roll back");
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(isIdle(pglite)).toBe(false);
    let appended = false;
    const append = executeMany(database, insert, [["during"]]).then((rows) => ((appended = true), rows));
    await new Promise((r) => setTimeout(r, 50));
    expect(appended).toBe(false);
    release();
    await expect(transaction).rejects.toThrow("roll back");
    expect(await append).toEqual([[["during"]]]);
    expect(isIdle(pglite)).toBe(true);
    // The rolled-back transaction took nothing of the append with it, and kept nothing of its own.
    const rows = rowsOf<{ v: string }>(await database.db.execute(sql`select v from peff_test_order order by at`));
    expect(rows.map((r) => r.v)).toEqual(["idle", "during"]);
  });
});
