import type { AgreementContent } from "./agreement-content";
import type { Locale } from "../i18n/locales";
import { formatIsoDate, formatNumber, type Translate } from "./labels";
import { describeRamp, toolDetailValue, catalogueLine } from "./present-country-plan";
import { rampSchedule } from "../plan/hours-ramp";
import { isPlanTool, PLAN_TOOLS } from "../plan/tools";
import { MIXER_DIMENSIONS } from "../plan/mixer-desk";

/**
 * The authorities' formats (issue 17), built from one frozen agreement version — its canonical
 * bytes, read by readAgreementContent — so they can never disagree with what was signed. Each
 * format has a JSON shape (documented with its source in docs/exports.md) and a printable form
 * (sections of rows, rendered as PDF by render-export-pdf.ts).
 */
export const EXPORT_FORMATS = ["dk-fastholdelsesplan", "no-oppfolgingsplan", "no-dialogmote-referat"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(v: unknown): v is ExportFormat {
  return typeof v === "string" && (EXPORT_FORMATS as readonly string[]).includes(v);
}

/** The frozen version's header: who, where, which version (from the same bytes as the content). */
export type ExportHeader = {
  agreementId: string;
  version: number;
  fingerprint: string;
  employeeName: string;
  employer: string | null;
  meetingTitle: string;
  meetingStartsAt: string;
  parties: { role: string; name: string }[];
  /** Whether the version binds (signed by everyone required). */
  binding: boolean;
};

export type PrintableSection = { heading: string; rows: { label: string; value: string }[] };
export type Printable = { title: string; subtitle: string; sections: PrintableSection[] };
export type BuiltExport = { json: Record<string, unknown>; printable: Printable };

const about = (h: ExportHeader) => ({ agreementId: h.agreementId, version: h.version, fingerprint: h.fingerprint, binding: h.binding });

function lines(items: string[]): string {
  return items.filter((s) => s.trim()).join("\n");
}

// ---- DK: fastholdelsesplan (sygedagpengeloven §7b) ----

function dkFastholdelsesplan(h: ExportHeader, c: AgreementContent, t: Translate, locale: Locale): BuiltExport {
  const p = c.plan;
  const fup = p.followUpPlan;
  const date = (d: string | null) => (d ? formatIsoDate(d, locale) : "");
  const workFunctions = (fup?.workTasks ?? []).map((w) => ({
    task: w.text,
    judgement: w.judgement,
    adaptations: w.adaptations,
    adaptationNote: w.adaptationNote,
  }));
  const tools = p.tools.filter(isPlanTool).map((k) => ({ tool: k, ...(p.toolDetails?.[k] ?? { status: "in_use" }) }));
  const ramp = p.hoursRamp && p.hoursRamp.steps.length > 0 ? p.hoursRamp : null;
  const json = {
    format: "stepwise-export/dk-fastholdelsesplan/1",
    source: "sygedagpengeloven § 7 b (fastholdelsesplan)",
    agreement: about(h),
    employee: { name: h.employeeName },
    employer: { name: h.employer },
    workFunctions,
    agreedReturn: {
      goal: p.goal,
      goalTargetDate: p.goalTargetDate,
      step: p.step,
      subGoals: p.subGoals.map((g) => ({ text: g.text, due: g.due, measure: g.measure })),
    },
    accommodationsAndTools: {
      mixer: p.mixer,
      tools,
      activities: p.subGoals.flatMap((g) =>
        g.activities.map((a) => ({ text: a.text, who: a.who, schedule: a.schedule, catalogue: a.catalogue ?? null })),
      ),
    },
    timeline: {
      hoursRamp: ramp,
      actions: c.actions.map((a) => ({
        text: a.text,
        owner: a.owner ? { name: a.owner.name, role: a.owner.role } : null,
        due: a.due,
        status: a.status,
      })),
      followUp: c.followUp,
    },
  };
  const printable: Printable = {
    title: t("exports.dk.title"),
    subtitle: t("exports.subtitle", { employee: h.employeeName, version: h.version }),
    sections: [
      {
        heading: t("exports.dk.workFunctions"),
        rows: workFunctions.length
          ? workFunctions.map((w, i) => ({
              label: t("navPlan.taskN", { n: i + 1 }),
              value: lines([w.task, t(`navPlan.judgements.${w.judgement ?? "none"}`), w.adaptationNote]),
            }))
          : [
              {
                label: t("room.plan.mixer"),
                value:
                  MIXER_DIMENSIONS.filter((d) => p.mixer[d] !== undefined)
                    .map((d) => `${t(`mixer.${d}`)}: ${t(`mixer.level.${p.mixer[d]}`)}`)
                    .join("\n") || t("agreementDoc.notSet"),
              },
            ],
      },
      {
        heading: t("exports.dk.agreedReturn"),
        rows: [
          { label: t("room.plan.goal"), value: lines([p.goal, date(p.goalTargetDate)]) || t("agreementDoc.notSet") },
          ...(p.step !== null
            ? [
                {
                  label: t("room.plan.stepLabel", { step: p.step }),
                  value: t(`staircase.${p.track === "unemployed" ? "unemployed" : "employed"}.${p.step}`),
                },
              ]
            : []),
          ...p.subGoals.map((g, i) => ({ label: t("room.plan.subGoalN", { n: i + 1 }), value: lines([g.text, date(g.due)]) })),
        ],
      },
      {
        heading: t("exports.dk.accommodations"),
        rows: [
          ...PLAN_TOOLS.filter((k) => p.tools.includes(k)).map((k) => ({
            label: t(`tools.${k}`),
            value: toolDetailValue(k, p.toolDetails?.[k], t, locale),
          })),
          ...p.subGoals.flatMap((g) =>
            g.activities.map((a) => ({
              label: t("room.plan.activities"),
              value: lines([a.catalogue ? catalogueLine(a.catalogue, t, locale) : "", a.text, a.schedule]),
            })),
          ),
        ],
      },
      {
        heading: t("exports.dk.timeline"),
        rows: [
          ...(ramp ? [{ label: t("hoursRamp.title"), value: describeRamp(ramp, t, locale) }] : []),
          ...(ramp?.startsOn
            ? rampSchedule(ramp).map((w) => ({
                label: t("exports.weekN", { n: w.week }),
                value: `${date(w.weekStart)}: ${formatNumber(w.hoursPerWeek, locale)}`,
              }))
            : []),
          ...c.actions.map((a) => ({
            label: a.owner ? `${a.owner.name} (${t(`roles.${a.owner.role}`)})` : t("room.actions.noOwner"),
            value: lines([a.text, date(a.due)]),
          })),
          { label: t("room.followUp.howOften"), value: c.followUp.howOften || t("agreementDoc.notSet") },
          { label: t("room.followUp.jobCentre"), value: c.followUp.jobCentre || t("agreementDoc.notSet") },
        ],
      },
    ],
  };
  return { json, printable };
}

// ---- NO: oppfølgingsplan in the shape of NAV's API for follow-up plans from HR systems ----

function noOppfolgingsplan(h: ExportHeader, c: AgreementContent, t: Translate, locale: Locale): BuiltExport {
  const fup = c.plan.followUpPlan;
  const tasks = fup?.workTasks ?? [];
  const adapt = (w: (typeof tasks)[number]) =>
    `${w.text} (${t("navPlan.judgements.adapt").toLowerCase()}: ${lines([w.adaptations.map((a) => t(`navPlan.adaptation.${a}`)).join(", "), w.adaptationNote]).replace(/\n/g, "; ")})`;
  const contributed = fup?.facts.employeeContributed ?? null;
  const manager = h.parties.find((p) => p.role === "manager");
  // NAV's API (FollowUpPlanDTO) field by field; what Stepwise never holds is null and named in `missing`.
  const followUpPlan = {
    employeeIdentificationNumber: null,
    typicalWorkday: c.plan.goal,
    tasksThatCanStillBeDone: lines([
      ...tasks.filter((w) => w.judgement === "can").map((w) => w.text),
      ...tasks.filter((w) => w.judgement === "adapt").map(adapt),
    ]),
    tasksThatCanNotBeDone: lines(tasks.filter((w) => w.judgement === "cannot").map((w) => w.text)),
    previousFacilitation: lines((fup?.tried ?? []).map((m) => `${m.text} (${t(`navPlan.kinds.${m.kind}`).toLowerCase()}): ${m.whyNot}`)),
    plannedFacilitation: lines(
      (fup?.measures ?? [])
        .filter((m) => m.status === "agreed")
        .map((m) => `${m.text}${m.from || m.to ? ` (${m.from ?? "…"} – ${m.to ?? "…"})` : ""}${m.how ? `: ${m.how}` : ""}`),
    ),
    otherFacilitationOptions: lines((fup?.measures ?? []).filter((m) => m.status === "proposed").map((m) => m.text)) || null,
    followUp: lines([c.followUp.howOften, c.followUp.jobCentre]),
    evaluationDate: fup?.facts.evaluationDate ?? null,
    sendPlanToNav: fup?.facts.shareWithNav ?? false,
    needsHelpFromNav: null,
    needsHelpFromNavDescription: null,
    sendPlanToGeneralPractitioner: fup?.facts.shareWithDoctor ?? false,
    messageToGeneralPractitioner: null,
    additionalInformation: c.plan.hoursRamp && c.plan.hoursRamp.steps.length > 0 ? describeRamp(c.plan.hoursRamp, t, locale) : null,
    contactPersonFullName: manager?.name ?? null,
    contactPersonPhoneNumber: null,
    employeeHasContributedToPlan: contributed,
    // NAV refuses a description when the employee contributed, and requires one when not.
    employeeHasNotContributedToPlanDescription: contributed === false ? fup?.facts.notContributedReason || null : null,
    lpsName: "Stepwise",
  };
  const missing = Object.entries(followUpPlan)
    .filter(
      ([k, v]) =>
        (v === null || v === "") &&
        [
          "employeeIdentificationNumber",
          "evaluationDate",
          "contactPersonPhoneNumber",
          "employeeHasContributedToPlan",
          "tasksThatCanStillBeDone",
          "previousFacilitation",
          "plannedFacilitation",
          "followUp",
        ].includes(k),
    )
    .map(([k]) => k);
  if (contributed === false && !followUpPlan.employeeHasNotContributedToPlanDescription)
    missing.push("employeeHasNotContributedToPlanDescription");
  const json = {
    format: "stepwise-export/no-oppfolgingsplan/1",
    source: "NAV: follow-up plans from HR systems (POST /api/v1/followupplan, FollowUpPlanDTO); arbeidsmiljøloven § 4-6",
    agreement: about(h),
    missing,
    followUpPlan,
  };
  const row = (key: keyof typeof followUpPlan, value: unknown) => ({
    label: t(`exports.no.fields.${key}`),
    value:
      value === null || value === ""
        ? t("agreementDoc.notSet")
        : typeof value === "boolean"
          ? t(value ? "navPlan.yes" : "navPlan.no")
          : String(value),
  });
  const printable: Printable = {
    title: t("exports.no.title"),
    subtitle: t("exports.subtitle", { employee: h.employeeName, version: h.version }),
    sections: [
      {
        heading: t("navPlan.workTasks"),
        rows: [
          row("typicalWorkday", followUpPlan.typicalWorkday),
          row("tasksThatCanStillBeDone", followUpPlan.tasksThatCanStillBeDone),
          row("tasksThatCanNotBeDone", followUpPlan.tasksThatCanNotBeDone),
        ],
      },
      {
        heading: t("navPlan.measures"),
        rows: [
          row("previousFacilitation", followUpPlan.previousFacilitation),
          row("plannedFacilitation", followUpPlan.plannedFacilitation),
          row("otherFacilitationOptions", followUpPlan.otherFacilitationOptions),
          row("additionalInformation", followUpPlan.additionalInformation),
        ],
      },
      {
        heading: t("navPlan.facts"),
        rows: [
          row("followUp", followUpPlan.followUp),
          row("evaluationDate", followUpPlan.evaluationDate ? formatIsoDate(followUpPlan.evaluationDate, locale) : null),
          row("sendPlanToNav", followUpPlan.sendPlanToNav),
          row("sendPlanToGeneralPractitioner", followUpPlan.sendPlanToGeneralPractitioner),
          row("employeeHasContributedToPlan", followUpPlan.employeeHasContributedToPlan),
          ...(contributed === false
            ? [row("employeeHasNotContributedToPlanDescription", followUpPlan.employeeHasNotContributedToPlanDescription)]
            : []),
          row("contactPersonFullName", followUpPlan.contactPersonFullName),
        ],
      },
    ],
  };
  return { json, printable };
}

// ---- NO: dialogmøte summary (referat) with a task text per role ----

function noDialogmoteReferat(h: ExportHeader, c: AgreementContent, t: Translate, locale: Locale): BuiltExport {
  const tasksOf = (role: string) =>
    lines(c.actions.filter((a) => a.owner?.role === role).map((a) => `${a.text}${a.due ? ` (${formatIsoDate(a.due, locale)})` : ""}`));
  const fup = c.plan.followUpPlan;
  const referat = {
    situasjon: lines([c.plan.goal, ...(fup?.workTasks ?? []).map((w) => `${w.text}: ${t(`navPlan.judgements.${w.judgement ?? "none"}`)}`)]),
    konklusjon: lines([
      ...(fup?.measures ?? []).filter((m) => m.status === "agreed").map((m) => m.text),
      ...c.plan.subGoals.map((g) => g.text),
      c.followUp.nextMeetingAt ? `${t("room.followUp.nextMeeting")}: ${c.followUp.nextMeetingAt.replace("T", " ")}` : "",
    ]),
    arbeidstakerOppgave: tasksOf("employee"),
    arbeidsgiverOppgave: tasksOf("manager"),
    veilederOppgave: tasksOf("caseworker"),
    // The treating doctor is not a participant role yet: no action can be theirs (docs/exports.md).
    behandlerOppgave: null,
    narmesteLederNavn: h.parties.find((p) => p.role === "manager")?.name ?? null,
    deltakere: h.parties.map((p) => ({ rolle: p.role, navn: p.name })),
    moteTidspunkt: h.meetingStartsAt,
  };
  const json = {
    format: "stepwise-export/no-dialogmote-referat/1",
    source: "NAV: dialogmøte referat (isdialogmote NewReferatDTO: situasjon, konklusjon, a task per role)",
    agreement: about(h),
    referat,
  };
  const printable: Printable = {
    title: t("exports.referat.title"),
    subtitle: t("exports.subtitle", { employee: h.employeeName, version: h.version }),
    sections: [
      {
        heading: t("exports.referat.situation"),
        rows: [{ label: t("exports.referat.situation"), value: referat.situasjon || t("agreementDoc.notSet") }],
      },
      {
        heading: t("exports.referat.conclusion"),
        rows: [{ label: t("exports.referat.conclusion"), value: referat.konklusjon || t("agreementDoc.notSet") }],
      },
      {
        heading: t("exports.referat.tasks"),
        rows: (["employee", "manager", "caseworker"] as const).map((r) => ({
          label: t(`roles.${r}`),
          value: tasksOf(r) || t("exports.referat.noTask"),
        })),
      },
      { heading: t("exports.referat.participants"), rows: h.parties.map((p) => ({ label: t(`roles.${p.role}`), value: p.name })) },
    ],
  };
  return { json, printable };
}

export function buildExport(format: ExportFormat, h: ExportHeader, c: AgreementContent, t: Translate, locale: Locale): BuiltExport {
  if (format === "dk-fastholdelsesplan") return dkFastholdelsesplan(h, c, t, locale);
  if (format === "no-oppfolgingsplan") return noOppfolgingsplan(h, c, t, locale);
  return noDialogmoteReferat(h, c, t, locale);
}
