import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { meetingDocName } from "@/lib/collab/doc-names";
import { appendDocumentUpdates } from "@/lib/collab-store/append-updates";
import { loadDocument } from "@/lib/collab-store/load-document";
import { createFixtureCase, type FixtureCase } from "@/lib/testing/fixtures";
import { asOperator, createOrganisation, NO_ORGANISATION, storedUpdateCount } from "@/lib/testing/organisation-scopes";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { CommitQueue, type CommitTarget } from "./commit-queue";
import { connectClient, destroyAllClients, eventually, startHarness, ticketFor, waitSynced, type Harness } from "./test-harness";

/**
 * The socket server runs in no organisation (a socket carries a ticket, not a session), and outside
 * one the database shows no case data (row-level security, default deny). So it enters the room's
 * organisation for each connection's checks, the room's load, and each commit — and a commit made
 * in one organisation's scope cannot write into another's document.
 */
let tdb: TestDatabase;
let h: Harness;
let a: FixtureCase;
let b: FixtureCase;

beforeAll(async () => {
  tdb = await createTestDatabase({ outsideScope: NO_ORGANISATION });
  // Made as the operator would: outside a scope this database shows nothing.
  const other = await createOrganisation("Another job centre");
  await asOperator(async () => {
    a = await createFixtureCase();
    b = await createFixtureCase({ organisationId: other });
  });
  h = await startHarness();
});
afterEach(() => destroyAllClients());
afterAll(async () => {
  await h.stop();
  await tdb.drop();
});

const updateOf = (text: string) => {
  const d = new Y.Doc();
  d.getText("t").insert(0, text);
  return Y.encodeStateAsUpdate(d);
};
const storedUpdates = (f: FixtureCase) => storedUpdateCount(meetingDocName(f.meetingId));

/** A commit queue over the real append, and what it told each room. */
function queueAndOutcomes() {
  const outcomes = new Map<string, "committed" | "failed">();
  const queue = new CommitQueue(appendDocumentUpdates, () => {});
  const target = (name: string, organisationId: string): CommitTarget => ({
    name,
    organisationId,
    alive: true,
    onCommitted: () => outcomes.set(`${name}@${organisationId}`, "committed"),
    onCommitFailed: () => outcomes.set(`${name}@${organisationId}`, "failed"),
  });
  return { queue, outcomes, target };
}

describe("the collaboration server in an organisation's scope", () => {
  it("loads, authorises and commits a room's edits with no organisation entered around it", async () => {
    const room = meetingDocName(a.meetingId);
    expect((await loadDocument(room))?.organisationId).toBe(a.organisationId);
    const before = await storedUpdates(a);
    const one = connectClient(h, room, ticketFor(a, "caseworker"));
    const two = connectClient(h, room, ticketFor(a, "employee"));
    await waitSynced(one, two);
    one.doc.getText("t").insert(0, "hello");
    await eventually(async () => two.doc.getText("t").toString() === "hello", "the edit reaching the other client");
    // Committed before it was broadcast, in the room's organisation.
    expect(await storedUpdates(a)).toBeGreaterThan(before);
    expect(one.closes).toEqual([]);
  });

  it("refuses a commit made in organisation A's scope for a document of organisation B", async () => {
    const { queue, outcomes, target } = queueAndOutcomes();
    const bRoom = meetingDocName(b.meetingId);
    const before = await storedUpdates(b);
    queue.enqueue(target(bRoom, a.organisationId), updateOf("smuggled"));
    await queue.whenIdle();
    expect(outcomes.get(`${bRoom}@${a.organisationId}`)).toBe("failed");
    expect(await storedUpdates(b)).toBe(before);
  });

  it("commits one batch holding rooms of two organisations, each in its own", async () => {
    const { queue, outcomes, target } = queueAndOutcomes();
    const aRoom = meetingDocName(a.meetingId);
    const bRoom = meetingDocName(b.meetingId);
    const [beforeA, beforeB] = [await storedUpdates(a), await storedUpdates(b)];
    queue.enqueue(target(aRoom, a.organisationId), updateOf("a"));
    queue.enqueue(target(bRoom, b.organisationId), updateOf("b"));
    await queue.whenIdle();
    expect([outcomes.get(`${aRoom}@${a.organisationId}`), outcomes.get(`${bRoom}@${b.organisationId}`)]).toEqual([
      "committed",
      "committed",
    ]);
    expect([await storedUpdates(a), await storedUpdates(b)]).toEqual([beforeA + 1, beforeB + 1]);
  });

  it("writes nothing for rows that name no organisation", async () => {
    const before = await storedUpdates(a);
    await expect(appendDocumentUpdates([{ docName: meetingDocName(a.meetingId), data: updateOf("nobody's") }])).rejects.toThrow();
    expect(await storedUpdates(a)).toBe(before);
  });
});
