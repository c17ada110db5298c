import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffRole } from "../access/actor";
import { getDb } from "@/db/client";
import { linkParticipantToUser } from "@/db/queries/participants";
import { insertOrganisation } from "@/db/queries/organisations";
import { provisionCaseworker } from "../auth/provision-caseworker";
import { scheduleCaseMeeting } from "../followup/schedule-case-meeting";
import { createBoundCase } from "../followup/testing";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { addDays, dateInZone } from "../time/zoned";
import { caseHasOverdueActions } from "./case-has-overdue-actions";
import { closeCase } from "../cases/close-case";
import { listMyCases } from "./list-my-cases";
import { openCase } from "../cases/open-case";
import { staffWho } from "../testing/actors";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

const as = (u: { id: string; organisationId: string }, roles: StaffRole[] = ["caseworker"]) => ({
  userId: u.id,
  organisationId: u.organisationId,
  roles,
});
const today = () => dateInZone(new Date());

async function open(staffUserId: string, employeeName: string, more: Record<string, string> = {}) {
  return openCase({ staffUserId, raw: { employeeName, track: "employed", employer: "Lager A/S", ...more } });
}
const meetingIn = async (staffUserId: string, caseId: string, days: number) =>
  scheduleCaseMeeting({
    who: await staffWho(staffUserId),
    caseId,
    raw: { title: "Møde", date: addDays(today(), days), time: "10:00", durationMinutes: "60", location: "Jobcentret" },
  });

describe("listMyCases: search, filters, sorting and paging in the database", () => {
  it("searches the employee's name, the reference and the employer, case-insensitively, with % and _ taken literally", async () => {
    const me = await provisionCaseworker({ email: "list.search@kommune.example" });
    await open(me.id, "Anna Berg", { reference: "SAG-100", employer: "Bageriet" });
    await open(me.id, "Bo Dal", { reference: "SAG-200", employer: "Nordlager 100%" });
    await open(me.id, "Carl Eng", { reference: "X_1", employer: "Kontoret" });
    const names = async (q: string) => (await listMyCases({ actor: as(me), raw: { q } })).items.map((c) => c.employeeName).sort();
    expect(await names("anna")).toEqual(["Anna Berg"]);
    expect(await names("sag-")).toEqual(["Anna Berg", "Bo Dal"]);
    expect(await names("BAGERI")).toEqual(["Anna Berg"]);
    expect(await names("100%")).toEqual(["Bo Dal"]);
    expect(await names("X_")).toEqual(["Carl Eng"]);
    expect(await names("_")).toEqual(["Carl Eng"]);
    expect(await names("")).toEqual(["Anna Berg", "Bo Dal", "Carl Eng"]);
  });

  it("filters by state (open by default) and by the next meeting", async () => {
    const me = await provisionCaseworker({ email: "list.filter@kommune.example" });
    const soon = await open(me.id, "Soon");
    await meetingIn(me.id, soon.id, 3);
    const later = await open(me.id, "Later");
    await meetingIn(me.id, later.id, 20);
    await open(me.id, "Nothing");
    const closed = await open(me.id, "Closed");
    await closeCase({ who: await staffWho(me.id), caseId: closed.id, raw: { outcome: "other_job", date: today() } });
    const names = async (raw: Record<string, string>) =>
      (await listMyCases({ actor: as(me), raw })).items.map((c) => c.employeeName).sort();
    expect(await names({})).toEqual(["Later", "Nothing", "Soon"]);
    expect(await names({ state: "closed" })).toEqual(["Closed"]);
    expect(await names({ state: "all" })).toEqual(["Closed", "Later", "Nothing", "Soon"]);
    expect(await names({ next: "scheduled" })).toEqual(["Later", "Soon"]);
    expect(await names({ next: "week" })).toEqual(["Soon"]);
    expect(await names({ next: "none" })).toEqual(["Nothing"]);
    expect((await listMyCases({ actor: as(me), raw: { state: "closed" } })).items[0]).toMatchObject({
      state: "closed",
      outcome: "other_job",
    });
  });

  it("sorts by name, reference and next meeting, and pages with the total", async () => {
    const me = await provisionCaseworker({ email: "list.sort@kommune.example" });
    const c = await open(me.id, "Cecilie", { reference: "A-3" });
    const a = await open(me.id, "Aksel", { reference: "A-2" });
    await open(me.id, "Birte");
    await meetingIn(me.id, c.id, 2);
    await meetingIn(me.id, a.id, 5);
    const order = async (raw: Record<string, string>) => (await listMyCases({ actor: as(me), raw })).items.map((x) => x.employeeName);
    expect(await order({ sort: "name" })).toEqual(["Aksel", "Birte", "Cecilie"]);
    expect(await order({ sort: "reference" })).toEqual(["Aksel", "Cecilie", "Birte"]);
    expect(await order({ sort: "next_meeting" })).toEqual(["Cecilie", "Aksel", "Birte"]);
    expect(await order({})).toEqual(["Birte", "Aksel", "Cecilie"]);

    const p1 = await listMyCases({ actor: as(me), raw: { sort: "name", page: "1" }, pageSize: 2 });
    const p2 = await listMyCases({ actor: as(me), raw: { sort: "name", page: "2" }, pageSize: 2 });
    expect(p1).toMatchObject({ total: 3, page: 1, pageCount: 2 });
    expect(p1.items.map((x) => x.employeeName)).toEqual(["Aksel", "Birte"]);
    expect(p2.items.map((x) => x.employeeName)).toEqual(["Cecilie"]);
    expect((await listMyCases({ actor: as(me), raw: { page: "9" }, pageSize: 2 })).items).toEqual([]);
  });

  it("finds the cases with an overdue action of the binding agreement", async () => {
    const me = await provisionCaseworker({ email: "list.overdue@kommune.example" });
    const bound = await createBoundCase();
    await linkParticipantToUser(await getDb(), bound.actors.caseworker.participantId, me.id);
    await open(me.id, "No agreement");
    // Far enough ahead that every dated action of the plan is past its date.
    const later = new Date(Date.now() + 3 * 365 * 86_400_000);
    expect(await caseHasOverdueActions(bound.caseId, later)).toBe(true);
    const list = await listMyCases({ actor: as(me), raw: { overdue: "1" }, now: later });
    expect(list.items.map((c) => c.id)).toEqual([bound.caseId]);
    expect(list.total).toBe(1);
    expect((await listMyCases({ actor: as(me), raw: { overdue: "0" }, now: later })).total).toBe(2);
  });

  it("shows a team lead every case with its caseworker, filtered by caseworker; anyone else gets 403", async () => {
    const one = await provisionCaseworker({ email: "team.one@kommune.example", name: "Ida Team" });
    const two = await provisionCaseworker({ email: "team.two@kommune.example", name: "Jens Team" });
    const lead = await provisionCaseworker({ email: "team.lead@kommune.example", name: "Lea Lead" });
    const x = await open(one.id, "Case of Ida", { reference: "TEAM-1" });
    const y = await open(two.id, "Case of Jens", { reference: "TEAM-2" });
    // Another organisation's case never shows in this team's view.
    const elsewhere = await insertOrganisation(await getDb(), { name: "NAV Bergen", country: "NO" });
    const stranger = await provisionCaseworker({ email: "team.other@nav.example", organisationId: elsewhere.id });
    await open(stranger.id, "Case elsewhere", { reference: "TEAM-3" });
    const team = await listMyCases({ actor: as(lead, ["caseworker", "team_lead"]), raw: { view: "team", q: "TEAM-" } });
    expect(team.items.map((c) => [c.id, c.caseworkerName, c.myRole]).sort()).toEqual(
      [
        [x.id, "Ida Team", null],
        [y.id, "Jens Team", null],
      ].sort(),
    );
    const onlyJens = await listMyCases({ actor: as(lead, ["team_lead"]), raw: { view: "team", caseworker: two.id } });
    expect(onlyJens.items.map((c) => c.id)).toEqual([y.id]);
    await expect(listMyCases({ actor: as(one), raw: { view: "team" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Their own list is only their own cases.
    expect((await listMyCases({ actor: as(lead, ["team_lead"]) })).items).toEqual([]);
  });

  it("answers field codes for a query it does not understand", async () => {
    const me = await provisionCaseworker({ email: "list.invalid@kommune.example" });
    await expect(
      listMyCases({ actor: as(me), raw: { state: "deleted", sort: "salary", page: "0", q: "x".repeat(101) } }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", details: { state: "invalid", sort: "invalid", page: "invalid", q: "tooLong" } });
    await expect(listMyCases({ actor: null })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
