import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { recordDocumentOpened } from "@/lib/audit/record-document-opened";
import { meetingDocName } from "@/lib/collab/doc-names";
import { prepareAgreement } from "@/lib/agreements/prepare-agreement";
import { CLIENT, createAgreementFixture } from "@/lib/agreements/test-fixtures";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { setTestClockOffset } from "@/lib/time/server-clock";
import { POST as postSign } from "./[id]/sign/route";

/**
 * Issue 13.1 at the edge: `POST /api/agreements/<id>/sign` with the session someone joined the
 * meeting with, after a 120-minute meeting — the server's clock moved by the test clock
 * (lib/time/server-clock.ts), not by waiting.
 */
let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});
afterEach(() => setTestClockOffset(0));

function signRequest(agreementId: string, session: string, body: unknown): Request {
  return new Request(`http://localhost:3000/api/agreements/${agreementId}/sign`, {
    method: "POST",
    headers: {
      host: "localhost:3000",
      origin: "http://localhost:3000",
      cookie: `stepwise.session=${session}`,
      "content-type": "application/json",
      "user-agent": "route-test",
    },
    body: JSON.stringify(body),
  });
}

describe("POST /api/agreements/<id>/sign at the end of a long meeting", () => {
  it("issue 13.1: POST /sign with the session someone joined with is accepted (201) after a 120-minute meeting", async () => {
    const fx = await createAgreementFixture();
    // Each joins the meeting's room at the start (what the collaboration server records at connect).
    for (const role of ["caseworker", "employee", "manager"] as const) {
      const me = fx.actors[role];
      await recordDocumentOpened(
        {
          participantId: me.participantId,
          caseId: me.caseId,
          organisationId: me.actor.organisationId,
          role: me.role,
          displayName: me.displayName,
          colorIndex: me.colorIndex,
          readOnly: false,
          session: "participant:test",
          meetingCompleted: false,
        },
        meetingDocName(fx.meetingId),
      );
    }
    const v = await prepareAgreement({ me: fx.actors.caseworker, meetingId: fx.meetingId, unionRepSigns: false, client: CLIENT });
    setTestClockOffset(120 * 60_000);
    const answers: unknown[] = [];
    for (const role of ["employee", "manager", "caseworker"] as const) {
      const res = await postSign(
        signRequest(v.agreementId, fx.sessions[role], {
          mode: "own-device",
          typedName: fx.names[role],
          readAndAgreed: true,
          shownHash: v.fingerprint,
        }),
        { params: Promise.resolve({ id: v.agreementId }) },
      );
      answers.push(await res.json());
      expect(res.status, `${role}: ${JSON.stringify(answers.at(-1))}`).toBe(201);
    }
    // The last required signature made it binding.
    expect(answers.at(-1)).toMatchObject({ decision: "signed", sealed: true });
  });

  it("still answers 401 stale to a sign-in that never was in the room, 120 minutes on", async () => {
    const fx = await createAgreementFixture();
    const v = await prepareAgreement({ me: fx.actors.caseworker, meetingId: fx.meetingId, unionRepSigns: false, client: CLIENT });
    setTestClockOffset(120 * 60_000);
    const res = await postSign(
      signRequest(v.agreementId, fx.sessions.employee, {
        mode: "own-device",
        typedName: fx.names.employee,
        readAndAgreed: true,
        shownHash: v.fingerprint,
      }),
      {
        params: Promise.resolve({ id: v.agreementId }),
      },
    );
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ details: { session: "stale" } });
  });
});
