import type { Locale } from "../i18n/locales";
import { MIXER_DIMENSIONS } from "../plan/mixer-desk";
import { PLAN_TOOLS } from "../plan/tools";
import { presentReview } from "./present-review";
import type { FrozenAgreementDocument, Presentation, PresentedGroup, PresentedRow, PresentedSection } from "./frozen-document";
import { formatInstant, formatIsoDate, formatLocalDateTime, formatNumber, translator, type Translate } from "./labels";
import { presentReservations } from "./frozen-reservations";
import { catalogueLine, presentFollowUpPlan, presentHoursRamp, toolDetailValue } from "./present-country-plan";

type Content = Omit<FrozenAgreementDocument, "presentation">;

/**
 * The agreement as it is shown in one language: every label and translated term written out.
 * The room's own labels (room.*, plan-terms) are used wherever the room shows the same field,
 * so the frozen text says what people saw while they agreed it.
 */
export function presentAgreement(doc: Content, locale: Locale): Presentation {
  const t = translator(locale);
  const notSet = t("agreementDoc.notSet");
  const date = (d: string | null) => (d ? formatIsoDate(d, locale) : notSet);
  const text = (s: string) => (s.trim() ? s.trim() : notSet);

  return {
    title: t("agreementDoc.title"),
    summary: t("agreementDoc.summary", {
      employee: doc.case.employeeName,
      meeting: doc.meeting.title,
      date: formatInstant(doc.meeting.startsAt, locale),
    }),
    sections: [
      section(t("agreementDoc.about"), {
        rows: [
          { label: t("roles.employee"), value: doc.case.employeeName },
          ...(doc.case.employer ? [{ label: t("agreementDoc.workplace"), value: doc.case.employer }] : []),
          {
            label: t("agreementDoc.meeting"),
            value: `${doc.meeting.title}\n${formatInstant(doc.meeting.startsAt, locale)}${doc.meeting.location ? `\n${doc.meeting.location}` : ""}`,
          },
          {
            label: t("agreementDoc.version"),
            value: doc.amends
              ? t("agreementDoc.versionAmends", { version: doc.version, previous: doc.amends.version })
              : t("agreementDoc.versionFirst", { version: doc.version }),
          },
          ...(doc.amends ? [{ label: t("agreementDoc.reason"), value: doc.amends.reason }] : []),
          {
            label: t("agreementDoc.preparedBy"),
            value: `${doc.preparedBy.name} (${t(`roles.${doc.preparedBy.role}`)}), ${formatInstant(doc.preparedAt, locale)}`,
          },
        ],
      }),
      ...(doc.review ? [presentReview(doc.review, t, locale)] : []),
      section(t("room.plan.goal"), {
        rows: [
          { label: t("room.plan.goal"), value: text(doc.plan.goal) },
          { label: t("room.plan.goalTargetDate"), value: date(doc.plan.goalTargetDate) },
        ],
      }),
      section(t("room.plan.step"), {
        rows: [
          doc.plan.step === null
            ? { label: t("room.plan.step"), value: t("room.plan.stepNone") }
            : { label: t("room.plan.stepLabel", { step: doc.plan.step }), value: t(`staircase.${doc.plan.track}.${doc.plan.step}`) },
        ],
      }),
      section(t("room.plan.subGoals"), {
        groups: doc.plan.subGoals.map((g, i) => subGoalGroup(t, g, i, locale, notSet)),
        empty: t("room.plan.subGoalsEmpty"),
      }),
      section(t("room.plan.mixer"), {
        intro: t("room.plan.mixerHint"),
        rows: MIXER_DIMENSIONS.map((d) => {
          const v = doc.plan.mixer[d];
          return {
            label: t(`mixer.${d}`),
            value:
              v === undefined ? t("room.plan.mixerNotSet") : t("agreementDoc.mixerValue", { value: v, meaning: t(`mixer.level.${v}`) }),
          };
        }),
      }),
      section(t("room.plan.tools"), {
        rows: PLAN_TOOLS.filter((k) => doc.plan.tools.includes(k)).map((k) => ({
          label: t(`tools.${k}`),
          value: toolDetailValue(k, doc.plan.toolDetails?.[k], t, locale),
        })),
        empty: t("agreementDoc.noTools"),
      }),
      ...(doc.plan.hoursRamp ? [presentHoursRamp(doc.plan.hoursRamp, t, locale)] : []),
      ...(doc.plan.followUpPlan ? presentFollowUpPlan(doc.plan.followUpPlan, t, locale) : []),
      section(t("room.actions.title"), {
        groups: doc.actions.map((a, i) => ({
          title: `${t("room.actions.actionN", { n: i + 1 })}: ${text(a.text)}`,
          rows: [
            {
              label: t("room.actions.owner"),
              value: a.owner ? `${a.owner.name} (${t(`roles.${a.owner.role}`)})` : t("room.actions.noOwner"),
            },
            { label: t("room.actions.due"), value: date(a.due) },
            { label: t("room.actions.status"), value: t(`room.actions.statuses.${a.status}`) },
          ],
        })),
        empty: t("room.actions.empty"),
      }),
      section(t("room.followUp.title"), {
        rows: [
          { label: t("room.followUp.howOften"), value: text(doc.followUp.howOften) },
          { label: t("room.followUp.jobCentre"), value: text(doc.followUp.jobCentre) },
          {
            label: t("room.followUp.nextMeeting"),
            value: doc.followUp.nextMeetingAt ? formatLocalDateTime(doc.followUp.nextMeetingAt, locale) : notSet,
          },
        ],
      }),
      ...(doc.reservations ? [presentReservations(doc.reservations, t, locale)] : []),
      section(t("agreementDoc.whoSigns"), {
        intro: t("agreementDoc.whoSignsIntro"),
        rows: doc.parties.map((p) => ({
          label: t(`roles.${p.role}`),
          value: t(p.signs === "required" ? "agreementDoc.mustSign" : "agreementDoc.maySupport", { name: p.name }),
        })),
      }),
    ],
  };
}

function section(
  heading: string,
  parts: { intro?: string; rows?: PresentedRow[]; groups?: PresentedGroup[]; empty?: string },
): PresentedSection {
  return { heading, intro: parts.intro ?? null, rows: parts.rows ?? [], groups: parts.groups ?? [], empty: parts.empty ?? null };
}

function subGoalGroup(t: Translate, g: Content["plan"]["subGoals"][number], i: number, locale: Locale, notSet: string): PresentedGroup {
  const m = g.measure;
  const num = (n: number | null) => (n === null ? "–" : formatNumber(n, locale));
  const hasMeasure = m.label.trim() !== "" || m.from !== null || m.target !== null;
  const rows: PresentedRow[] = [
    { label: t("room.plan.subGoalDue"), value: g.due ? formatIsoDate(g.due, locale) : notSet },
    {
      label: t("room.plan.measure"),
      value: hasMeasure
        ? t("room.plan.measureSummary", {
            label: m.label.trim() || t("room.plan.measureLabelFallback"),
            from: num(m.from),
            target: num(m.target),
            unit: m.unit.trim(),
          }).trim()
        : notSet,
    },
    ...g.activities.map((a, j) => activityRow(t, a, j, locale, notSet)),
  ];
  return { title: `${t("room.plan.subGoalN", { n: i + 1 })}: ${g.text.trim() || notSet}`, rows };
}

/** One activity of a sub-goal as a row: the catalogue's facts, its text, who, and when. */
export function activityRow(
  t: Translate,
  a: Content["plan"]["subGoals"][number]["activities"][number],
  j: number,
  locale: Locale,
  notSet: string,
): PresentedRow {
  return {
    label: t("room.plan.activityN", { n: j + 1 }),
    value: [
      ...(a.catalogue ? [catalogueLine(a.catalogue, t, locale)] : []),
      a.text.trim() || (a.catalogue ? "" : notSet),
      a.who.trim() ? `${t("room.plan.activityWho")}: ${a.who.trim()}` : "",
      a.schedule.trim() ? `${t("room.plan.activitySchedule")}: ${a.schedule.trim()}` : "",
    ]
      .filter(Boolean)
      .join("\n"),
  };
}
