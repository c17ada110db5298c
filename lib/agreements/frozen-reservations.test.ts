import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { findAgreement } from "@/db/queries/agreements";
import { readActions } from "../collab/actions";
import { setConsent } from "../collab/flow-consent";
import { PLAN_CONSENT_ID } from "../collab/flow-schema";
import { planPartText } from "../collab/consent-items";
import { readMeetingDoc } from "../collab/read-meeting-doc";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { readFrozenDocument } from "./frozen-document";
import type { FrozenReservation } from "./frozen-reservations";
import { prepareAgreement } from "./prepare-agreement";
import { CLIENT, createAgreementFixture, editMeeting } from "./test-fixtures";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
});

const T0 = Date.UTC(2026, 2, 2, 9, 0);

describe("reservations in the frozen agreement", () => {
  it("issue 13.2: a reservation and how it was resolved (comment, who, when) go into the frozen version and its presentation", async () => {
    const fx = await createAgreementFixture();
    const p = fx.participants;
    let actionId = "";
    await editMeeting(fx.meetingId, (doc) => {
      const view = readMeetingDoc(doc);
      const stepText = planPartText("step", view.plan, view.followUp);
      // The manager has reservations about the step; later the chair records that he agrees.
      setConsent(
        doc,
        {
          kind: "step",
          itemId: PLAN_CONSENT_ID,
          participantId: p.manager.id,
          value: "reservations",
          comment: "Step 3 may be too early",
          itemText: stepText,
        },
        { by: p.manager.id, at: T0 },
      );
      setConsent(
        doc,
        { kind: "step", itemId: PLAN_CONSENT_ID, participantId: p.manager.id, value: "agree", itemText: stepText },
        { by: p.caseworker.id, at: T0 + 600_000 },
      );
      // The employee still has reservations about an action when the plan is frozen.
      const action = readActions(doc)[0]!;
      actionId = action.id;
      setConsent(
        doc,
        {
          kind: "action",
          itemId: action.id,
          participantId: p.employee.id,
          value: "reservations",
          comment: "I need the rota first",
          itemText: action.text,
        },
        { by: p.employee.id, at: T0 + 60_000 },
      );
    });
    const v = await prepareAgreement({ me: fx.actors.caseworker, meetingId: fx.meetingId, unionRepSigns: false, client: CLIENT });
    const doc = readFrozenDocument((await findAgreement(await getDb(), v.agreementId))!.canonical) as ReturnType<
      typeof readFrozenDocument
    > & { reservations: FrozenReservation[] };
    expect(doc.reservations).toEqual([
      {
        kind: "step",
        itemId: PLAN_CONSENT_ID,
        item: "",
        participant: { participantId: p.manager.id, name: fx.names.manager, role: "manager" },
        comment: "Step 3 may be too early",
        at: new Date(T0).toISOString(),
        recordedBy: null,
        resolution: { at: new Date(T0 + 600_000).toISOString(), by: { participantId: p.caseworker.id, name: fx.names.caseworker } },
      },
      expect.objectContaining({
        kind: "action",
        itemId: actionId,
        participant: expect.objectContaining({ participantId: p.employee.id }),
        comment: "I need the rota first",
        resolution: null,
      }),
    ]);
    const en = JSON.stringify(doc.presentation.en);
    expect(en).toContain("Reservations and how they were resolved");
    expect(en).toContain("Step 3 may be too early");
    expect(en).toContain(`${fx.names.manager} agreed`);
    expect(en).toContain("Still had reservations when the agreement was written");
    expect(JSON.stringify(doc.presentation.da)).toContain("Forbehold, og hvordan de blev løst");
  });

  it("says plainly that nobody had reservations", async () => {
    const fx = await createAgreementFixture();
    const v = await prepareAgreement({ me: fx.actors.caseworker, meetingId: fx.meetingId, unionRepSigns: false, client: CLIENT });
    const doc = readFrozenDocument((await findAgreement(await getDb(), v.agreementId))!.canonical);
    expect((doc as { reservations?: unknown }).reservations).toEqual([]);
    expect(JSON.stringify(doc.presentation.en)).toContain("Nobody had reservations.");
  });
});
