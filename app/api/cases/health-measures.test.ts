import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { amendAgreement } from "@/lib/agreements/amend-agreement";
import { signAgreement } from "@/lib/agreements/sign-agreement";
import { CLIENT, editMeeting } from "@/lib/agreements/test-fixtures";
import { readReview, setReviewOutcome } from "@/lib/collab/review";
import { meetingDocName } from "@/lib/collab/doc-names";
import { loadDocument } from "@/lib/collab-store/load-document";
import { bindingOf, loadCaseAgreements } from "@/lib/agreements/case-agreements";
import { dueFromMe } from "@/lib/followup/due-from-me";
import { followUpFill } from "@/lib/followup/follow-up-fill";
import { getCaseFollowUp } from "@/lib/followup/get-case-follow-up";
import { createBoundCase, type BoundCase } from "@/lib/followup/testing";
import { scheduleMeeting } from "@/lib/meetings/schedule-meeting";
import { looksLikeHealthMeasure } from "@/lib/privacy/measure-privacy";
import { recordProgress } from "@/lib/progress/record-progress";
import { setMeasurePrivacy } from "@/lib/progress/set-measure-privacy";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { dateInZone } from "@/lib/time/zoned";
import { GET as getBundle } from "../agreements/[id]/bundle/route";
import { GET as getPdf } from "../agreements/[id]/pdf/route";
import { GET as getReview } from "../meetings/[id]/review/route";
import { PUT as putPrivacy } from "./[id]/measure-privacy/route";
import { POST as postProgress } from "./[id]/progress/route";

/**
 * Health measures stay with the employee: a pain (or mood, confidence …) measure is recorded only
 * by the employee and the caseworker, and its values never reach the manager — not on the case
 * page's data and charts, not through the review API of the next meeting, not in "what is due",
 * not in the next agreement version the manager downloads — unless the employee shares that
 * measure, which they can undo at any time. Hours stay shared.
 */
let tdb: TestDatabase;
let fx: BoundCase;
let pain: string;
let hours: string;
beforeAll(async () => {
  tdb = await createTestDatabase();
  fx = await createBoundCase();
  const goals = bindingOf(await loadCaseAgreements(fx.caseId))!.content.plan.subGoals;
  pain = goals[0]!.id; // "Smerte på en skala fra 1 til 10"
  hours = goals[1]!.id; // "Timer om ugen"
});
afterAll(async () => {
  await tdb.drop();
});

const ORIGIN = "http://localhost:3000";
function req(path: string, opts: { session?: string; method?: string; body?: unknown } = {}): Request {
  const headers: Record<string, string> = { host: "localhost:3000", "user-agent": "route-test", "accept-language": "en" };
  if (opts.session) headers.cookie = `stepwise.session=${opts.session}`;
  if (opts.method && opts.method !== "GET") headers.origin = ORIGIN;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  return new Request(`${ORIGIN}${path}`, {
    method: opts.method ?? "GET",
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
}
const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });
const today = () => dateInZone(new Date());

/**
 * The employee's and the caseworker's pain values (as numbers, in either decimal notation, not as
 * part of a longer number such as a timestamp) and the employee's note: none may reach the manager.
 */
const SECRETS = [/(?<![\d.,])6[.,]7(?!\d)/, /(?<![\d.,])5[.,]3(?!\d)/, /Trapperne gjorde ondt/];
function expectNoSecrets(where: string, text: string): void {
  for (const s of SECRETS) expect(text, `${where} carries ${s}`).not.toMatch(s);
}

describe("which measures are about health", () => {
  it("reads pain, mood and confidence as health, hours and tasks not", () => {
    const m = (label: string, unit = "") => ({ label, unit, from: 1, target: 5 });
    for (const label of [
      "Smerte på en skala fra 1 til 10",
      "Pain 1–10",
      "Humør (1-5)",
      "Selvtillid på arbejdet",
      "Søvn i timer per nat",
      "Mood",
      "Tro på at komme tilbage",
    ]) {
      expect(looksLikeHealthMeasure(m(label)), label).toBe(label !== "Søvn i timer per nat");
    }
    for (const label of ["Timer om ugen", "Hours a week", "Antal opgaver om dagen", "Løft over 10 kg"])
      expect(looksLikeHealthMeasure(m(label)), label).toBe(false);
  });
});

describe("health measures stay with the employee", () => {
  it("attack 13.3: the manager cannot record a health measure, and gets none of its values from any page or request", async () => {
    // The employee and the caseworker record pain; the manager records hours.
    const e = await postProgress(
      req(`/api/cases/${fx.caseId}/progress`, {
        method: "POST",
        session: fx.sessions.employee,
        body: { subGoalId: pain, date: today(), value: "6,7", note: "Trapperne gjorde ondt" },
      }),
      params({ id: fx.caseId }),
    );
    expect(e.status).toBe(201);
    const c = await postProgress(
      req(`/api/cases/${fx.caseId}/progress`, {
        method: "POST",
        session: fx.sessions.caseworker,
        body: { subGoalId: pain, date: today(), value: "5.3" },
      }),
      params({ id: fx.caseId }),
    );
    expect(c.status).toBe(201);
    const refused = await postProgress(
      req(`/api/cases/${fx.caseId}/progress`, {
        method: "POST",
        session: fx.sessions.manager,
        body: { subGoalId: pain, date: today(), value: "2" },
      }),
      params({ id: fx.caseId }),
    );
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ details: { subGoalId: "health" } });
    const h = await postProgress(
      req(`/api/cases/${fx.caseId}/progress`, {
        method: "POST",
        session: fx.sessions.manager,
        body: { subGoalId: hours, date: today(), value: "21" },
      }),
      params({ id: fx.caseId }),
    );
    expect(h.status).toBe(201);
    // The caseworker follows hours, she does not record them.
    const cwHours = await postProgress(
      req(`/api/cases/${fx.caseId}/progress`, {
        method: "POST",
        session: fx.sessions.caseworker,
        body: { subGoalId: hours, date: today(), value: "21" },
      }),
      params({ id: fx.caseId }),
    );
    expect(cwHours.status).toBe(403);

    // The case page's data (the page, its charts and tables are drawn from exactly this).
    const page = await getCaseFollowUp({ me: fx.actors.manager });
    expectNoSecrets("the manager's case page", JSON.stringify(page));
    const painCard = page.measures.find((m) => m.subGoalId === pain)!;
    expect(painCard).toMatchObject({
      entries: [],
      status: { kind: "none", latest: null },
      access: { health: true, shared: false, mayView: false, mayRecord: false, choose: null },
    });
    expect(page.measures.find((m) => m.subGoalId === hours)!.entries.map((x) => x.value)).toEqual([21]);
    // The union representative sees no more than the manager.
    expectNoSecrets("the union rep's case page", JSON.stringify(await getCaseFollowUp({ me: fx.actors.union_rep })));
    // The employee and the caseworker see both values.
    for (const role of ["employee", "caseworker"] as const) {
      const own = await getCaseFollowUp({ me: fx.actors[role] });
      expect(
        own.measures.find((m) => m.subGoalId === pain)!.entries.map((x) => x.value),
        role,
      ).toEqual([6.7, 5.3]);
    }

    // What is due from the manager: hours, never pain.
    const due = await dueFromMe({ me: fx.actors.manager, employeeName: "Test Person" });
    expect(due.items.filter((i) => i.kind === "progress").map((i) => (i.kind === "progress" ? i.subGoalId : null))).not.toContain(pain);

    // The next meeting: the review API the manager's room asks.
    const meeting = await scheduleMeeting({
      caseId: fx.caseId,
      track: "employed",
      title: "Opfølgning",
      startsAt: new Date(),
      fill: await followUpFill(fx.caseId, "da"),
    });
    const review = await getReview(
      req(`/api/meetings/${meeting.id}/review?agreement=${fx.agreementId}`, { session: fx.sessions.manager }),
      params({ id: meeting.id }),
    );
    expect(review.status).toBe(200);
    const reviewText = await review.text();
    expectNoSecrets("the review API", reviewText);
    expect(
      (JSON.parse(reviewText) as { measures: { subGoalId: string; private: boolean }[] }).measures.find((m) => m.subGoalId === pain)!
        .private,
    ).toBe(true);
    const employeeReview = await (
      await getReview(
        req(`/api/meetings/${meeting.id}/review?agreement=${fx.agreementId}`, { session: fx.sessions.employee }),
        params({ id: meeting.id }),
      )
    ).text();
    expect(employeeReview).toContain("6.7");

    // The next agreement version (frozen with the review's findings), its PDF and bundle as the manager downloads them.
    const loaded = await loadDocument(meetingDocName(meeting.id));
    const items = readReview(loaded!.doc)!.items;
    loaded!.doc.destroy();
    await editMeeting(meeting.id, (doc) => {
      for (const it of items) setReviewOutcome(doc, it.id, it.kind === "action" ? "done" : "on_track");
    });
    const v2 = await amendAgreement({
      me: fx.actors.caseworker,
      meetingId: meeting.id,
      reason: "Opfølgning",
      unionRepSigns: false,
      client: CLIENT,
    });
    for (const role of ["caseworker", "employee", "manager"] as const) {
      await signAgreement({
        me: fx.actors[role],
        agreementId: v2.agreementId,
        confirmation: { mode: "own-device", typedName: fx.names[role] },
        readAndAgreed: true,
        shownHash: v2.fingerprint,
        client: CLIENT,
      });
    }
    const bundle = await getBundle(
      req(`/api/agreements/${v2.agreementId}/bundle`, { session: fx.sessions.manager }),
      params({ id: v2.agreementId }),
    );
    expect(bundle.status).toBe(200);
    const bundleText = await bundle.text();
    expectNoSecrets("the bundle", bundleText);
    // The frozen agreement itself (the bytes every page, PDF and bundle of it is made from).
    const frozen = Buffer.from((JSON.parse(bundleText) as { agreement: { canonical: string } }).agreement.canonical, "base64").toString(
      "utf8",
    );
    expectNoSecrets("the frozen agreement", frozen);
    expect(frozen).toContain('"progressPrivate":true');
    const pdf = await getPdf(
      req(`/api/agreements/${v2.agreementId}/pdf`, { session: fx.sessions.manager }),
      params({ id: v2.agreementId }),
    );
    // The PDF is drawn from the frozen bytes alone (checked above); its text streams are compressed.
    expect(pdf.status).toBe(200);
  });

  it("the employee shares a health measure with the manager, and can stop sharing at any time", async () => {
    const b = await createBoundCase();
    const goals = bindingOf(await loadCaseAgreements(b.caseId))!.content.plan.subGoals;
    await recordProgress({ me: b.actors.employee, raw: { subGoalId: goals[0]!.id, date: today(), value: "4.4" } });
    const managerSees = async () =>
      (await getCaseFollowUp({ me: b.actors.manager })).measures.find((m) => m.subGoalId === goals[0]!.id)!.entries.map((x) => x.value);
    expect(await managerSees()).toEqual([]);

    const put = (session: string | undefined, body: unknown) =>
      putPrivacy(req(`/api/cases/${b.caseId}/measure-privacy`, { method: "PUT", session, body }), params({ id: b.caseId }));
    expect((await put(undefined, { subGoalId: goals[0]!.id, health: true, shared: true })).status).toBe(401);
    expect((await put(b.sessions.employee, { subGoalId: goals[0]!.id, health: "yes" })).status).toBe(400);
    expect((await put(fx.sessions.employee, { subGoalId: goals[0]!.id, health: true, shared: true })).status).toBe(403); // another case's employee
    for (const role of ["manager", "union_rep", "observer"] as const)
      expect((await put(b.sessions[role], { subGoalId: goals[0]!.id, health: true, shared: true })).status, role).toBe(403);
    // The caseworker may not share it, nor say it is not about health: that is the employee's to give.
    expect((await put(b.sessions.caseworker, { subGoalId: goals[0]!.id, health: true, shared: true })).status).toBe(403);
    expect((await put(b.sessions.caseworker, { subGoalId: goals[0]!.id, health: false, shared: false })).status).toBe(403);
    expect((await put(b.sessions.employee, { subGoalId: "not-a-sub-goal", health: true, shared: true })).status).toBe(404);

    const shared = await put(b.sessions.employee, { subGoalId: goals[0]!.id, health: true, shared: true });
    expect(shared.status).toBe(200);
    expect(await shared.json()).toEqual({ health: true, shared: true, chosen: true });
    expect(await managerSees()).toEqual([4.4]);
    // Still a health measure: sharing the values does not let the manager record them.
    await expect(
      recordProgress({ me: b.actors.manager, raw: { subGoalId: goals[0]!.id, date: today(), value: "3" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    expect((await put(b.sessions.employee, { subGoalId: goals[0]!.id, health: true, shared: false })).status).toBe(200);
    expect(await managerSees()).toEqual([]);

    // The caseworker may make hours private on the employee's behalf (more private is always allowed).
    await setMeasurePrivacy({ me: b.actors.caseworker, raw: { subGoalId: goals[1]!.id, health: true, shared: false } });
    await expect(
      recordProgress({ me: b.actors.manager, raw: { subGoalId: goals[1]!.id, date: today(), value: "20" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // …and the employee can say it is not about health after all: hours are shared again.
    await setMeasurePrivacy({ me: b.actors.employee, raw: { subGoalId: goals[1]!.id, health: false, shared: false } });
    await recordProgress({ me: b.actors.manager, raw: { subGoalId: goals[1]!.id, date: today(), value: "20" } });
  });
});
