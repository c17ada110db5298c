import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openJoinLink } from "../access/open-join-link";
import { useTempDataDir, outboxFiles } from "../auth/testing";
import { runDueJobs } from "../system/work-jobs";
import { getCaseOverview } from "../cases/get-case-overview";
import { staffCaseFixture } from "../cases/testing";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { inviteParticipant } from "./invite-participant";
import { reissueInvitation } from "./reissue-invitation";
import { showInvitationAgain } from "./show-invitation-again";
import { meOfSession, staffWho } from "../testing/actors";

/**
 * Issue 13.1: someone without e-mail (the union representative) can always get back in — the
 * caseworker shows their link again without withdrawing the one they have; replacing it stays an
 * explicit, separate choice.
 */
let tdb: TestDatabase;
beforeAll(async () => {
  useTempDataDir();
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

const common = { baseUrl: "http://localhost:3000", locale: "da" as const };
const open = (url: string) => openJoinLink({ token: url.split("/join/")[1]!, ip: null, userAgent: "vitest" });
const stateOf = async (staffUserId: string, caseId: string, participantId: string) =>
  (await getCaseOverview({ who: await staffWho(staffUserId), caseId })).participants.find((p) => p.id === participantId)!.link;

describe("showInvitationAgain", () => {
  it("shows a union representative's link again, and the link and the session she has keep working", async () => {
    const a = await staffCaseFixture("again.a@kommune.example");
    const first = await inviteParticipant({
      who: await staffWho(a.staff.id),
      caseId: a.caseId,
      raw: { role: "union_rep", displayName: "Tina Tillid", email: "" },
      ...common,
    });
    const session = await open(first.url);

    const again = await showInvitationAgain({
      who: await staffWho(a.staff.id),
      caseId: a.caseId,
      raw: { participantId: first.participantId },
      ...common,
    });
    expect(again.url).not.toBe(first.url);
    expect(again.qrSvg).toContain("<svg");
    expect(again.participantId).toBe(first.participantId);
    // Nothing was withdrawn: her session, her old link and the new one all let her in as herself.
    expect((await meOfSession(session.sessionToken)).participantId).toBe(first.participantId);
    expect((await open(first.url)).participantId).toBe(first.participantId);
    expect((await open(again.url)).participantId).toBe(first.participantId);
    // The caseworker still sees her link as used (by any of her links), not "not used yet".
    expect(await stateOf(a.staff.id, a.caseId, first.participantId)).toMatchObject({ kind: "used", count: 3 });
  });

  it("sends no e-mail (the person still has theirs), where inviting did", async () => {
    const a = await staffCaseFixture("again.mail@kommune.example");
    const before = outboxFiles().length;
    const first = await inviteParticipant({
      who: await staffWho(a.staff.id),
      caseId: a.caseId,
      raw: { role: "manager", displayName: "Lars", email: "lars@firma.example" },
      ...common,
    });
    await runDueJobs();
    expect(outboxFiles().length).toBe(before + 1);
    const again = await showInvitationAgain({
      who: await staffWho(a.staff.id),
      caseId: a.caseId,
      raw: { participantId: first.participantId },
      ...common,
    });
    expect(again.emailedTo).toBeNull();
    await runDueJobs();
    expect(outboxFiles().length).toBe(before + 1);
  });

  it("is the caseworker's alone: 401, 403 for another case's caseworker, 400 and 404 for a bad or foreign person", async () => {
    const a = await staffCaseFixture("again.auth.a@kommune.example");
    const b = await staffCaseFixture("again.auth.b@kommune.example");
    const p = await inviteParticipant({
      who: await staffWho(a.staff.id),
      caseId: a.caseId,
      raw: { role: "employee", displayName: "Bodil", email: "" },
      ...common,
    });
    const raw = { participantId: p.participantId };
    await expect(showInvitationAgain({ who: await staffWho(null), caseId: a.caseId, raw, ...common })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    await expect(showInvitationAgain({ who: await staffWho(b.staff.id), caseId: a.caseId, raw, ...common })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      showInvitationAgain({ who: await staffWho(a.staff.id), caseId: a.caseId, raw: { participantId: "nope" }, ...common }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(showInvitationAgain({ who: await staffWho(b.staff.id), caseId: b.caseId, raw, ...common })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("leaves replacing the link an explicit choice: re-issuing still withdraws the old one", async () => {
    const a = await staffCaseFixture("again.reissue@kommune.example");
    const first = await inviteParticipant({
      who: await staffWho(a.staff.id),
      caseId: a.caseId,
      raw: { role: "employee", displayName: "Bodil", email: "" },
      ...common,
    });
    const again = await showInvitationAgain({
      who: await staffWho(a.staff.id),
      caseId: a.caseId,
      raw: { participantId: first.participantId },
      ...common,
    });
    const fresh = await reissueInvitation({
      who: await staffWho(a.staff.id),
      caseId: a.caseId,
      raw: { participantId: first.participantId },
      ...common,
    });
    await expect(open(first.url)).rejects.toMatchObject({ code: "GONE" });
    await expect(open(again.url)).rejects.toMatchObject({ code: "GONE" });
    expect((await open(fresh.url)).participantId).toBe(first.participantId);
  });
});
