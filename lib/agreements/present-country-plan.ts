import type { Locale } from "../i18n/locales";
import type { ToolDetail } from "../plan/tool-detail";
import { TOOL_FIELDS } from "../plan/tool-detail";
import { rampEndsOn, type HoursRamp } from "../plan/hours-ramp";
import type { FollowUpPlan } from "../plan/follow-up-plan";
import { isPlanTool } from "../plan/tools";
import { catalogueLabel, type CatalogueFacts } from "../plan/activity-catalogue";
import type { PresentedGroup, PresentedRow, PresentedSection } from "./frozen-document";
import { formatIsoDate, formatNumber, type Translate } from "./labels";

/**
 * Issue 17's parts of the plan as frozen text: a tool's details, the hours ramp, and NAV's
 * follow-up plan. Each is written out in the reader's language with the room's labels, like the
 * rest of the agreement (present-agreement.ts).
 */

function section(
  heading: string,
  parts: { intro?: string; rows?: PresentedRow[]; groups?: PresentedGroup[]; empty?: string },
): PresentedSection {
  return { heading, intro: parts.intro ?? null, rows: parts.rows ?? [], groups: parts.groups ?? [], empty: parts.empty ?? null };
}

/** One tool's line: its status and the details it was given ("In use · Place: Lageret · 15 hours a week …"). */
export function toolDetailValue(tool: string, d: ToolDetail | undefined, t: Translate, locale: Locale): string {
  if (!d) return t("agreementDoc.toolInUse");
  const fields = isPlanTool(tool) ? TOOL_FIELDS[tool] : [];
  const date = (v: string | null | undefined) => (v ? formatIsoDate(v, locale) : "…");
  const parts = [t(`toolDetail.statuses.${d.status}`)];
  if (fields.includes("place") && d.place?.trim()) parts.push(`${t("toolDetail.place")}: ${d.place.trim()}`);
  if (fields.includes("hoursPerWeek") && typeof d.hoursPerWeek === "number")
    parts.push(`${t("toolDetail.hoursPerWeek")}: ${formatNumber(d.hoursPerWeek, locale)}`);
  if (fields.includes("from") && (d.from || d.to)) parts.push(t("toolDetail.periodValue", { from: date(d.from), to: date(d.to) }));
  if (fields.includes("what") && d.what?.trim()) parts.push(`${t("toolDetail.what")}: ${d.what.trim()}`);
  if (fields.includes("approved"))
    parts.push(
      `${t("toolDetail.approved")}: ${t(d.approved === true ? "toolDetail.approvedYes" : d.approved === false ? "toolDetail.approvedNo" : "toolDetail.approvedUndecided")}`,
    );
  if (fields.includes("years") && typeof d.years === "number")
    parts.push(d.years === 1 ? t("toolDetail.yearsValueOne") : t("toolDetail.yearsValue", { years: d.years }));
  if (d.note?.trim()) parts.push(`${t("toolDetail.note")}: ${d.note.trim()}`);
  return parts.join(" · ");
}

/** The ramp in words: "10 hours a week for 2 weeks, then 15 … then 37 hours a week (ordinary hours)". */
export function describeRamp(r: HoursRamp, t: Translate, locale: Locale): string {
  const steps = r.steps.map((s) =>
    s.weeks === 1
      ? t("hoursRamp.stepSummaryOneWeek", { hours: formatNumber(s.hoursPerWeek, locale) })
      : t("hoursRamp.stepSummary", { hours: formatNumber(s.hoursPerWeek, locale), weeks: s.weeks }),
  );
  let out = steps.join(`, ${t("hoursRamp.then")} `);
  if (r.ordinaryHours !== null) {
    const ordinary = t("hoursRamp.thenOrdinary", { hours: formatNumber(r.ordinaryHours, locale) });
    out = out ? `${out}, ${ordinary}` : ordinary;
  }
  return out;
}

export function presentHoursRamp(r: HoursRamp, t: Translate, locale: Locale): PresentedSection {
  const end = rampEndsOn(r);
  return section(t("hoursRamp.title"), {
    intro: t("hoursRamp.intro"),
    rows: [
      { label: t("hoursRamp.startsOn"), value: r.startsOn ? formatIsoDate(r.startsOn, locale) : t("agreementDoc.notSet") },
      ...r.steps.map((s, i) => ({
        label: t("hoursRamp.stepN", { n: i + 1 }),
        value:
          s.weeks === 1
            ? t("hoursRamp.stepSummaryOneWeek", { hours: formatNumber(s.hoursPerWeek, locale) })
            : t("hoursRamp.stepSummary", { hours: formatNumber(s.hoursPerWeek, locale), weeks: s.weeks }),
      })),
      ...(r.ordinaryHours !== null ? [{ label: t("hoursRamp.ordinaryHours"), value: formatNumber(r.ordinaryHours, locale) }] : []),
      ...(end && r.steps.length > 0
        ? [{ label: t("hoursRamp.title"), value: t("hoursRamp.endsOn", { date: formatIsoDate(end, locale) }) }]
        : []),
    ],
  });
}

/** NAV's follow-up plan: the work tasks, the measures, the measures tried, the plan's facts. */
export function presentFollowUpPlan(p: FollowUpPlan, t: Translate, locale: Locale): PresentedSection[] {
  const notSet = t("agreementDoc.notSet");
  const date = (d: string | null) => (d ? formatIsoDate(d, locale) : notSet);
  const text = (s: string) => s.trim() || notSet;
  const yesNo = (b: boolean) => t(b ? "navPlan.yes" : "navPlan.no");
  return [
    section(t("navPlan.workTasks"), {
      intro: t("navPlan.workTasksIntro"),
      groups: p.workTasks.map((task, i) => ({
        title: `${t("navPlan.taskN", { n: i + 1 })}: ${text(task.text)}`,
        rows: [
          { label: t("navPlan.judgement"), value: t(`navPlan.judgements.${task.judgement ?? "none"}`) },
          ...(task.judgement === "adapt"
            ? [
                {
                  label: t("navPlan.adaptations"),
                  value: task.adaptations.map((a) => t(`navPlan.adaptation.${a}`)).join(", ") || notSet,
                },
                { label: t("navPlan.adaptationNote"), value: text(task.adaptationNote) },
              ]
            : []),
          { label: t("navPlan.judgedBy"), value: t(`navPlan.judgedByOptions.${task.judgedBy ?? "none"}`) },
        ],
      })),
      empty: t("navPlan.workTasksEmpty"),
    }),
    section(t("navPlan.measures"), {
      groups: p.measures.map((m, i) => ({
        title: `${t("navPlan.measureN", { n: i + 1 })}: ${text(m.text)}`,
        rows: [
          { label: t("navPlan.status"), value: t(`navPlan.statuses.${m.status}`) },
          { label: t("navPlan.from"), value: date(m.from) },
          { label: t("navPlan.to"), value: date(m.to) },
          { label: t("navPlan.how"), value: text(m.how) },
        ],
      })),
      empty: t("navPlan.measuresEmpty"),
    }),
    section(t("navPlan.tried"), {
      groups: p.tried.map((m, i) => ({
        title: `${t("navPlan.triedN", { n: i + 1 })}: ${text(m.text)}`,
        rows: [
          { label: t("navPlan.kind"), value: t(`navPlan.kinds.${m.kind}`) },
          { label: t("navPlan.whyNot"), value: text(m.whyNot) },
        ],
      })),
      empty: t("navPlan.triedEmpty"),
    }),
    section(t("navPlan.facts"), {
      rows: [
        { label: t("navPlan.evaluationDate"), value: date(p.facts.evaluationDate) },
        {
          label: t("navPlan.employeeContributed"),
          value:
            p.facts.employeeContributed === null
              ? t("navPlan.contributedUnanswered")
              : t(p.facts.employeeContributed ? "navPlan.contributedYes" : "navPlan.contributedNo"),
        },
        ...(p.facts.employeeContributed === false
          ? [{ label: t("navPlan.notContributedReason"), value: text(p.facts.notContributedReason) }]
          : []),
        { label: t("navPlan.shareWithNav"), value: yesNo(p.facts.shareWithNav) },
        { label: t("navPlan.shareWithDoctor"), value: yesNo(p.facts.shareWithDoctor) },
      ],
    }),
  ];
}

/** A catalogue activity in one line: what it is, who provides it, hours, period, where. */
export function catalogueLine(c: CatalogueFacts, t: Translate, locale: Locale): string {
  const date = (v: string | null) => (v ? formatIsoDate(v, locale) : "…");
  return [
    catalogueLabel(c, t),
    c.provider.trim() ? `${t("activityCatalogue.provider")}: ${c.provider.trim()}` : "",
    c.hoursPerWeek !== null ? `${t("activityCatalogue.hoursPerWeek")}: ${formatNumber(c.hoursPerWeek, locale)}` : "",
    c.from || c.to ? t("toolDetail.periodValue", { from: date(c.from), to: date(c.to) }) : "",
    t(c.atWorkplace ? "activityCatalogue.atWorkplace" : "activityCatalogue.notAtWorkplace"),
  ]
    .filter(Boolean)
    .join(" · ");
}
