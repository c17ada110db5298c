import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { identify, resolveAccess } from "../access/resolve-access";
import { newToken } from "../access/tokens";
import { openStaffSession } from "../auth/testing";
import { addParticipant } from "../cases/add-participant";
import { staffCaseFixture } from "../cases/testing";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { exportAgreementBundle } from "./export-agreement-bundle";
import { prepareAgreement } from "./prepare-agreement";
import { signAgreement } from "./sign-agreement";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

const staffSession = (userId: string, method: "oidc" | "email-link") => openStaffSession(userId, { method });
const meFor = async (credentials: { staffSessionToken?: string }, target: { meetingId: string } | { agreementId: string }) =>
  (await resolveAccess(await identify(credentials), target)).me;
const actorForMeeting = (credentials: { staffSessionToken?: string }, meetingId: string) => meFor(credentials, { meetingId });

const CLIENT = { ip: null, userAgent: "Vitest" };

describe("a signed-in caseworker (staff session) and the agreement", () => {
  it("acts as their participant on the case: prepares, signs on their own device with their sign-in method, exports", async () => {
    const a = await staffCaseFixture("agreement.cw@kommune.example");
    await addParticipant({ caseId: a.caseId, role: "employee", displayName: "Bodil Jensen" });
    const signedInAfter = Date.now() - 1_000; // the database's clock may lag this process's by a little
    const staffSessionToken = await staffSession(a.staff.id, "oidc");

    const me = await actorForMeeting({ staffSessionToken }, a.meetingId!);
    expect(me).toMatchObject({
      participantId: a.caseworkerParticipantId,
      role: "caseworker",
      actor: { kind: "staff", authMethod: "oidc" },
    });
    // Authenticated by this sign-in (not an older one): its time is the session's.
    expect(me.actor.authenticatedAt.getTime()).toBeGreaterThanOrEqual(signedInAfter);

    const v = await prepareAgreement({ me, meetingId: a.meetingId!, unionRepSigns: false, client: CLIENT });
    const signer = await meFor({ staffSessionToken }, { agreementId: v.agreementId });
    await signAgreement({
      me: signer,
      agreementId: v.agreementId,
      confirmation: { mode: "own-device", typedName: signer.displayName },
      readAndAgreed: true,
      shownHash: v.fingerprint,
      client: CLIENT,
    });
    await expect(exportAgreementBundle({ me: signer, agreementId: v.agreementId })).rejects.toMatchObject({ code: "CONFLICT" }); // the employee has not signed
  });

  it("401 with no or a dead session, 403 for a caseworker not on the case, 404 for an unknown meeting", async () => {
    const a = await staffCaseFixture("agreement.a@kommune.example");
    const b = await staffCaseFixture("agreement.b@kommune.example");
    await expect(actorForMeeting({}, a.meetingId!)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(actorForMeeting({ staffSessionToken: newToken() }, a.meetingId!)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(actorForMeeting({ staffSessionToken: await staffSession(b.staff.id, "email-link") }, a.meetingId!)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      actorForMeeting({ staffSessionToken: await staffSession(a.staff.id, "email-link") }, "00000000-0000-4000-8000-000000000000"),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("cannot prepare an agreement for a case without an employee (409)", async () => {
    const a = await staffCaseFixture("agreement.alone@kommune.example");
    const me = await actorForMeeting({ staffSessionToken: await staffSession(a.staff.id, "email-link") }, a.meetingId!);
    await expect(prepareAgreement({ me, meetingId: a.meetingId!, unionRepSigns: false, client: CLIENT })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { employee: "missing" },
    });
  });
});
