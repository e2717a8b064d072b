import * as encoding from "lib0/encoding";
import { beforeAll, describe, expect, it } from "vitest";
import { MESSAGE_AWARENESS } from "../../server/collab/protocol";
import type { World } from "../support/factories";
import { waitFor, type TestClient } from "./support/client";
import { useRegisterWorld } from "./support/register-world";

/**
 * Presence (who is here, in which cell) is set by browsers, but who a person is comes from their
 * session: a modified client can neither show itself as someone else nor change or remove
 * another person's presence.
 */
const register = useRegisterWorld();
let world: World;
beforeAll(() => {
  world = register.world;
});

const client = (userId: string) => register.client(userId);

const userSeenBy = (watcher: TestClient, clientId: number) => watcher.provider.awareness.getStates().get(clientId)?.user as Record<string, string> | undefined;

/** An awareness message setting one Yjs client's state, as a modified browser could send it. */
function forgedAwareness(clientId: number, clock: number, state: unknown): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_AWARENESS);
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

describe("presence", () => {
  it("shows each person as their session says, whatever their browser claims", async () => {
    const watcher = await client(world.people.leadA2.id);
    const viewer = await client(world.people.viewerA.id);
    const lead = world.people.leadA;
    viewer.provider.awareness.setLocalStateField("user", { id: lead.id, name: lead.name, organisation: "NHS England", colour: "#000000" });
    viewer.provider.awareness.setLocalStateField("focus", { row: "r1", column: "barrier" });
    const id = viewer.doc.clientID;
    await waitFor(() => watcher.provider.awareness.getStates().get(id)?.focus !== undefined, "the viewer's presence");
    expect(userSeenBy(watcher, id)).toEqual({
      id: world.people.viewerA.id,
      name: world.people.viewerA.name,
      organisation: world.actors.viewerA.active.orgName,
      colour: expect.stringMatching(/^#[0-9a-f]{6}$/),
    });
    expect(watcher.provider.awareness.getStates().get(id)?.focus).toEqual({ row: "r1", column: "barrier" });
  });

  it("ignores one person's attempt to change or remove another's presence", async () => {
    const victim = await client(world.people.leadA2.id);
    const forger = await client(world.people.contributorA.id);
    const watcher = await client(world.people.leadA.id);
    victim.provider.awareness.setLocalStateField("focus", { row: "r2", column: "status" });
    const victimId = victim.doc.clientID;
    await waitFor(() => (watcher.provider.awareness.getStates().get(victimId)?.focus as { row?: string } | null)?.row === "r2", "the victim's presence");
    const clock = victim.provider.awareness.meta.get(victimId)!.clock;

    const ws = forger.provider.ws!;
    ws.send(forgedAwareness(victimId, clock + 1, { user: { name: "Someone else" }, focus: { row: "r9", column: "barrier" } }));
    ws.send(forgedAwareness(victimId, clock + 2, null));
    // Then something the forger may do; once the watcher sees it, the forgeries were handled before.
    forger.provider.awareness.setLocalStateField("focus", { row: "r3", column: "themes" });
    const forgerId = forger.doc.clientID;
    await waitFor(() => (watcher.provider.awareness.getStates().get(forgerId)?.focus as { row?: string } | null)?.row === "r3", "the forger's own presence");

    expect(watcher.provider.awareness.getStates().get(victimId)?.focus).toEqual({ row: "r2", column: "status" });
    expect(userSeenBy(watcher, victimId)?.name).toBe(world.people.leadA2.name);
    expect(forger.closes).toEqual([]);
  });
});
