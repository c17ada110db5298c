import { accessLogOf } from "@/lib/testing/access";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordDocumentOpened } from "../audit/record-document-opened";
import { meetingDocName } from "../collab/doc-names";
import { markSeen } from "../collab/flow-read";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { signedInAt } from "../testing/actors";
import { serverNow } from "../time/server-clock";
import { IN_PERSON_METHOD, IN_PERSON_NOT_CONNECTED_METHOD, describeAuthMethod } from "./auth-method-meaning";
import { prepareAgreement } from "./prepare-agreement";
import { signAgreement } from "./sign-agreement";
import { provenEventsOf } from "./proven-events";
import { CLIENT, createAgreementFixture, editMeeting, type AgreementFixture } from "./test-fixtures";

/**
 * Issue 13.1: the sign-in someone joined a meeting with signs at its end. Time is injected (`now`),
 * never waited for; the route-level test moves the server's clock (app/api/agreements/…).
 */
let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

type Role = "caseworker" | "employee" | "manager" | "union_rep";
const own = (name: string) => ({ mode: "own-device" as const, typedName: name });
const minutes = (n: number) => n * 60_000;

/** What the collaboration server does when a participant's socket to the meeting's room opens. */
async function joinRoom(fx: AgreementFixture, role: Role): Promise<void> {
  const p = fx.actors[role];
  await recordDocumentOpened(
    {
      participantId: p.participantId,
      caseId: p.caseId,
      organisationId: p.actor.organisationId,
      role: p.role,
      displayName: p.displayName,
      colorIndex: p.colorIndex,
      readOnly: false,
      session: "participant:test",
      meetingCompleted: false,
    },
    meetingDocName(fx.meetingId),
  );
}

async function prepared() {
  const fx = await createAgreementFixture();
  for (const role of ["caseworker", "employee", "manager"] as const) await joinRoom(fx, role);
  const v = await prepareAgreement({ me: fx.actors.caseworker, meetingId: fx.meetingId, unionRepSigns: false, client: CLIENT });
  return { fx, v };
}

describe("signing at the end of a real meeting", () => {
  it("issue 13.1: the sign-in someone joined with signs at the end of a 120-minute meeting (own device, no new sign-in)", async () => {
    const { fx, v } = await prepared();
    const end = new Date(serverNow().getTime() + minutes(120));
    for (const role of ["employee", "manager", "caseworker"] as const) {
      await signAgreement({
        me: fx.actors[role],
        agreementId: v.agreementId,
        confirmation: own(fx.names[role]),
        readAndAgreed: true,
        shownHash: v.fingerprint,
        client: CLIENT,
        now: end,
      });
    }
    const events = await provenEventsOf(v.agreementId);
    expect(events.map((e) => e.type)).toEqual(["prepared", "signed", "signed", "signed", "sealed"]);
    expect(events.filter((e) => e.type === "signed").map((e) => e.authMethod)).toEqual([
      "own-device:join-link",
      "own-device:join-link",
      "own-device:join-link",
    ]);
  });

  it("keeps the room's heartbeat as the last sign of life: a long meeting whose socket never reconnected still counts", async () => {
    const { fx, v } = await prepared();
    // Connected at the start, heartbeats for four hours (a very long meeting), then signs.
    const end = serverNow().getTime() + minutes(240);
    await editMeeting(fx.meetingId, (doc) => markSeen(doc, fx.participants.employee.id, end - minutes(2)));
    const r = await signAgreement({
      me: fx.actors.employee,
      agreementId: v.agreementId,
      confirmation: own(fx.names.employee),
      readAndAgreed: true,
      shownHash: v.fingerprint,
      client: CLIENT,
      now: new Date(end),
    });
    expect(r.decision).toBe("signed");
  });

  it("still asks a stale sign-in that never was in the meeting's room to open the personal link again (401 stale)", async () => {
    const fx = await createAgreementFixture();
    const v = await prepareAgreement({ me: fx.actors.caseworker, meetingId: fx.meetingId, unionRepSigns: false, client: CLIENT });
    const later = new Date(fx.actors.manager.actor.authenticatedAt.getTime() + minutes(16));
    // A heartbeat alone (any participant can write one for anyone) proves nothing without the server's record of a connection.
    await editMeeting(fx.meetingId, (doc) => markSeen(doc, fx.participants.manager.id, later.getTime()));
    await expect(
      signAgreement({
        me: fx.actors.manager,
        agreementId: v.agreementId,
        confirmation: own(fx.names.manager),
        readAndAgreed: true,
        shownHash: v.fingerprint,
        client: CLIENT,
        now: later,
      }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED", details: { session: "stale" } });
  });

  it("does not count a room visit made with an earlier sign-in, nor one more than three hours ago", async () => {
    const { fx, v } = await prepared();
    // Long after: the room was left hours ago.
    const hoursLater = new Date(serverNow().getTime() + minutes(200));
    await expect(
      signAgreement({
        me: fx.actors.employee,
        agreementId: v.agreementId,
        confirmation: own(fx.names.employee),
        readAndAgreed: true,
        shownHash: v.fingerprint,
        client: CLIENT,
        now: hoursLater,
      }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED", details: { session: "stale" } });
    // A sign-in opened after the room visit did not join the meeting itself.
    const newer = signedInAt(fx.actors.manager, new Date(serverNow().getTime() + minutes(1)));
    await expect(
      signAgreement({
        me: newer,
        agreementId: v.agreementId,
        confirmation: own(fx.names.manager),
        readAndAgreed: true,
        shownHash: v.fingerprint,
        client: CLIENT,
        now: new Date(newer.actor.authenticatedAt.getTime() + minutes(30)),
      }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED", details: { session: "stale" } });
  });

  it("counts a room visit made after the sign-in even when the server merged it into an earlier visit's access-log row", async () => {
    const { fx, v } = await prepared();
    // A new sign-in a minute on, then the room opened again with it: within the access log's
    // merge window, so it counts up on the manager's first row instead of adding one.
    const firstVisit = (await accessLogOf(fx.caseId)).find((r) => r.what === "meeting_doc" && r.actorId === fx.participants.manager.id)!;
    const newer = signedInAt(fx.actors.manager, new Date(firstVisit.at.getTime() + 1));
    await joinRoom(fx, "manager");
    const managerOpenings = (await accessLogOf(fx.caseId)).filter(
      (r) => r.what === "meeting_doc" && r.actorId === fx.participants.manager.id,
    );
    expect(managerOpenings).toHaveLength(1);
    await signAgreement({
      me: newer,
      agreementId: v.agreementId,
      confirmation: own(fx.names.manager),
      readAndAgreed: true,
      shownHash: v.fingerprint,
      client: CLIENT,
      now: new Date(Date.now() + minutes(30)),
    });
  });
});

describe("signing in turn at the caseworker's screen", () => {
  it("attack 12 (also): a shared-screen signature for a participant never connected to the meeting is marked as such in the evidence", async () => {
    // The employee was in the room; the manager never connected.
    const fresh = await createAgreementFixture();
    await joinRoom(fresh, "employee");
    const w = await prepareAgreement({ me: fresh.actors.caseworker, meetingId: fresh.meetingId, unionRepSigns: false, client: CLIENT });
    const atScreen = (role: "employee" | "manager") => ({
      mode: "shared-screen" as const,
      signerParticipantId: fresh.participants[role].id,
      typedName: fresh.names[role],
      identityChecked: true,
    });
    await signAgreement({
      me: fresh.actors.caseworker,
      agreementId: w.agreementId,
      confirmation: atScreen("employee"),
      readAndAgreed: true,
      shownHash: w.fingerprint,
      client: CLIENT,
    });
    await signAgreement({
      me: fresh.actors.caseworker,
      agreementId: w.agreementId,
      confirmation: atScreen("manager"),
      readAndAgreed: true,
      shownHash: w.fingerprint,
      client: CLIENT,
    });
    const signed = (await provenEventsOf(w.agreementId)).filter((e) => e.type === "signed");
    const byRole = Object.fromEntries(signed.map((e) => [e.role, e.authMethod]));
    expect(byRole.employee).toBe(`${IN_PERSON_METHOD}:${fresh.participants.caseworker.id}`);
    expect(byRole.manager).toBe(`${IN_PERSON_NOT_CONNECTED_METHOD}:${fresh.participants.caseworker.id}`);
    expect(describeAuthMethod(byRole.manager!)).toEqual({
      kind: "in-person",
      witnessParticipantId: fresh.participants.caseworker.id,
      signerConnected: false,
    });
  });
});
