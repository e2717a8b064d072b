import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { DEFAULT_LEGEND, registerRows, registers } from "../../db/schema";
import { openRegister } from "../../app/domain/register/open-register.server";
import { StatusInUse, updateRegisterLegend } from "../../app/domain/register/update-register-legend.server";
import { LegendChanged } from "../../app/domain/legend-changed";
import { legendFingerprint } from "../../app/lib/legend-input";
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

describe("the register's status legend, keys and stranded rows", () => {
  it("gives a new status its own key when its made-up key is an existing status's (renamed since)", async () => {
    // "s5-paused" is what the form makes of a new fifth status "Paused"; it is given here to a status renamed since.
    const before = [...DEFAULT_LEGEND, { key: "s5-paused", label: "Waiting on funding", colour: "purple" as const }];
    await database.db.update(registers).set({ legend: before }).where(eq(registers.collaborativeId, world.collaboratives.x));
    await updateRegisterLegend(database, world.actors.adminX, [...before, { key: "s5-paused", label: "Paused", colour: "grey" }]);
    const after = await legendOf();
    expect(after.map((s) => s.label)).toEqual(["Action ongoing", "Complete", "In progress", "Not started", "Waiting on funding", "Paused"]);
    expect(new Set(after.map((s) => s.key)).size).toBe(after.length);
    expect(after.find((s) => s.label === "Waiting on funding")!.key).toBe("s5-paused");
  });

  it("is still changed when some rows have a status the legend no longer has (they show no status either way)", async () => {
    await database.db.insert(registerRows).values({
      collaborativeId: world.collaboratives.x, rowKey: "stranded", position: 2, characteristics: [], barrier: "", issue: "", identifiedBy: "",
      evidence: [], edsOutcomes: [], psedAims: [], themes: [], leadOrganisation: "", contactRole: "", updates: [], status: "gone",
    });
    const renamed = (await legendOf()).map((s) => (s.key === "blue" ? { ...s, label: "Ongoing" } : s));
    await updateRegisterLegend(database, world.actors.adminX, renamed);
    expect((await legendOf()).find((s) => s.key === "blue")!.label).toBe("Ongoing");
    // Removing a status rows have is still refused, and only that one is named.
    const refused = await updateRegisterLegend(database, world.actors.adminX, renamed.filter((s) => s.key !== "red")).catch((e: unknown) => e);
    expect((refused as StatusInUse).inUse).toEqual([{ key: "red", label: "Not started", rows: 1 }]);
  });

  it("refuses a save drawn from a legend someone has changed since, naming it as it now reads", async () => {
    const drawnWith = legendFingerprint(await legendOf());
    const theirs = [...(await legendOf()), { key: "s9-paused", label: "Paused", colour: "grey" as const }];
    await updateRegisterLegend(database, world.actors.adminX, theirs, drawnWith);
    const mine = (await legendOf()).filter((s) => s.key !== "s9-paused").map((s) => (s.key === "green" ? { ...s, label: "Finished" } : s));
    const refused = await updateRegisterLegend(database, world.actors.adminX, mine, drawnWith).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LegendChanged);
    expect(refused).toMatchObject({ status: 409, current: legendFingerprint(theirs), message: expect.stringMatching(/It now reads: .*Paused \(grey\)/) });
    expect(await legendOf()).toEqual(theirs);
    // Seen, and saved again from the legend as it now is.
    await updateRegisterLegend(database, world.actors.adminX, mine, legendFingerprint(theirs));
    expect(await legendOf()).toEqual(mine);
  });
});
