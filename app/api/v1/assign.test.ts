import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as c from "@/lib/api/contract";
import { createApiToken } from "@/lib/api/create-api-token";
import { anotherOrganisationId, homeOrganisationId, staffWithRole } from "@/lib/api/testing";
import { openStaffSession } from "@/lib/auth/testing";
import { provisionCaseworker, type StaffUser } from "@/lib/auth/provision-caseworker";
import { staffCaseFixture } from "@/lib/cases/testing";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { dateInZone } from "@/lib/time/zoned";
import { POST as assignCase } from "./cases/[id]/assign/route";
import { POST as closeCase } from "./cases/[id]/close/route";
import { GET as listCases } from "./cases/route";
import { error, json, params, req, UNKNOWN, type Who } from "./testing";

// Keeping a staff session alive goes through Auth.js's Next glue, which needs Next's request scope.
vi.mock("@/app/_server/auth", () => ({ auth: async () => null }));

/**
 * A team lead on the API: `GET /api/v1/cases` lists the team's cases (the team view), and
 * `POST /api/v1/cases/<id>/assign` hands one to another caseworker through the team view's own
 * hand-over — 401 without credentials, 403 for a caseworker, an administrator or a system's
 * token, 404 for another organisation's case, 400 naming `caseworkerEmail`, 409 for a closed case.
 */
let tdb: TestDatabase;
let home: string;
let lead: string;
let mette: StaffUser;
let ole: StaffUser;
let token: string;
beforeAll(async () => {
  tdb = await createTestDatabase();
  home = await homeOrganisationId();
  mette = await provisionCaseworker({ email: "mette@jobcenter.example", name: "Mette Sørensen" });
  ole = await provisionCaseworker({ email: "ole@jobcenter.example", name: "Ole Hansen" });
  lead = await openStaffSession((await staffWithRole({ email: "lead@jobcenter.example", role: "team_lead", organisationId: home })).id);
  token = (await createApiToken({ organisationId: home, raw: { name: "Case system" } })).token;
});
afterAll(async () => {
  await tdb.drop();
});

const assign = (id: string, body: unknown, who: Who) =>
  assignCase(req(`/api/v1/cases/${id}/assign`, { ...who, method: "POST", body }), params(id));
const listed = async (who: Who) => (await json(await listCases(req("/api/v1/cases", who)), c.ZApiCaseList, 200)).items.map((i) => i.caseId);

describe("a team lead on /api/v1/", () => {
  it("lists the team's cases and hands one to another caseworker, who then holds it instead of the first", async () => {
    const { caseId } = await staffCaseFixture("mette@jobcenter.example");
    const oles = await staffCaseFixture("ole@jobcenter.example");
    expect(await listed({ staff: lead })).toEqual(expect.arrayContaining([caseId, oles.caseId]));
    const metteSession = await openStaffSession(mette.id);
    expect(await listed({ staff: metteSession })).toContain(caseId);

    const done = await json(await assign(caseId, { caseworkerEmail: " Ole@Jobcenter.example " }, { staff: lead }), c.ZApiAssigned, 200);
    expect(done).toEqual({ caseId, caseworkerEmail: "ole@jobcenter.example" });
    expect(await listed({ staff: await openStaffSession(ole.id) })).toContain(caseId);
    expect(await listed({ staff: metteSession })).not.toContain(caseId);
    // Handing it to the one who holds it already changes nothing: a conflict, named on the field.
    expect((await error(await assign(caseId, { caseworkerEmail: "ole@jobcenter.example" }, { staff: lead }), 409)).details).toEqual({
      caseworkerEmail: "alreadyAssigned",
    });
  });

  it("401 without credentials; 403 for a caseworker, an administrator and a system's token", async () => {
    const { caseId } = await staffCaseFixture("mette@jobcenter.example");
    const body = { caseworkerEmail: "ole@jobcenter.example" };
    await error(await assign(caseId, body, {}), 401);
    await error(await assign(caseId, body, { staff: await openStaffSession(mette.id) }), 403);
    const admin = await staffWithRole({ email: "admin@jobcenter.example", role: "admin", organisationId: home });
    await error(await assign(caseId, body, { staff: await openStaffSession(admin.id) }), 403);
    await error(await assign(caseId, body, { token }), 403);
  });

  it("404 for another organisation's case or an id that names none, the same answer for both", async () => {
    const { caseId } = await staffCaseFixture("mette@jobcenter.example");
    const elsewhere = await anotherOrganisationId("Jobcenter Andetsteds");
    await provisionCaseworker({ email: "sara@andetsteds.example", name: "Sara Lund", organisationId: elsewhere });
    const theirLead = await openStaffSession(
      (await staffWithRole({ email: "lead@andetsteds.example", role: "team_lead", organisationId: elsewhere })).id,
    );
    const theirs = await error(await assign(caseId, { caseworkerEmail: "sara@andetsteds.example" }, { staff: theirLead }), 404);
    expect(theirs).toEqual(await error(await assign(UNKNOWN, { caseworkerEmail: "sara@andetsteds.example" }, { staff: theirLead }), 404));
    await error(await assign("not-an-id", { caseworkerEmail: "ole@jobcenter.example" }, { staff: lead }), 404);
    expect(await listed({ staff: theirLead })).not.toContain(caseId);
  });

  it("400 naming caseworkerEmail: not an address, nobody's, another organisation's caseworker, an administrator", async () => {
    const { caseId } = await staffCaseFixture("mette@jobcenter.example");
    await anotherOrganisationId("Jobcenter Tredje").then((org) =>
      provisionCaseworker({ email: "kim@tredje.example", name: "Kim", organisationId: org }),
    );
    for (const caseworkerEmail of ["not-an-address", "nobody@jobcenter.example", "kim@tredje.example", "admin@jobcenter.example"]) {
      const bad = await error(await assign(caseId, { caseworkerEmail }, { staff: lead }), 400);
      expect(bad.details, caseworkerEmail).toEqual({
        caseworkerEmail: caseworkerEmail.includes("@") ? "unknownCaseworker" : "invalidEmail",
      });
    }
    expect((await error(await assign(caseId, {}, { staff: lead }), 400)).details).toEqual({ caseworkerEmail: "invalidEmail" });
    await error(await assign(caseId, "{not json", { staff: lead }), 400);
  });

  it("409 for a closed case: it is handed over only once reopened", async () => {
    const { caseId } = await staffCaseFixture("mette@jobcenter.example");
    await json(
      await closeCase(
        req(`/api/v1/cases/${caseId}/close`, {
          staff: await openStaffSession(mette.id),
          method: "POST",
          body: { outcome: "other", date: dateInZone(new Date()) },
        }),
        params(caseId),
      ),
      c.ZApiClosed,
      200,
    );
    expect((await error(await assign(caseId, { caseworkerEmail: "ole@jobcenter.example" }, { staff: lead }), 409)).details).toEqual({
      case: "closed",
    });
  });
});
