import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiToken } from "@/lib/api/create-api-token";
import * as c from "@/lib/api/contract";
import { revokeApiToken } from "@/lib/api/revoke-api-token";
import { anotherOrganisationId, homeOrganisationId, linkCaseworkerToStaff, staffWithRole } from "@/lib/api/testing";
import { openStaffSession } from "@/lib/auth/testing";
import { provisionCaseworker, type StaffUser } from "@/lib/auth/provision-caseworker";
import { staffCaseFixture } from "@/lib/cases/testing";
import { resetEnvCache } from "@/lib/env";
import { createBoundCase, type BoundCase } from "@/lib/followup/testing";
import { accessLogOf } from "@/lib/testing/access";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { addDays, dateInZone } from "@/lib/time/zoned";
import { GET as agreementBundle } from "./agreements/[id]/bundle/route";
import { GET as agreementPdf } from "./agreements/[id]/pdf/route";
import { GET as listAgreements } from "./cases/[id]/agreements/route";
import { POST as closeCase } from "./cases/[id]/close/route";
import { POST as scheduleMeeting } from "./cases/[id]/meetings/route";
import { GET as getCase } from "./cases/[id]/route";
import { GET as listCases, POST as createCase } from "./cases/route";
import { POST as invite } from "./meetings/[id]/invitations/route";
import { PATCH as changeMeeting } from "./meetings/[id]/route";
import { error, json, params, req, UNKNOWN, type Who } from "./testing";

// Keeping a staff session alive goes through Auth.js's Next glue, which needs Next's request scope.
vi.mock("@/app/_server/auth", () => ({ auth: async () => null }));

/**
 * The /api/v1/ route handlers, called directly with real Requests on a real database: each
 * endpoint's answer (checked against its contract schema, the one the OpenAPI document shows),
 * and 401 without credentials, 403 outside the role, 404 for ids of another organisation, 400
 * naming the fields, 409 on a state conflict; tokens stored hashed and refused once revoked; the
 * rate limit's 429 with Retry-After.
 */
let tdb: TestDatabase;
let home: string;
let elsewhere: string;
let mette: StaffUser;
let other: StaffUser;
let stranger: StaffUser;
let token: string;
let foreignToken: string;
let bound: BoundCase;
let metteCase: { caseId: string; meetingId: string };
beforeAll(async () => {
  tdb = await createTestDatabase();
  home = await homeOrganisationId();
  elsewhere = await anotherOrganisationId();
  mette = await provisionCaseworker({ email: "mette@jobcenter.example", name: "Mette Sørensen" });
  other = await provisionCaseworker({ email: "ole@jobcenter.example", name: "Ole Hansen" });
  stranger = await provisionCaseworker({ email: "sara@andetsteds.example", name: "Sara Lund", organisationId: elsewhere });
  token = (await createApiToken({ organisationId: home, raw: { name: "Case system" } })).token;
  // A token of another organisation: nothing of this one exists for it.
  foreignToken = (await createApiToken({ organisationId: elsewhere, raw: { name: "Their system" } })).token;
  const s = await staffCaseFixture("mette@jobcenter.example");
  metteCase = { caseId: s.caseId, meetingId: s.meetingId! };
  bound = await createBoundCase();
  await linkCaseworkerToStaff(bound.participants.caseworker.id, mette.id);
});
afterAll(async () => {
  await tdb.drop();
});

const inAWeek = (time = "09:00") => `${addDays(dateInZone(new Date()), 7)}T${time}:00+01:00`;

describe("POST /api/v1/cases", () => {
  const valid = {
    employeeName: "Karen Holm",
    employeeEmail: "karen@example.dk",
    employerName: "Bageriet ApS",
    track: "employed",
    reference: "SAG-2026-0042",
    sickLeaveStart: "2026-10-01",
    caseworkerEmail: "Mette@Jobcenter.example",
  };
  const post = (body: unknown, who: Who) => createCase(req("/api/v1/cases", { ...who, method: "POST", body }));

  it("opens a case for the named caseworker (201), who then finds it among their cases", async () => {
    const { caseId } = await json(await post(valid, { token }), c.ZApiCreated, 201);
    const got = await json(await getCase(req(`/api/v1/cases/${caseId}`, { token }), params(caseId)), c.ZApiCase, 200);
    expect(got).toMatchObject({
      caseId,
      employeeName: "Karen Holm",
      employerName: "Bageriet ApS",
      state: "open",
      track: "employed",
      reference: "SAG-2026-0042",
      sickLeaveStart: "2026-10-01",
      outcome: null,
    });
    const staff = await openStaffSession(mette.id);
    expect((await getCase(req(`/api/v1/cases/${caseId}`, { staff }), params(caseId))).status).toBe(200);
  });

  it("401 without credentials, with a participant's session, or with a token that is not one", async () => {
    await error(await post(valid, {}), 401);
    await error(await post(valid, { participant: bound.participants.employee.sessionToken }), 401);
    await error(await post(valid, { token: "stw_" + "A".repeat(43) }), 401);
  });

  it("400 naming each wrong field; an unknown caseworker or one of another organisation is a field error too", async () => {
    const bad = await error(
      await post({ employeeName: "", track: "retired", sickLeaveStart: "2026-02-31", caseworkerEmail: "nope" }, { token }),
      400,
    );
    expect(bad).toMatchObject({ error: "INVALID_INPUT" });
    expect(Object.keys(bad.details!).sort()).toEqual(["caseworkerEmail", "employeeName", "employerName", "sickLeaveStart", "track"]);
    expect(bad.details!.sickLeaveStart).toBe("invalidDate");
    expect((await error(await post({ ...valid, caseworkerEmail: "stranger@example.dk" }, { token }), 400)).details).toEqual({
      caseworkerEmail: "unknownCaseworker",
    });
    expect(
      (await error(await post({ ...valid, caseworkerEmail: "mette@jobcenter.example" }, { token: foreignToken }), 400)).details,
    ).toEqual({
      caseworkerEmail: "unknownCaseworker",
    });
    expect((await error(await post({ ...valid, caseworkerEmail: "sara@andetsteds.example" }, { token }), 400)).details).toEqual({
      caseworkerEmail: "unknownCaseworker",
    });
    await error(await post("{not json", { token }), 400);
  });

  it("403 when a caseworker opens a case for a colleague with their own session", async () => {
    const staff = await openStaffSession(other.id);
    await error(await post(valid, { staff }), 403);
    await json(await post({ ...valid, caseworkerEmail: "ole@jobcenter.example" }, { staff }), c.ZApiCreated, 201);
  });
});

describe("GET /api/v1/cases", () => {
  const list = (query: string, who: Who) => listCases(req(`/api/v1/cases${query}`, who));

  it("lists the organisation's cases for a token, a staff member's own for them; searches; pages", async () => {
    const all = await json(await list("", { token }), c.ZApiCaseList, 200);
    expect(all.items.map((i) => i.caseId)).toEqual(expect.arrayContaining([metteCase.caseId, bound.caseId]));
    expect(all.next).toBeNull();
    const found = await json(await list("?q=bodil", { token }), c.ZApiCaseList, 200);
    expect(found.items.map((i) => i.caseId)).toEqual([metteCase.caseId]);
    const staff = await openStaffSession(other.id);
    const own = await json(await list("", { staff }), c.ZApiCaseList, 200);
    expect(own.items.every((i) => i.caseId !== metteCase.caseId)).toBe(true);
    expect((await json(await list("?page=2", { token }), c.ZApiCaseList, 200)).items).toEqual([]);
    // Nothing of this organisation exists for another's token.
    expect((await json(await list("", { token: foreignToken }), c.ZApiCaseList, 200)).items).toEqual([]);
    // Their own cases are theirs alone.
    const theirs = await json(
      await createCase(
        req("/api/v1/cases", {
          token: foreignToken,
          method: "POST",
          body: { employeeName: "Per Olsen", employerName: "", track: "unemployed", caseworkerEmail: "sara@andetsteds.example" },
        }),
      ),
      c.ZApiCreated,
      201,
    );
    expect((await json(await list("", { token: foreignToken }), c.ZApiCaseList, 200)).items.map((i) => i.caseId)).toEqual([theirs.caseId]);
    expect((await json(await list("", { token }), c.ZApiCaseList, 200)).items.map((i) => i.caseId)).not.toContain(theirs.caseId);
  });

  it("records each case listed in the access log, naming the system by its token's name", async () => {
    await list("?q=bodil", { token });
    expect((await accessLogOf(metteCase.caseId)).some((e) => e.what === "case_list" && e.actorKind === "system")).toBe(true);
  });

  it("401 without credentials; 403 for an administrator (who sees no case content); 400 for a page or state that is not one", async () => {
    await error(await list("", {}), 401);
    const admin = await staffWithRole({ email: "admin@jobcenter.example", role: "admin", organisationId: home });
    await error(await list("", { staff: await openStaffSession(admin.id) }), 403);
    expect((await error(await list("?page=0&state=lost", { token }), 400)).details).toEqual({ page: "invalidPage", state: "invalidState" });
  });
});

describe("GET /api/v1/cases/<id>", () => {
  const get = (id: string, who: Who) => getCase(req(`/api/v1/cases/${id}`, who), params(id));

  it("answers the case and its meetings", async () => {
    const got = await json(await get(metteCase.caseId, { token }), c.ZApiCase, 200);
    expect(got.meetings.map((m) => m.meetingId)).toEqual([metteCase.meetingId]);
    expect(got.meetings[0]).toMatchObject({ minutes: 60, place: "Jobcentret", status: "planned" });
  });

  it("401 without credentials, 403 for a staff member not on the case, 404 for an unknown id or another organisation's case", async () => {
    await error(await get(metteCase.caseId, {}), 401);
    await error(await get(metteCase.caseId, { staff: await openStaffSession(other.id) }), 403);
    // A staff member of another organisation: as if the case did not exist.
    await error(await get(metteCase.caseId, { staff: await openStaffSession(stranger.id) }), 404);
    await error(await get(UNKNOWN, { token }), 404);
    await error(await get("not-an-id", { token }), 404);
    // The same answer as for an id that does not exist: no existence leak.
    expect(await error(await get(metteCase.caseId, { token: foreignToken }), 404)).toEqual(
      await error(await get(UNKNOWN, { token: foreignToken }), 404),
    );
  });
});

describe("POST /api/v1/cases/<id>/meetings and PATCH /api/v1/meetings/<id>", () => {
  const schedule = (id: string, body: unknown, who: Who) =>
    scheduleMeeting(req(`/api/v1/cases/${id}/meetings`, { ...who, method: "POST", body }), params(id));
  const patch = (id: string, body: unknown, who: Who) =>
    changeMeeting(req(`/api/v1/meetings/${id}`, { ...who, method: "PATCH", body }), params(id));

  it("schedules (201), moves (the calendar's sequence goes up, the rest stays) and cancels; a cancelled meeting is a 409", async () => {
    const { meetingId } = await json(
      await schedule(metteCase.caseId, { startsAt: inAWeek(), minutes: 45, place: "Jobcentret, lokale 2" }, { token }),
      c.ZApiMeetingCreated,
      201,
    );
    const created = (
      await json(await getCase(req(`/api/v1/cases/${metteCase.caseId}`, { token }), params(metteCase.caseId)), c.ZApiCase, 200)
    ).meetings.find((m) => m.meetingId === meetingId)!;
    expect(created).toMatchObject({ minutes: 45, place: "Jobcentret, lokale 2", title: "Opfølgningsmøde" });
    expect(new Date(created.startsAt).getTime()).toBe(new Date(inAWeek()).getTime());

    const moved = await json(
      await patch(meetingId, { startsAt: inAWeek("13:30"), videoUrl: "https://video.example/room" }, { token }),
      c.ZApiMeetingChanged,
      200,
    );
    expect(moved).toMatchObject({ meetingId, status: "planned" });
    const after = (
      await json(await getCase(req(`/api/v1/cases/${metteCase.caseId}`, { token }), params(metteCase.caseId)), c.ZApiCase, 200)
    ).meetings.find((m) => m.meetingId === meetingId)!;
    expect(after).toMatchObject({ minutes: 45, place: "Jobcentret, lokale 2", videoUrl: "https://video.example/room" });
    expect(new Date(after.startsAt).getTime()).toBe(new Date(inAWeek("13:30")).getTime());

    const cancelled = await json(
      await patch(meetingId, { status: "cancelled", message: "Vi finder en ny tid." }, { token }),
      c.ZApiMeetingChanged,
      200,
    );
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.sequence).toBeGreaterThan(moved.sequence);
    expect((await error(await patch(meetingId, { status: "cancelled" }, { token }), 409)).error).toBe("CONFLICT");
    await error(await patch(meetingId, { minutes: 30 }, { token }), 409);
  });

  it("400 naming the fields", async () => {
    const bad = await error(
      await schedule(metteCase.caseId, { startsAt: "next tuesday", minutes: 5, videoUrl: "http://insecure" }, { token }),
      400,
    );
    expect(bad.details).toEqual({ startsAt: "invalidDateTime", minutes: "duration", videoUrl: "url" });
    expect((await error(await schedule(metteCase.caseId, { startsAt: inAWeek(), minutes: 30 }, { token }), 400)).details).toEqual({
      place: "placeOrVideo",
    });
    expect((await error(await patch(metteCase.meetingId, {}, { token }), 400)).details).toEqual({ body: "nothingToChange" });
    expect((await error(await patch(metteCase.meetingId, { status: "cancelled", minutes: 30 }, { token }), 400)).details).toEqual({
      status: "cancelOrMove",
    });
    expect((await error(await patch(metteCase.meetingId, { status: "done" }, { token }), 400)).details).toEqual({
      status: "invalidStatus",
    });
  });

  it("401 without credentials, 403 for a staff member not on the case, 404 for another organisation's case or meeting", async () => {
    const body = { startsAt: inAWeek(), minutes: 45, place: "Jobcentret" };
    await error(await schedule(metteCase.caseId, body, {}), 401);
    await error(await patch(metteCase.meetingId, { minutes: 30 }, {}), 401);
    const staff = await openStaffSession(other.id);
    await error(await schedule(metteCase.caseId, body, { staff }), 403);
    await error(await patch(metteCase.meetingId, { minutes: 30 }, { staff }), 403);
    await error(await schedule(metteCase.caseId, body, { token: foreignToken }), 404);
    await error(await patch(metteCase.meetingId, { minutes: 30 }, { token: foreignToken }), 404);
    await error(await patch(UNKNOWN, { minutes: 30 }, { token }), 404);
  });
});

describe("POST /api/v1/meetings/<id>/invitations", () => {
  const post = (id: string, body: unknown, who: Who) =>
    invite(req(`/api/v1/meetings/${id}/invitations`, { ...who, method: "POST", body }), params(id));

  it("invites a person (201) with their personal link, which opens the meeting", async () => {
    const got = await json(
      await post(metteCase.meetingId, { role: "manager", name: "Lars Berg", email: "lars@example.dk" }, { token }),
      c.ZApiInvited,
      201,
    );
    expect(got.joinUrl).toMatch(/\/join\/[A-Za-z0-9_-]{43}$/);
  });

  it("400, 401, 403, 404, and 409 for a cancelled meeting's case with no meeting left to invite to", async () => {
    expect((await error(await post(metteCase.meetingId, { role: "boss", name: "" }, { token }), 400)).details).toEqual({
      role: "required",
      name: "required",
    });
    await error(await post(metteCase.meetingId, { role: "manager", name: "Lars" }, {}), 401);
    await error(await post(metteCase.meetingId, { role: "manager", name: "Lars" }, { staff: await openStaffSession(other.id) }), 403);
    await error(await post(metteCase.meetingId, { role: "manager", name: "Lars" }, { token: foreignToken }), 404);
    const lonely = await staffCaseFixture("lonely@jobcenter.example");
    await changeMeeting(
      req(`/api/v1/meetings/${lonely.meetingId}`, { token, method: "PATCH", body: { status: "cancelled" } }),
      params(lonely.meetingId!),
    );
    await error(await post(lonely.meetingId!, { role: "manager", name: "Lars" }, { token }), 409);
  });
});

describe("agreements: GET /api/v1/cases/<id>/agreements, /api/v1/agreements/<id>/pdf and /bundle", () => {
  it("lists the versions and names the binding one; its PDF and verification file download", async () => {
    const list = await json(
      await listAgreements(req(`/api/v1/cases/${bound.caseId}/agreements`, { token }), params(bound.caseId)),
      c.ZApiAgreementList,
      200,
    );
    expect(list.binding).toBe(bound.agreementId);
    expect(list.items).toEqual([
      expect.objectContaining({ agreementId: bound.agreementId, state: "binding", fingerprint: bound.fingerprint }),
    ]);
    const pdf = await agreementPdf(req(`/api/v1/agreements/${bound.agreementId}/pdf`, { token }), params(bound.agreementId));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    const bundle = await agreementBundle(req(`/api/v1/agreements/${bound.agreementId}/bundle`, { token }), params(bound.agreementId));
    expect(bundle.status).toBe(200);
    expect(JSON.parse(await bundle.text())).toHaveProperty("agreement");
    // The export is in the employee's access log as the system's.
    expect((await accessLogOf(bound.caseId)).some((e) => e.what === "agreement_pdf" && e.actorKind === "system")).toBe(true);
  });

  it("401 without credentials, 403 for a staff member not on the case, 404 for another organisation's", async () => {
    await error(await listAgreements(req(`/api/v1/cases/${bound.caseId}/agreements`), params(bound.caseId)), 401);
    await error(await agreementPdf(req(`/api/v1/agreements/${bound.agreementId}/pdf`), params(bound.agreementId)), 401);
    const staff = await openStaffSession(other.id);
    await error(await listAgreements(req(`/api/v1/cases/${bound.caseId}/agreements`, { staff }), params(bound.caseId)), 403);
    await error(await agreementBundle(req(`/api/v1/agreements/${bound.agreementId}/bundle`, { staff }), params(bound.agreementId)), 403);
    await error(await listAgreements(req(`/api/v1/cases/${bound.caseId}/agreements`, { token: foreignToken }), params(bound.caseId)), 404);
    await error(
      await agreementPdf(req(`/api/v1/agreements/${bound.agreementId}/pdf`, { token: foreignToken }), params(bound.agreementId)),
      404,
    );
    await error(await agreementBundle(req(`/api/v1/agreements/${UNKNOWN}/bundle`, { token }), params(UNKNOWN)), 404);
  });
});

describe("POST /api/v1/cases/<id>/close", () => {
  const close = (id: string, body: unknown, who: Who) =>
    closeCase(req(`/api/v1/cases/${id}/close`, { ...who, method: "POST", body }), params(id));
  const today = () => dateInZone(new Date());

  it("closes the case with its outcome and date; then it is read-only (409) and listed as closed", async () => {
    const s = await staffCaseFixture("closer@jobcenter.example");
    const closed = await json(await close(s.caseId, { outcome: "partial_return", date: today() }, { token }), c.ZApiClosed, 200);
    expect(closed).toEqual({ caseId: s.caseId, state: "closed", outcome: "partial_return", date: today() });
    expect(await json(await getCase(req(`/api/v1/cases/${s.caseId}`, { token }), params(s.caseId)), c.ZApiCase, 200)).toMatchObject({
      state: "closed",
      outcome: "partial_return",
      closedOn: today(),
    });
    expect((await error(await close(s.caseId, { outcome: "other", date: today() }, { token }), 409)).details).toEqual({ case: "closed" });
    await error(
      await scheduleMeeting(
        req(`/api/v1/cases/${s.caseId}/meetings`, {
          token,
          method: "POST",
          body: { startsAt: inAWeek(), minutes: 30, place: "Jobcentret" },
        }),
        params(s.caseId),
      ),
      409,
    );
    const closedOnes = await json(await listCases(req("/api/v1/cases?state=closed", { token })), c.ZApiCaseList, 200);
    expect(closedOnes.items.map((i) => i.caseId)).toEqual([s.caseId]);
    const openOnes = await json(await listCases(req("/api/v1/cases?state=open", { token })), c.ZApiCaseList, 200);
    expect(openOnes.items.map((i) => i.caseId)).not.toContain(s.caseId);
  });

  it("400 naming the fields (a day to come is no end date), 401, 403, 404", async () => {
    const bad = await error(await close(metteCase.caseId, { outcome: "retired", date: "2026-13-01" }, { token }), 400);
    expect(bad.details).toEqual({ outcome: "required", date: "invalidDate" });
    expect((await error(await close(metteCase.caseId, { outcome: "other", date: "2999-01-01" }, { token }), 400)).details).toEqual({
      date: "dateInFuture",
    });
    await error(await close(metteCase.caseId, { outcome: "other", date: today() }, {}), 401);
    await error(await close(metteCase.caseId, { outcome: "other", date: today() }, { staff: await openStaffSession(other.id) }), 403);
    await error(await close(metteCase.caseId, { outcome: "other", date: today() }, { token: foreignToken }), 404);
    await error(await close(UNKNOWN, { outcome: "other", date: today() }, { token }), 404);
  });
});

describe("API tokens", () => {
  it("are refused (401) from the moment they are revoked", async () => {
    const made = await createApiToken({ organisationId: home, raw: { name: "Short-lived" } });
    expect((await listCases(req("/api/v1/cases", { token: made.token }))).status).toBe(200);
    await revokeApiToken({ organisationId: home, tokenId: made.tokenId });
    await error(await listCases(req("/api/v1/cases", { token: made.token })), 401);
    // Another organisation cannot revoke it, and revoking twice is a conflict.
    await expect(revokeApiToken({ organisationId: elsewhere, tokenId: made.tokenId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(revokeApiToken({ organisationId: home, tokenId: made.tokenId })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("rate limit", () => {
  it("429 with Retry-After once a token has used its minute's budget; another token is not affected", async () => {
    process.env.API_RATE_LIMIT_PER_MINUTE = "3";
    resetEnvCache();
    try {
      const busy = (await createApiToken({ organisationId: home, raw: { name: "Busy" } })).token;
      for (let i = 0; i < 3; i++) expect((await listCases(req("/api/v1/cases", { token: busy }))).status).toBe(200);
      const limited = await listCases(req("/api/v1/cases", { token: busy }));
      expect((await error(limited, 429)).error).toBe("RATE_LIMITED");
      const retryAfter = Number(limited.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      // Every endpoint counts against the same budget.
      await error(await getCase(req(`/api/v1/cases/${metteCase.caseId}`, { token: busy }), params(metteCase.caseId)), 429);
      const calm = (await createApiToken({ organisationId: home, raw: { name: "Calm" } })).token;
      expect((await listCases(req("/api/v1/cases", { token: calm }))).status).toBe(200);
    } finally {
      delete process.env.API_RATE_LIMIT_PER_MINUTE;
      resetEnvCache();
    }
  });
});
