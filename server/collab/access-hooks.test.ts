import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { createFixtureCase, type FixtureCase } from "@/lib/testing/fixtures";
import { meetingDocName } from "@/lib/collab/doc-names";
import { publishParticipantRevoked, publishSessionEnded } from "@/lib/access/revocation-bus";
import { listAccessLog } from "@/lib/audit/list-access-log";
import { connectClient, destroyAllClients, rawClient, startHarness, ticketFor, waitFor, waitSynced, type Harness } from "./test-harness";

let tdb: TestDatabase;
let h: Harness;
let f: FixtureCase;
beforeAll(async () => {
  tdb = await createTestDatabase();
  f = await createFixtureCase();
  // Every open asks the database and awaits its row here; warm joins (principal-cache.ts) are
  // tested on their own.
  h = await startHarness({ principalCacheMs: 0 });
});
afterEach(() => destroyAllClients());
afterAll(async () => {
  await h.stop();
  await tdb.drop();
});

const room = () => meetingDocName(f.meetingId);

/** The caseworker's own rows of the case's access log, as the caseworker may read them. */
async function caseworkerRows() {
  const { entries } = await listAccessLog({
    viewer: { kind: "participant", id: f.participants.caseworker.id, role: "caseworker", caseId: f.caseId },
    caseId: f.caseId,
  });
  return entries.filter((e) => e.actor.id === f.participants.caseworker.id);
}

describe("access hooks of the socket server", () => {
  it("closes a revoked participant's sockets with 4403 on the revocation itself, and only theirs", async () => {
    const manager = connectClient(h, room(), ticketFor(f, "manager"));
    const employee = connectClient(h, room(), ticketFor(f, "employee"));
    await waitSynced(manager, employee);
    await publishParticipantRevoked(f.participants.manager.id);
    // A condition, not a stopwatch: the periodic re-check (every 30 s) would come after this wait gives up.
    await waitFor(() => manager.closes.includes(4403), "the manager's socket closed with 4403");
    expect(employee.provider.wsconnected).toBe(true);
    expect(employee.closes).toEqual([]);
  });

  it("closes a signed-out participant's sockets with 4401, so a device with a valid session fetches a new ticket", async () => {
    const union = connectClient(h, room(), ticketFor(f, "union_rep"));
    await waitSynced(union);
    await publishSessionEnded({ participantId: f.participants.union_rep.id });
    await waitFor(() => union.closes.includes(4401), "the union rep's socket closed with 4401", 2_000);
  });

  it("refuses a browser on a foreign or null Origin with 4403 before any frame, and lets a tool without Origin in", async () => {
    for (const origin of ["https://evil.example", "null"]) {
      const raw = rawClient(`${h.url}/${room()}?ticket=${encodeURIComponent(ticketFor(f, "caseworker"))}`, { headers: { Origin: origin } });
      expect((await raw.closed).code, origin).toBe(4403);
      expect(raw.frames, origin).toHaveLength(0);
    }
    const same = rawClient(`${h.url}/${room()}?ticket=${encodeURIComponent(ticketFor(f, "caseworker"))}`, {
      headers: { Origin: `http://127.0.0.1:${h.port}` },
    });
    await waitFor(() => same.frames.length > 0, "the same-origin socket is served");
    same.ws.close();
    const tool = connectClient(h, room(), ticketFor(f, "caseworker"));
    await waitSynced(tool);
  });

  it("records each time a document is opened (repeated opens count up on one row), and nothing for a refused socket", async () => {
    const opens = async () => (await caseworkerRows()).filter((r) => r.what === "meeting_doc").reduce((n, r) => n + r.count, 0);
    const before = await opens();
    const refused = rawClient(`${h.url}/${room()}?ticket=forged`);
    expect((await refused.closed).code).toBe(4401);
    expect(await opens()).toBe(before);
    const cw = connectClient(h, room(), ticketFor(f, "caseworker"));
    await waitSynced(cw);
    expect(await opens()).toBe(before + 1);
    const rows = (await caseworkerRows()).filter((r) => r.what === "meeting_doc");
    // Earlier tests opened this document as the caseworker too: one row, counted up.
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ what: "meeting_doc", purpose: "meeting", resourceId: f.meetingId, actor: { role: "caseworker" } });
  });
});
