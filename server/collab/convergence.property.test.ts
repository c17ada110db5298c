import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import * as Y from "yjs";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { createFixtureCase } from "@/lib/testing/fixtures";
import { meetingDocName } from "@/lib/collab/doc-names";
import { loadDocument } from "@/lib/collab-store/load-document";
import { addAgendaItem, agendaTitleText, readAgenda, removeAgendaItem } from "@/lib/collab/agenda";
import { addSubGoal } from "@/lib/collab/sub-goals";
import { goalText, setStep } from "@/lib/collab/plan";
import { readMeetingDoc } from "@/lib/collab/read-meeting-doc";
import { connectClient, destroyAllClients, sameState, startHarness, ticketFor, waitFor, type Client } from "./test-harness";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  destroyAllClients();
  await tdb.drop();
});

type Op =
  | { kind: "addAgenda"; title: string }
  | { kind: "removeAgenda"; index: number }
  | { kind: "typeTitle"; index: number; at: number; text: string }
  | { kind: "typeGoal"; at: number; text: string }
  | { kind: "setStep"; step: number | null }
  | { kind: "addSubGoal"; text: string }
  | { kind: "toggleConnection" };

const text = fc.string({ minLength: 1, maxLength: 6 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("addAgenda" as const), title: text }),
  fc.record({ kind: fc.constant("removeAgenda" as const), index: fc.nat(5) }),
  fc.record({ kind: fc.constant("typeTitle" as const), index: fc.nat(5), at: fc.nat(20), text }),
  fc.record({ kind: fc.constant("typeGoal" as const), at: fc.nat(20), text }),
  fc.record({ kind: fc.constant("setStep" as const), step: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }) }),
  fc.record({ kind: fc.constant("addSubGoal" as const), text }),
  fc.record({ kind: fc.constant("toggleConnection" as const) }),
);
const step = fc.record({ client: fc.integer({ min: 0, max: 2 }), op, yields: fc.nat(2) });

function apply(c: Client, o: Op): void {
  const agenda = readAgenda(c.doc);
  switch (o.kind) {
    case "addAgenda":
      addAgendaItem(c.doc, { title: o.title });
      return;
    case "removeAgenda":
      if (agenda.length) removeAgendaItem(c.doc, agenda[o.index % agenda.length]!.id);
      return;
    case "typeTitle": {
      if (!agenda.length) return;
      const t = agendaTitleText(c.doc, agenda[o.index % agenda.length]!.id);
      t.insert(Math.min(o.at, t.length), o.text);
      return;
    }
    case "typeGoal": {
      const t = goalText(c.doc);
      t.insert(Math.min(o.at, t.length), o.text);
      return;
    }
    case "setStep":
      setStep(c.doc, o.step);
      return;
    case "addSubGoal":
      addSubGoal(c.doc, { text: o.text });
      return;
    case "toggleConnection":
      if (c.provider.shouldConnect) c.provider.disconnect();
      else c.provider.connect();
      return;
  }
}

describe("convergence through the real server", () => {
  it("random edits by 3 clients with disconnects converge and equal what is stored after close()", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 14 }), async (steps) => {
        const h = await startHarness({ unloadAfterMs: 20 });
        const f = await createFixtureCase();
        const room = meetingDocName(f.meetingId);
        const roles = ["caseworker", "employee", "manager"] as const;
        const clients = roles.map((r) => connectClient(h, room, ticketFor(f, r)));
        try {
          await waitFor(() => clients.every((c) => c.provider.synced), "initial sync");
          for (const s of steps) {
            apply(clients[s.client]!, s.op);
            for (let i = 0; i < s.yields; i++) await new Promise((r) => setImmediate(r));
          }
          for (const c of clients) if (!c.provider.shouldConnect) c.provider.connect();
          await waitFor(
            () =>
              clients.every((c) => c.provider.synced) &&
              sameState(clients[0]!.doc, clients[1]!.doc) &&
              sameState(clients[0]!.doc, clients[2]!.doc),
            "convergence",
          );
          const view = readMeetingDoc(clients[0]!.doc);
          expect(readMeetingDoc(clients[1]!.doc)).toEqual(view);
          expect(readMeetingDoc(clients[2]!.doc)).toEqual(view);
          const snapshot = Y.snapshot(clients[0]!.doc);

          for (const c of clients) c.destroy();
          await h.stop();
          const stored = (await loadDocument(room))!.doc;
          expect(readMeetingDoc(stored)).toEqual(view);
          expect(Y.equalSnapshots(Y.snapshot(stored), snapshot)).toBe(true);
          expect(h.logs.filter((l) => /failed|invalid|undecodable/.test(l.msg))).toEqual([]);
        } finally {
          for (const c of clients) c.destroy();
          await h.stop();
        }
      }),
      { numRuns: 15 },
    );
  });
});
