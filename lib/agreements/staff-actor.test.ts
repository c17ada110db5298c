import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createAuthAdapter } from "@/db/auth-adapter";
import { newToken } from "../access/tokens";
import { storedSessionToken } from "../auth/session-token";
import { addParticipant } from "../cases/add-participant";
import { staffCaseFixture } from "../cases/testing";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { exportAgreementBundle } from "./export-agreement-bundle";
import { prepareAgreement } from "./prepare-agreement";
import { actorForAgreement, actorForMeeting } from "./require-agreement-actor";
import { signAgreement } from "./sign-agreement";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

async function staffSession(userId: string, method: "oidc" | "email-link"): Promise<string> {
  const token = newToken();
  const adapter = createAuthAdapter(await getDb(), { storedToken: storedSessionToken, authMethod: method });
  await adapter.createSession!({ sessionToken: token, userId, expires: new Date(Date.now() + 3600_000) });
  return token;
}

const CLIENT = { ip: null, userAgent: "Vitest" };

describe("a signed-in caseworker (staff session) and the agreement", () => {
  it("acts as their participant on the case: prepares, signs on their own device with their sign-in method, exports", async () => {
    const a = await staffCaseFixture("agreement.cw@kommune.example");
    await addParticipant({ caseId: a.caseId, role: "employee", displayName: "Bodil Jensen" });
    const signedInAfter = Date.now() - 1_000; // the database's clock may lag this process's by a little
    const staffSessionToken = await staffSession(a.staff.id, "oidc");

    const actor = await actorForMeeting({ staffSessionToken }, a.meetingId!);
    expect(actor.me).toMatchObject({ participantId: a.caseworkerParticipantId, role: "caseworker", authMethod: "oidc" });
    // Authenticated by this sign-in (not an older one): its time is the session's.
    expect(actor.authenticatedAt.getTime()).toBeGreaterThanOrEqual(signedInAfter);

    const v = await prepareAgreement({ actor, meetingId: a.meetingId!, unionRepSigns: false, client: CLIENT });
    const signer = await actorForAgreement({ staffSessionToken }, v.agreementId);
    await signAgreement({ actor: signer, agreementId: v.agreementId, confirmation: { mode: "own-device", typedName: signer.me.displayName }, readAndAgreed: true, shownHash: v.fingerprint, client: CLIENT });
    await expect(exportAgreementBundle({ me: signer.me, agreementId: v.agreementId })).rejects.toMatchObject({ code: "CONFLICT" }); // the employee has not signed
  });

  it("401 with no or a dead session, 403 for a caseworker not on the case, 404 for an unknown meeting", async () => {
    const a = await staffCaseFixture("agreement.a@kommune.example");
    const b = await staffCaseFixture("agreement.b@kommune.example");
    await expect(actorForMeeting({}, a.meetingId!)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(actorForMeeting({ staffSessionToken: newToken() }, a.meetingId!)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(actorForMeeting({ staffSessionToken: await staffSession(b.staff.id, "email-link") }, a.meetingId!)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(actorForMeeting({ staffSessionToken: await staffSession(a.staff.id, "email-link") }, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("cannot prepare an agreement for a case without an employee (409)", async () => {
    const a = await staffCaseFixture("agreement.alone@kommune.example");
    const actor = await actorForMeeting({ staffSessionToken: await staffSession(a.staff.id, "email-link") }, a.meetingId!);
    await expect(prepareAgreement({ actor, meetingId: a.meetingId!, unionRepSigns: false, client: CLIENT })).rejects.toMatchObject({ code: "CONFLICT", details: { employee: "missing" } });
  });
});
