import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { initMeetingDoc } from "../collab/init-meeting-doc";
import { readMeetingDoc } from "../collab/read-meeting-doc";
import { setConsent } from "../collab/flow-consent";
import { readFlow } from "../collab/flow-read";
import { consentItemsOfPlan } from "../collab/consent-items";
import { reservationRecords } from "../collab/consent-record";
import { addTriedMeasure } from "../collab/follow-up-plan";
import { freezeReservations } from "./frozen-reservations";

const EMP = "22222222-2222-4222-8222-222222222222";

describe("freezeReservations on NAV's follow-up plan", () => {
  it("issue 17: a reservation on a measure tried names it by its title, not its written-out text", () => {
    const doc = new Y.Doc();
    initMeetingDoc(doc, { track: "employed" });
    const tried = addTriedMeasure(doc, { text: "Lageret i to uker", whyNot: "De samme løftene" });
    const v = readMeetingDoc(doc);
    const items = consentItemsOfPlan({ plan: v.plan, subGoals: [], actions: [], followUp: v.followUp });
    const item = items.find((i) => i.kind === "triedMeasure")!;
    setConsent(
      doc,
      { kind: "triedMeasure", itemId: tried, participantId: EMP, value: "reservations", comment: "Det var tre dager", itemText: item.text },
      { by: EMP, at: 300 },
    );
    const frozen = freezeReservations(
      reservationRecords(readFlow(doc).consent, items, [EMP]),
      items,
      new Map([[EMP, { name: "Sofie", role: "employee" }]]),
    );
    expect(frozen).toHaveLength(1);
    expect(frozen[0]).toMatchObject({ kind: "triedMeasure", itemId: tried, item: "Lageret i to uker", comment: "Det var tre dager" });
  });
});
