import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createAuthAdapter } from "@/db/auth-adapter";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { createFixtureCase } from "../testing/fixtures";
import { staffCaseFixture } from "../cases/testing";
import { removeParticipant } from "../cases/remove-participant";
import { endParticipantSession } from "../access/end-participant-session";
import { closeRevocationBus } from "../access/revocation-bus";
import { staffSessionRef } from "../access/session-ref";
import { storedSessionToken } from "../access/session-token";
import { openStaffSession, useTempDataDir } from "../auth/testing";
import { inviteParticipant } from "../invites/invite-participant";
import { completeMeeting } from "../meetings/complete-meeting";
import { recheckCollabAccess } from "./recheck-collab-access";
import { actorsOf, staffWho } from "../testing/actors";

let tdb: TestDatabase;
beforeAll(async () => {
  useTempDataDir();
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await closeRevocationBus();
  await tdb.drop();
});

describe("recheckCollabAccess", () => {
  it("answers ok for live sessions, session_ended for ended or expired ones, in the order asked", async () => {
    const f = await createFixtureCase();
    const e = f.participants.employee;
    const m = f.participants.manager;
    const claims = [
      { participantId: e.id, session: e.session, meetingId: null },
      { participantId: m.id, session: m.session, meetingId: null },
    ];
    expect(await recheckCollabAccess(claims)).toEqual(["ok", "ok"]);
    await endParticipantSession(m.sessionToken);
    expect(await recheckCollabAccess(claims)).toEqual(["ok", "session_ended"]);
    // Sessions expire without any event: the re-check notices (fixture sessions live one day).
    expect(await recheckCollabAccess(claims, new Date(Date.now() + 2 * 86_400_000))).toEqual(["session_ended", "session_ended"]);
  });

  it("answers session_ended for a session that belongs to someone else", async () => {
    const f = await createFixtureCase();
    expect(
      await recheckCollabAccess([{ participantId: f.participants.employee.id, session: f.participants.manager.session, meetingId: null }]),
    ).toEqual(["session_ended"]);
  });

  it("answers removed for a participant taken off the case, and for one that does not exist", async () => {
    const a = await staffCaseFixture("recheck.removed@kommune.example");
    const staffToken = await openStaffSession(a.staff.id);
    const caseworker = {
      participantId: a.caseworkerParticipantId,
      session: staffSessionRef(storedSessionToken(staffToken)),
      meetingId: null,
    };
    expect(await recheckCollabAccess([caseworker])).toEqual(["ok"]);
    const f = await createFixtureCase();
    const ghost = { participantId: "00000000-0000-4000-8000-000000000000", session: f.participants.manager.session, meetingId: null };
    expect(await recheckCollabAccess([ghost])).toEqual(["removed"]);
    const issued = await inviteParticipant({
      who: await staffWho(a.staff.id),
      caseId: a.caseId,
      raw: { role: "manager", displayName: "Lars" },
      baseUrl: "http://x",
      locale: "da",
    });
    await removeParticipant({ who: await staffWho(a.staff.id), caseId: a.caseId, raw: { participantId: issued.participantId } });
    expect(
      await recheckCollabAccess([
        { participantId: issued.participantId, session: f.participants.manager.session, meetingId: null },
        caseworker,
      ]),
    ).toEqual(["removed", "ok"]);
  });

  it("answers meeting_completed for a socket on a completed meeting's room, and ok on the preparation", async () => {
    const f = await createFixtureCase();
    const e = f.participants.employee;
    const onRoom = { participantId: e.id, session: e.session, meetingId: f.meetingId };
    const onPrep = { participantId: e.id, session: e.session, meetingId: null };
    expect(await recheckCollabAccess([onRoom, onPrep])).toEqual(["ok", "ok"]);
    await completeMeeting({
      who: await actorsOf({ participantSessionToken: f.participants.caseworker.sessionToken }),
      meetingId: f.meetingId,
    });
    expect(await recheckCollabAccess([onRoom, onPrep])).toEqual(["meeting_completed", "ok"]);
  });

  it("answers session_ended for a staff session after sign-out (the row is gone)", async () => {
    const a = await staffCaseFixture("recheck.staff@kommune.example");
    const token = await openStaffSession(a.staff.id);
    const other = await openStaffSession(a.staff.id);
    const claim = (t: string) => ({
      participantId: a.caseworkerParticipantId,
      session: staffSessionRef(storedSessionToken(t)),
      meetingId: null,
    });
    await createAuthAdapter(await getDb(), { storedToken: storedSessionToken, authMethod: null }).deleteSession!(token);
    expect(await recheckCollabAccess([claim(token), claim(other)])).toEqual(["session_ended", "ok"]);
  });
});
