import { beforeAll, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { appendRows, readRows, rowsOf } from "../../app/lib/register/model";
import { CLOSE } from "../../server/collab/protocol";
import type { World } from "../support/factories";
import { waitFor, type TestClient } from "./support/client";
import { useRegisterWorld } from "./support/register-world";

/**
 * A row's log of dated updates is appended with its author and never overwritten, whatever a
 * (modified) client sends: the server judges each update before applying it (append-only.ts).
 */
const register = useRegisterWorld();
let world: World;
beforeAll(() => {
  world = register.world;
});

const client = (person: keyof World["people"]) => register.client(world.people[person].id);

const signature = (person: "leadA" | "leadA2") => ({
  authorId: world.people[person].id,
  authorName: `${world.people[person].name} (${world.actors[person].active.orgName})`,
});
const logOf = (c: TestClient, key: string) => rowsOf(c.doc).get(key)!.get("updates") as Y.Array<unknown>;
const textsOf = (c: TestClient, key: string) => readRows(c.doc).find((r) => r.key === key)?.updates.map((u) => u.text) ?? [];

describe("a row's log of dated updates", () => {
  it("takes entries signed by whoever adds them, and closes a connection that forges or removes someone else's", async () => {
    const lead = await client("leadA");
    const other = await client("leadA2");
    const watcher = await client("adminX");
    const [key] = appendRows(lead.doc, [{ barrier: "Interpreters booked late", updates: [{ at: new Date().toISOString(), ...signature("leadA"), text: "Update September 2021" }] }]);
    await waitFor(() => textsOf(watcher, key!).length === 1, "the row at the watcher");

    logOf(other, key!).push([{ at: new Date().toISOString(), ...signature("leadA2"), text: "Update October 2021" }]);
    await waitFor(() => textsOf(watcher, key!).length === 2, "a signed entry at the watcher");

    logOf(other, key!).push([{ at: new Date().toISOString(), ...signature("leadA"), text: "Forged in the lead's name" }]);
    await waitFor(() => other.closes.length > 0, "the forger's connection to close");
    expect(other.closes[0]).toEqual({ code: CLOSE.refused.code, reason: "Change refused: An update must be signed by whoever adds it" });
    other.destroy();

    const remover = await client("leadA2");
    logOf(remover, key!).delete(0, 1);
    await waitFor(() => remover.closes.length > 0, "the remover's connection to close");
    expect(remover.closes[0]?.reason).toBe("Change refused: Only its author can remove an update");
    remover.destroy();

    // Neither reached anyone, and a newcomer loads the log as it was.
    const late = await client("contributorA");
    expect(textsOf(late, key!)).toEqual(["Update September 2021", "Update October 2021"]);
    expect(textsOf(watcher, key!)).toEqual(["Update September 2021", "Update October 2021"]);
  });
});
