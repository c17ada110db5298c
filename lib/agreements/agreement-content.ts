import { z } from "zod";
import { parseCanonical } from "./canonical-json";
import type { FrozenAction, FrozenFollowUp, FrozenPlan, FrozenReview } from "./frozen-document";
import { AppError } from "../errors";
import { readHoursRamp, EMPTY_RAMP } from "../plan/hours-ramp";
import { readToolDetail, type ToolDetail } from "../plan/tool-detail";
import { EMPTY_NAV_FACTS } from "../plan/follow-up-plan";
import { MEASURE_STATUSES, TASK_ADAPTATIONS, TASK_JUDGED_BY, TASK_JUDGEMENTS, TRIED_KINDS } from "../plan/follow-up-plan-terms";
import { readCatalogueFacts } from "../plan/activity-catalogue";
import { isCountry } from "../organisation/is-country";
import type { Country } from "../organisation/country";
import { MEASURE_SCHEDULES } from "../plan/measure-schedule";

/**
 * The language-free content of a frozen agreement (`plan`, `actions`, `followUp`, and `review`
 * when it followed up an earlier version), read back from its canonical bytes. Follow-up works
 * on this plain data only — never on the presentation, which is text for people. Lenient: a
 * field a later format adds is ignored, a field an older one lacks gets its empty value.
 */

export type AgreementContent = {
  /** Whose law the plan follows; DK for a version frozen before cases had one (the reader always fills it). */
  country?: Country;
  version: number;
  preparedAt: string;
  meeting: { id: string; startsAt: string };
  /** The plan; the reader fills issue 17's parts (empty when the version has none). */
  plan: FrozenPlan;
  actions: FrozenAction[];
  followUp: FrozenFollowUp;
  review: FrozenReview | null;
};

const str = z.string().catch("");
const nullableStr = z.string().nullable().catch(null);
const nullableNum = z.number().nullable().catch(null);

const planSchema = z.object({
  track: z.string().catch("employed"),
  goal: str,
  goalTargetDate: nullableStr,
  step: nullableNum,
  subGoals: z
    .array(
      z.object({
        id: z.string(),
        text: str,
        due: nullableStr,
        measure: z
          .object({
            label: str,
            from: nullableNum,
            target: nullableNum,
            unit: str,
            schedule: z.enum(MEASURE_SCHEDULES).nullable().catch(null),
          })
          .catch({ label: "", from: null, target: null, unit: "", schedule: null }),
        activities: z
          .array(
            z.object({
              id: z.string(),
              text: str,
              who: str,
              schedule: str,
              catalogue: z
                .unknown()
                .transform((v) => readCatalogueFacts(v) ?? undefined)
                .optional(),
            }),
          )
          .catch([]),
      }),
    )
    .catch([]),
  mixer: z.record(z.string(), z.number()).catch({}),
  tools: z.array(z.string()).catch([]),
  toolDetails: z
    .record(z.string(), z.unknown())
    .catch({})
    .transform((r) => {
      const out: Record<string, ToolDetail> = {};
      for (const [k, v] of Object.entries(r)) {
        const d = readToolDetail(v);
        if (d) out[k] = d;
      }
      return out;
    })
    .optional(),
  hoursRamp: z.unknown().transform(readHoursRamp).optional(),
  followUpPlan: z
    .object({
      workTasks: z
        .array(
          z.object({
            id: z.string(),
            text: str,
            judgement: z.enum(TASK_JUDGEMENTS).nullable().catch(null),
            adaptations: z.array(z.enum(TASK_ADAPTATIONS)).catch([]),
            adaptationNote: str,
            judgedBy: z.enum(TASK_JUDGED_BY).nullable().catch(null),
          }),
        )
        .catch([]),
      measures: z
        .array(
          z.object({
            id: z.string(),
            text: str,
            status: z.enum(MEASURE_STATUSES).catch("proposed"),
            from: nullableStr,
            to: nullableStr,
            how: str,
          }),
        )
        .catch([]),
      tried: z.array(z.object({ id: z.string(), text: str, kind: z.enum(TRIED_KINDS).catch("tried"), whyNot: str })).catch([]),
      facts: z
        .object({
          evaluationDate: nullableStr,
          employeeContributed: z.boolean().nullable().catch(null),
          notContributedReason: str,
          shareWithNav: z.boolean().catch(false),
          shareWithDoctor: z.boolean().catch(false),
        })
        .catch(EMPTY_NAV_FACTS),
    })
    .optional()
    .catch(undefined),
});

const contentSchema = z.object({
  case: z.object({ country: z.string().optional() }).catch({}),
  version: z.number().int().positive(),
  preparedAt: z.string(),
  meeting: z.object({ id: z.string(), startsAt: z.string() }).catch({ id: "", startsAt: "" }),
  plan: planSchema,
  actions: z
    .array(
      z.object({
        id: z.string(),
        text: str,
        owner: z.object({ participantId: z.string(), name: z.string(), role: z.string() }).nullable().catch(null),
        due: nullableStr,
        status: z.string().catch("open"),
      }),
    )
    .catch([]),
  followUp: z
    .object({ howOften: str, jobCentre: str, nextMeetingAt: nullableStr })
    .catch({ howOften: "", jobCentre: "", nextMeetingAt: null }),
  review: z
    .object({
      basis: z.object({ agreementId: z.string(), version: z.number(), fingerprint: z.string() }),
      items: z.array(
        z.object({
          kind: z.enum(["action", "subGoal"]),
          refId: z.string(),
          text: str,
          outcome: nullableStr,
          comment: str,
          progress: z
            .object({ entries: z.number(), latest: z.object({ date: z.string(), value: z.number() }).nullable() })
            .nullable()
            .optional(),
          progressPrivate: z.boolean().optional(),
        }),
      ),
    })
    .nullable()
    .optional()
    .catch(null),
});

/** Reads the content of stored canonical bytes; refuses bytes that hold no plan at all. */
export function readAgreementContent(canonical: Uint8Array): AgreementContent {
  const parsed = contentSchema.safeParse(parseCanonical(canonical));
  if (!parsed.success) throw new AppError("CONFLICT", "The stored agreement has no readable plan");
  const { case: about, plan, ...rest } = parsed.data;
  return {
    ...rest,
    country: isCountry(about.country) ? about.country : "DK",
    plan: {
      ...plan,
      toolDetails: plan.toolDetails ?? {},
      hoursRamp: plan.hoursRamp ?? EMPTY_RAMP,
      followUpPlan: plan.followUpPlan ?? { workTasks: [], measures: [], tried: [], facts: EMPTY_NAV_FACTS },
    },
    review: parsed.data.review ?? null,
  };
}
