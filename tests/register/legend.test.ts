import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { DEFAULT_LEGEND, registerRows, registers } from "../../db/schema";
import { openRegister } from "../../app/domain/register/open-register.server";
import { StatusInUse, updateRegisterLegend } from "../../app/domain/register/update-register-legend.server";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";

let database: Database;
let world: World;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  await database.db.insert(registers).values({ collaborativeId: world.collaboratives.x }).onConflictDoNothing();
  // Two rows as the collaboration server projected them: one "Not started" (red), one without a status.
  const row = { collaborativeId: world.collaboratives.x, characteristics: [], barrier: "", issue: "", identifiedBy: "", evidence: [], edsOutcomes: [], psedAims: [], themes: [], leadOrganisation: "", contactRole: "", updates: [] };
  await database.db.insert(registerRows).values([
    { ...row, rowKey: "a", position: 0, status: "red" },
    { ...row, rowKey: "b", position: 1, status: null },
  ]);
});
afterAll(async () => {
  await database?.close();
});

const legendOf = async () => (await database.db.select().from(registers).where(eq(registers.collaborativeId, world.collaboratives.x)))[0]!.legend;

describe("the register's status legend", () => {
  it("is changed by the collaborative's admin: new wording and colours, a new status, an unused one removed", async () => {
    const legend = [
      { key: "blue", label: "Action ongoing", colour: "blue" as const },
      { key: "green", label: "Done", colour: "green" as const },
      { key: "red", label: "Not started", colour: "red" as const },
      { key: "s5-on-hold", label: "On hold", colour: "purple" as const },
    ];
    await updateRegisterLegend(database, world.actors.adminX, legend);
    expect(await legendOf()).toEqual(legend);
    const opened = await openRegister(database, world.actors.leadA2);
    expect(opened!.legend.map((s) => s.label)).toEqual(["Action ongoing", "Done", "Not started", "On hold"]);
  });

  it("refuses to remove a status that rows still have, and says how many", async () => {
    const before = await legendOf();
    const without = before.filter((s) => s.key !== "red");
    const refused = await updateRegisterLegend(database, world.actors.adminX, without).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StatusInUse);
    expect((refused as StatusInUse).inUse).toEqual([{ key: "red", label: "Not started", rows: 1 }]);
    expect(await legendOf()).toEqual(before);
  });

  it("is not changed by equality leads, contributors or viewers (the forum's, not one organisation's)", async () => {
    for (const actor of [world.actors.leadA, world.actors.contributorA, world.actors.viewerA]) {
      await expect(updateRegisterLegend(database, actor, DEFAULT_LEGEND)).rejects.toMatchObject({ status: 403 });
    }
  });
});
