import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { createFixtureCase } from "@/lib/testing/fixtures";
import { meetingDocName } from "@/lib/collab/doc-names";
import { presenceColor } from "@/lib/collab/presence";
import {
  awarenessFrame,
  connectClient,
  destroyAllClients,
  rawClient,
  startHarness,
  syncFrame,
  ticketFor,
  waitFor,
  waitSynced,
  type Harness,
} from "./test-harness";

/**
 * Issue 12.10: awareness is written by the client, so a participant could publish their own
 * clientID with someone else's name and role ("Mette Sørensen (caseworker) is editing"). The
 * server stamps every presence it relays with the identity of the connection's participant record.
 */

let tdb: TestDatabase;
let h: Harness;
beforeAll(async () => {
  tdb = await createTestDatabase();
  h = await startHarness();
});
afterEach(() => destroyAllClients());
afterAll(async () => {
  await h.stop();
  await tdb.drop();
});

type Seen = { user?: { participantId?: string; name?: string; role?: string; color?: string; [k: string]: unknown }; editing?: unknown };

describe("attack 12.10: a forged name next to a field", () => {
  it("attack 12.10: awareness with one's own client id but another's name and role reaches the others under one's own name", async () => {
    const f = await createFixtureCase();
    const room = meetingDocName(f.meetingId);
    const witness = connectClient(h, room, ticketFor(f, "employee"));
    await waitSynced(witness);
    const forger = rawClient(`${h.url}/${room}?ticket=${encodeURIComponent(ticketFor(f, "manager"))}`);
    await forger.opened;
    forger.send(syncFrame(0, new Uint8Array([0])));
    const forged = {
      user: {
        participantId: f.participants.manager.id,
        name: "Mette Sørensen",
        role: "caseworker",
        color: "#b91c1c",
        badge: "<img src=x>",
      },
      editing: "plan.goal",
    };
    forger.send(awarenessFrame([{ clientId: 7001, clock: 1, state: forged }]));
    await waitFor(() => witness.provider.awareness.getStates().has(7001), "the witness to see the forger's presence");
    const seen = witness.provider.awareness.getStates().get(7001) as Seen;
    expect(seen.user).toEqual({ participantId: f.participants.manager.id, name: "Test manager", role: "manager", color: presenceColor(2) });
    // What is not identity (the field they are in) passes unchanged.
    expect(seen.editing).toBe("plan.goal");
  });

  it("attack 12.10: a later update of the same entry cannot change the name either", async () => {
    const f = await createFixtureCase();
    const room = meetingDocName(f.meetingId);
    const witness = connectClient(h, room, ticketFor(f, "caseworker"));
    const forger = connectClient(h, room, ticketFor(f, "union_rep"));
    await waitSynced(witness, forger);
    const own = { participantId: f.participants.union_rep.id, name: "Test union_rep", role: "union_rep", color: presenceColor(3) };
    forger.provider.awareness.setLocalStateField("user", own);
    const id = forger.doc.clientID;
    await waitFor(
      () => (witness.provider.awareness.getStates().get(id) as Seen | undefined)?.user?.name === "Test union_rep",
      "the honest state",
    );
    forger.provider.awareness.setLocalStateField("user", { ...own, name: "Mette Sørensen", role: "caseworker" });
    forger.provider.awareness.setLocalStateField("editing", "plan.goal");
    await waitFor(() => (witness.provider.awareness.getStates().get(id) as Seen | undefined)?.editing === "plan.goal", "the later update");
    expect((witness.provider.awareness.getStates().get(id) as Seen).user).toEqual(own);
  });
});
