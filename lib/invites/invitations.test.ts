import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listJoinLinksOfParticipant } from "@/db/queries/join-links";
import { countLiveSessions } from "@/db/queries/sessions";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { openJoinLink } from "../access/open-join-link";
import { onRevocation, type RevocationEvent } from "../access/revocation-bus";
import { getCaseOverview } from "../cases/get-case-overview";
import { removeParticipant } from "../cases/remove-participant";
import { staffCaseFixture } from "../cases/testing";
import { getMeetingTicket } from "../meetings/get-meeting-ticket";
import { verifyTicket } from "../tickets/collab-ticket";
import { inviteParticipant } from "./invite-participant";
import { reissueInvitation } from "./reissue-invitation";
import { revokeInvitation } from "./revoke-invitation";
import { linkState } from "../cases/link-state";
import { useTempDataDir, outboxFiles } from "../auth/testing";
import { actorsOf, meOfSession, meetingAs, staffWho } from "../testing/actors";
import { runDueJobs } from "../system/work-jobs";

let tdb: TestDatabase;
beforeAll(async () => {
  useTempDataDir();
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

const base = "http://localhost:3000";
const tokenOf = (url: string) => url.split("/join/")[1]!;
const open = (url: string, now?: Date) => openJoinLink({ token: tokenOf(url), ip: "127.0.0.1", userAgent: "vitest", now });
const stateOf = async (staffUserId: string, caseId: string, participantId: string, now?: Date) =>
  (await getCaseOverview({ who: await staffWho(staffUserId), caseId, now })).participants.find((p) => p.id === participantId)!.link;

function listen(): { events: RevocationEvent[]; stop: () => void } {
  const events: RevocationEvent[] = [];
  const stop = onRevocation((e) => events.push(e));
  return { events, stop };
}

describe("inviteParticipant", () => {
  it("answers 401, 403, 400 and 409 before it invites anyone", async () => {
    const a = await staffCaseFixture("inv.a@kommune.example");
    const b = await staffCaseFixture("inv.b@kommune.example");
    const empty = await staffCaseFixture("inv.empty@kommune.example", { withMeeting: false });
    const good = { role: "manager", displayName: "Lars Nielsen" };
    const common = { baseUrl: base, locale: "da" as const };
    await expect(inviteParticipant({ who: await staffWho(null), caseId: a.caseId, raw: good, ...common })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    await expect(inviteParticipant({ who: await staffWho(b.staff.id), caseId: a.caseId, raw: good, ...common })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      inviteParticipant({
        who: await staffWho(a.staff.id),
        caseId: a.caseId,
        raw: { role: "boss", displayName: " ", email: "nope" },
        ...common,
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", details: { role: "required", displayName: "required", email: "invalidEmail" } });
    await expect(
      inviteParticipant({ who: await staffWho(empty.staff.id), caseId: empty.caseId, raw: good, ...common }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    // A refused invitation leaves nobody behind.
    expect((await getCaseOverview({ who: await staffWho(empty.staff.id), caseId: empty.caseId })).participants).toHaveLength(1);
  });

  it("issues a 256-bit link shown once: only its SHA-256 is stored, and it opens this meeting", async () => {
    const a = await staffCaseFixture("inv.hash@kommune.example");
    const issued = await inviteParticipant({
      who: await staffWho(a.staff.id),
      caseId: a.caseId,
      raw: { role: "employee", displayName: "Bodil Jensen", email: "" },
      baseUrl: base,
      locale: "da",
    });
    expect(issued.url).toMatch(/^http:\/\/localhost:3000\/join\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(issued.url);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(issued.qrSvg).toMatch(/^<svg[^>]*viewBox/);
    expect(issued.emailedTo).toBeNull();
    const [stored] = await listJoinLinksOfParticipant(tdb.handle.db, issued.participantId);
    expect(Buffer.from(stored!.tokenHash).equals(createHash("sha256").update(token).digest())).toBe(true);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored!.meetingId).toBe(a.meetingId);
    const opened = await open(issued.url);
    expect(opened.meetingId).toBe(a.meetingId);
  });

  it("e-mails the link when an address is given", async () => {
    const a = await staffCaseFixture("inv.mail@kommune.example");
    const before = outboxFiles().length;
    const issued = await inviteParticipant({
      who: await staffWho(a.staff.id),
      caseId: a.caseId,
      raw: { role: "union_rep", displayName: "Susanne Berg", email: "Susanne@Fagforening.example" },
      baseUrl: base,
      locale: "nb",
    });
    expect(issued.emailedTo).toBe("susanne@fagforening.example");
    await runDueJobs();
    expect(outboxFiles().length).toBe(before + 1);
    expect(outboxFiles().at(-1)).toMatch(/-susanne@fagforening\.example\.eml$/);
  });
});

describe("link states, revoke and re-issue", () => {
  it("shows not yet used → used (when, how often) → withdrawn, and a withdrawn link answers GONE and ends its sessions", async () => {
    const a = await staffCaseFixture("states@kommune.example");
    const issued = await inviteParticipant({
      who: await staffWho(a.staff.id),
      caseId: a.caseId,
      raw: { role: "manager", displayName: "Lars" },
      baseUrl: base,
      locale: "en",
    });
    const pid = issued.participantId;
    expect(await stateOf(a.staff.id, a.caseId, pid)).toMatchObject({ kind: "unused" });

    const s1 = await open(issued.url);
    const s2 = await open(issued.url);
    const used = await stateOf(a.staff.id, a.caseId, pid);
    expect(used).toMatchObject({ kind: "used", count: 2 });
    expect(await countLiveSessions(tdb.handle.db, pid)).toBe(2);

    const bus = listen();
    const r = await revokeInvitation({ who: await staffWho(a.staff.id), caseId: a.caseId, raw: { participantId: pid } });
    bus.stop();
    expect(r).toEqual({ participantId: pid, revoked: 1 });
    expect(bus.events).toEqual([expect.objectContaining({ type: "participant_revoked", participantId: pid })]);
    expect(await stateOf(a.staff.id, a.caseId, pid)).toMatchObject({ kind: "revoked" });
    await expect(open(issued.url)).rejects.toMatchObject({ code: "GONE" });
    for (const s of [s1, s2]) await expect(meOfSession(s.sessionToken)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await countLiveSessions(tdb.handle.db, pid)).toBe(0);
  });

  it("re-issues: the old link dies with its sessions, the new one works and is unused", async () => {
    const a = await staffCaseFixture("reissue@kommune.example");
    const first = await inviteParticipant({
      who: await staffWho(a.staff.id),
      caseId: a.caseId,
      raw: { role: "employee", displayName: "Kurt" },
      baseUrl: base,
      locale: "da",
    });
    const old = await open(first.url);
    const bus = listen();
    const second = await reissueInvitation({
      who: await staffWho(a.staff.id),
      caseId: a.caseId,
      raw: { participantId: first.participantId },
      baseUrl: base,
      locale: "da",
    });
    bus.stop();
    expect(second.url).not.toBe(first.url);
    expect(bus.events.map((e) => e.type)).toEqual(["participant_revoked"]);
    await expect(open(first.url)).rejects.toMatchObject({ code: "GONE" });
    await expect(meOfSession(old.sessionToken)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await stateOf(a.staff.id, a.caseId, first.participantId)).toMatchObject({ kind: "unused" });
    const fresh = await open(second.url);
    expect((await meetingAs(fresh.sessionToken, a.meetingId!)).me.role).toBe("employee");
    expect(await listJoinLinksOfParticipant(tdb.handle.db, first.participantId)).toHaveLength(2);
  });

  it("shows an expired link as expired, and it answers GONE", async () => {
    const a = await staffCaseFixture("expired@kommune.example");
    const issued = await inviteParticipant({
      who: await staffWho(a.staff.id),
      caseId: a.caseId,
      raw: { role: "observer", displayName: "Praktikant" },
      baseUrl: base,
      locale: "da",
    });
    // Links end 30 days after the case's latest meeting (here a week from now): see join-link-expiry.ts.
    const later = new Date(Date.now() + 38 * 86_400_000);
    expect(await stateOf(a.staff.id, a.caseId, issued.participantId, later)).toMatchObject({ kind: "expired" });
    await expect(open(issued.url, later)).rejects.toMatchObject({ code: "GONE" });
  });

  it("refuses to revoke, re-issue or remove people of another case (no probing across cases)", async () => {
    const a = await staffCaseFixture("cross.a@kommune.example");
    const b = await staffCaseFixture("cross.b@kommune.example");
    const theirs = await inviteParticipant({
      who: await staffWho(b.staff.id),
      caseId: b.caseId,
      raw: { role: "manager", displayName: "B's manager" },
      baseUrl: base,
      locale: "da",
    });
    const ref = { participantId: theirs.participantId };
    // Through A's own case: the participant is unknown there.
    await expect(revokeInvitation({ who: await staffWho(a.staff.id), caseId: a.caseId, raw: ref })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      reissueInvitation({ who: await staffWho(a.staff.id), caseId: a.caseId, raw: ref, baseUrl: base, locale: "da" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(removeParticipant({ who: await staffWho(a.staff.id), caseId: a.caseId, raw: ref })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // Through B's case: A is not on it.
    await expect(revokeInvitation({ who: await staffWho(a.staff.id), caseId: b.caseId, raw: ref })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      revokeInvitation({ who: await staffWho(a.staff.id), caseId: a.caseId, raw: { participantId: "x" } }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    // B's link still works.
    await open(theirs.url);
  });

  it("removes a person: links and every session end, the room refuses them, and nobody can remove themselves", async () => {
    const a = await staffCaseFixture("remove@kommune.example");
    const issued = await inviteParticipant({
      who: await staffWho(a.staff.id),
      caseId: a.caseId,
      raw: { role: "union_rep", displayName: "Susanne" },
      baseUrl: base,
      locale: "da",
    });
    const s = await open(issued.url);
    const bus = listen();
    await removeParticipant({ who: await staffWho(a.staff.id), caseId: a.caseId, raw: { participantId: issued.participantId } });
    bus.stop();
    expect(bus.events).toEqual([expect.objectContaining({ type: "participant_revoked", participantId: issued.participantId })]);
    await expect(meetingAs(s.sessionToken, a.meetingId!)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(open(issued.url)).rejects.toMatchObject({ code: "GONE" });
    const overview = await getCaseOverview({ who: await staffWho(a.staff.id), caseId: a.caseId });
    expect(overview.participants.map((p) => p.id)).not.toContain(issued.participantId);
    await expect(
      removeParticipant({ who: await staffWho(a.staff.id), caseId: a.caseId, raw: { participantId: a.caseworkerParticipantId } }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("gives an invited observer a read-only ticket", async () => {
    const a = await staffCaseFixture("observer@kommune.example");
    const issued = await inviteParticipant({
      who: await staffWho(a.staff.id),
      caseId: a.caseId,
      raw: { role: "observer", displayName: "Observatør" },
      baseUrl: base,
      locale: "da",
    });
    const s = await open(issued.url);
    const t = await getMeetingTicket({
      who: await actorsOf({ participantSessionToken: s.sessionToken }),
      meetingId: a.meetingId!,
      wsOrigin: "ws://localhost:3000",
    });
    expect(verifyTicket(t.params.ticket, t.room)).toMatchObject({ participantId: issued.participantId, readOnly: true });
    await expect(
      getMeetingTicket({
        who: await actorsOf({ participantSessionToken: s.sessionToken }),
        meetingId: a.meetingId!,
        wsOrigin: "ws://x",
        doc: "prep",
      }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("linkState", () => {
  const now = new Date("2030-05-01T12:00:00Z");
  const base = {
    revokedAt: null,
    expiresAt: new Date("2030-05-10T00:00:00Z"),
    useCount: 0,
    firstUsedAt: null,
    lastUsedAt: null,
    reusable: true,
  };
  it("puts withdrawn before expired before used", () => {
    expect(linkState(null, now)).toEqual({ kind: "none" });
    expect(linkState(base, now).kind).toBe("unused");
    expect(linkState({ ...base, useCount: 3, firstUsedAt: now, lastUsedAt: now }, now)).toMatchObject({ kind: "used", count: 3 });
    expect(linkState({ ...base, useCount: 3, expiresAt: now }, now).kind).toBe("expired");
    expect(linkState({ ...base, revokedAt: now, expiresAt: new Date(0) }, now).kind).toBe("revoked");
  });
});
