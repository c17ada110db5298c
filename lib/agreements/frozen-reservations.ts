import type { ConsentItem } from "../collab/consent-items";
import type { ReservationRecord } from "../collab/consent-record";
import type { Locale } from "../i18n/locales";
import type { PresentedGroup, PresentedSection } from "./frozen-document";
import { formatInstant, type Translate } from "./labels";

/**
 * The reservations raised in the meeting and how each was resolved, frozen into the agreement
 * (structured, for machines and the PDF) and presented in each language. Nobody signs a version
 * without seeing that someone had reservations about part of it, and what became of them.
 */
export type FrozenReservation = {
  /** What it was about: "goal" | "step" | "subGoal" | "mixer" | "tools" | "action" | "followUp" | "workTask" | "navMeasure" | "triedMeasure". */
  kind: string;
  /** The sub-goal's, action's or NAV plan item's id; "plan" for a part of the whole plan. */
  itemId: string;
  /** The sub-goal's, action's or NAV plan item's text when frozen; "" for a part of the whole plan. */
  item: string;
  participant: { participantId: string; name: string; role: string };
  comment: string;
  /** When the reservation was marked (ISO). */
  at: string;
  /** Who marked it, when not the person themself (the chair, for someone without a device). */
  recordedBy: { participantId: string; name: string } | null;
  /** They agreed later: who recorded that and when; null = still has reservations when frozen. */
  resolution: { at: string; by: { participantId: string; name: string } } | null;
};

type People = ReadonlyMap<string, { name: string; role: string }>;

export function freezeReservations(
  records: readonly ReservationRecord[],
  items: readonly ConsentItem[],
  people: People,
): FrozenReservation[] {
  const textOf = new Map(
    items.map((i) => [
      `${i.kind}:${i.id}`,
      i.title !== undefined ? i.title : i.kind === "subGoal" || i.kind === "action" ? i.text.trim() : "",
    ]),
  );
  const person = (id: string) => ({ participantId: id, name: people.get(id)?.name ?? "?" });
  return records.map((r) => ({
    kind: r.kind,
    itemId: r.itemId,
    item: textOf.get(`${r.kind}:${r.itemId}`) ?? "",
    participant: { ...person(r.participantId), role: people.get(r.participantId)?.role ?? "" },
    comment: r.comment,
    at: new Date(r.at).toISOString(),
    recordedBy: r.by !== r.participantId ? person(r.by) : null,
    resolution: r.resolution ? { at: new Date(r.resolution.at).toISOString(), by: person(r.resolution.by) } : null,
  }));
}

/** "Reservations and how they were resolved", in one language. */
export function presentReservations(reservations: readonly FrozenReservation[], t: Translate, locale: Locale): PresentedSection {
  const kindName = (kind: string) =>
    kind === "action"
      ? t("meeting.consent.kindAction")
      : kind === "subGoal"
        ? t("meeting.consent.kindSubGoal")
        : t(`meeting.consent.kind.${kind}`);
  const groups: PresentedGroup[] = reservations.map((r) => {
    const who = `${r.participant.name}${r.participant.role ? ` (${t(`roles.${r.participant.role}`)})` : ""}`;
    const raised = [
      r.comment
        ? t("agreementDoc.reservationRaisedComment", { who, when: formatInstant(r.at, locale), comment: r.comment })
        : t("agreementDoc.reservationRaised", { who, when: formatInstant(r.at, locale) }),
      r.recordedBy ? t("agreementDoc.recordedBy", { name: r.recordedBy.name }) : "",
    ]
      .filter(Boolean)
      .join(" ");
    const resolved = !r.resolution
      ? t("agreementDoc.reservationOpen")
      : r.resolution.by.participantId === r.participant.participantId
        ? t("agreementDoc.reservationResolvedSelf", { who: r.participant.name, when: formatInstant(r.resolution.at, locale) })
        : t("agreementDoc.reservationResolved", {
            who: r.participant.name,
            when: formatInstant(r.resolution.at, locale),
            by: r.resolution.by.name,
          });
    return {
      title: r.item ? `${kindName(r.kind)}: ${r.item}` : kindName(r.kind),
      rows: [
        { label: t("agreementDoc.reservation"), value: raised },
        { label: t("agreementDoc.resolution"), value: resolved },
      ],
    };
  });
  return {
    heading: t("agreementDoc.reservations"),
    intro: t("agreementDoc.reservationsIntro"),
    rows: [],
    groups,
    empty: t("agreementDoc.noReservations"),
  };
}
