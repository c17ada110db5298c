import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getMeetingTicket } from "@/lib/meetings/get-meeting-ticket";
import { meetingDocName } from "@/lib/collab/doc-names";
import { prepNoteText } from "@/lib/collab/prep-notes";
import { actorsOf } from "@/lib/testing/actors";
import { createFixtureCase, type FixtureCase } from "@/lib/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { issueTicket } from "@/lib/tickets/collab-ticket";
import { connectClient, destroyAllClients, rawClient, startHarness, syncFrame, waitFor, waitSynced, type Harness } from "./test-harness";

/**
 * The treating doctor never receives a byte of the private preparation — nor of the shared
 * meeting document, which holds notes and a running summary a doctor is not shown
 * (docs/permissions.md, "The treating doctor"). Even a genuine ticket, as if issued by mistake,
 * is closed 4403 before any sync frame.
 */
const SECRET = "Forberedelse: vil ikke tale om angsten på mødet";
const ws = "ws://127.0.0.1";

let tdb: TestDatabase;
let h: Harness;
let f: FixtureCase;
let prepRoom: string;

beforeAll(async () => {
  tdb = await createTestDatabase();
  h = await startHarness();
  f = await createFixtureCase();
  const prep = await getMeetingTicket({
    who: await actorsOf({ participantSessionToken: f.participants.employee.sessionToken }),
    meetingId: f.meetingId,
    wsOrigin: ws,
    doc: "prep",
  });
  prepRoom = prep.room;
  const employee = connectClient(h, prep.room, prep.params.ticket, { reconnect: false });
  await waitSynced(employee);
  prepNoteText(employee.doc, "health").insert(0, SECRET);
  // The caseworker receiving it proves the server holds it (persisted before it is broadcast).
  const cw = await getMeetingTicket({
    who: await actorsOf({ participantSessionToken: f.participants.caseworker.sessionToken }),
    meetingId: f.meetingId,
    wsOrigin: ws,
    doc: "prep",
  });
  const caseworker = connectClient(h, cw.room, cw.params.ticket, { reconnect: false });
  await waitSynced(caseworker);
  await waitFor(() => prepNoteText(caseworker.doc, "health").toString() === SECRET, "the caseworker sees the preparation");
}, 120_000);
afterEach(() => destroyAllClients());
afterAll(async () => {
  await h.stop();
  await tdb.drop();
});

/** A doctor's socket with a genuine ticket for `room`: what it receives before the server closes it. */
async function doctorAttempt(room: string) {
  const ticket = issueTicket(
    { doc: room, participantId: f.participants.doctor.id, session: f.participants.doctor.session, readOnly: true },
    60,
  );
  const c = rawClient(`${h.url}/${room}?ticket=${encodeURIComponent(ticket)}`);
  await c.opened;
  c.send(syncFrame(0, new Uint8Array([0])));
  const closed = await c.closed;
  const received = Buffer.concat(c.frames.map((fr) => Buffer.from(fr)));
  return { code: closed.code, frames: c.frames.length, received };
}

describe("the treating doctor's socket", () => {
  it("gets no ticket for the preparation or the shared document", async () => {
    const who = await actorsOf({ participantSessionToken: f.participants.doctor.sessionToken });
    for (const doc of ["prep", "meeting"]) {
      await expect(getMeetingTicket({ who, meetingId: f.meetingId, wsOrigin: ws, doc }), doc).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("receives no byte of the private preparation: closed 4403 before any frame, even with a genuine ticket", async () => {
    const got = await doctorAttempt(prepRoom);
    expect(got).toMatchObject({ code: 4403, frames: 0 });
    expect(got.received.includes(Buffer.from(SECRET))).toBe(false);
  });

  it("receives no byte of the shared meeting document either", async () => {
    expect(await doctorAttempt(meetingDocName(f.meetingId))).toMatchObject({ code: 4403, frames: 0 });
  });
});
