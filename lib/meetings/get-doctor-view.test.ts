import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAgreementVersions } from "../agreements/list-agreement-versions";
import { editMeeting } from "../agreements/test-fixtures";
import { agendaNotesFragment, readAgenda } from "../collab/agenda";
import { setToolDetail, setHoursRamp } from "../collab/tool-details";
import { setTool } from "../collab/plan";
import { confirmAgreementRead } from "../followup/confirm-agreement-read";
import { getCaseFollowUp } from "../followup/get-case-follow-up";
import { createBoundCase, type BoundCase } from "../followup/testing";
import { meetingAs } from "../testing/actors";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { getDoctorView } from "./get-doctor-view";

/** Written where every other participant sees it, but never the treating doctor. */
const NOTE = "Noter fra runden: hun sover dårligt";
const SUMMARY = "Løbende referat: talte om medicinen";

let tdb: TestDatabase;
let fx: BoundCase;
beforeAll(async () => {
  tdb = await createTestDatabase();
  fx = await createBoundCase();
  await editMeeting(fx.meetingId, (doc) => {
    const first = readAgenda(doc)[0]!;
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(NOTE)]);
    agendaNotesFragment(doc, first.id).insert(0, [paragraph]);
    doc.getText("flowSummary").insert(0, SUMMARY);
    setTool(doc, "partialReturn", true);
    setToolDetail(doc, "partialReturn", { status: "in_use", from: "2026-01-05", to: "2026-02-27" });
    setHoursRamp(doc, { startsOn: "2026-01-05", steps: [{ hoursPerWeek: 10, weeks: 2 }], ordinaryHours: 37 });
  });
}, 120_000);
afterAll(async () => {
  await tdb.drop();
});

describe("getDoctorView", () => {
  it("shows the treating doctor the time, place, agenda and the plan's work capacity — no notes, no summary, no mixer desk, no actions", async () => {
    const view = await getDoctorView(await meetingAs(fx.sessions.doctor, fx.meetingId));
    expect(view.meeting).toMatchObject({ id: fx.meetingId, location: "Room 1" });
    expect(view.agenda.map((a) => a.title)).toContain("Plan: mål, delmål og indsatser");
    expect(view.draft.goal).toMatch(/^Tilbage i eget job/);
    expect(view.draft.subGoals.flatMap((g) => g.activities.map((a) => a.text))).toContain(
      "Virksomhedspraktik som truckfører i egen virksomhed",
    );
    expect(view.draft.partialReturn).toEqual({
      inUse: true,
      detail: { status: "in_use", from: "2026-01-05", to: "2026-02-27", note: undefined },
    });
    expect(view.draft.hoursRamp).toMatchObject({ steps: [{ hoursPerWeek: 10, weeks: 2 }], ordinaryHours: 37 });
    // A Danish case has no NAV work tasks.
    expect(view.draft.workTasks).toEqual([]);
    const all = JSON.stringify(view);
    for (const hidden of [NOTE, SUMMARY, "mixer", "Smerte på en skala", "Føre smertedagbog", "Kurt og Lars tager en kort snak"]) {
      expect(all, hidden).not.toContain(hidden);
    }
  });

  it("shows the binding version's part, and no one but the doctor gets this view", async () => {
    const view = await getDoctorView(await meetingAs(fx.sessions.doctor, fx.meetingId));
    expect(view.binding).toMatchObject({ agreementId: fx.agreementId, fingerprint: fx.fingerprint, version: 1, readAt: null });
    expect(view.binding!.plan.goal).toMatch(/^Tilbage i eget job/);
    for (const role of ["caseworker", "employee", "manager", "union_rep", "observer"] as const) {
      await expect(getDoctorView(await meetingAs(fx.sessions[role], fx.meetingId)), role).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("lets the doctor confirm reading the binding version, which the caseworker sees; the agreement itself and the case page stay closed", async () => {
    await expect(listAgreementVersions({ me: fx.actors.doctor })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getCaseFollowUp({ me: fx.actors.doctor })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      confirmAgreementRead({ me: fx.actors.doctor, raw: { agreementId: fx.agreementId, fingerprint: "0".repeat(64) } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const before = await getCaseFollowUp({ me: fx.actors.caseworker });
    expect(before.readers.map((r) => r.role)).toContain("doctor");
    expect(before.receipts.some((r) => r.role === "doctor")).toBe(false);

    await confirmAgreementRead({ me: fx.actors.doctor, raw: { agreementId: fx.agreementId, fingerprint: fx.fingerprint } });
    expect((await getDoctorView(await meetingAs(fx.sessions.doctor, fx.meetingId))).binding!.readAt).toBeInstanceOf(Date);
    const after = await getCaseFollowUp({ me: fx.actors.caseworker });
    expect(after.receipts.find((r) => r.role === "doctor")).toMatchObject({ participantId: fx.participants.doctor.id });
  });
});
