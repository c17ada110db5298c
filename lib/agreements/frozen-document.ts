import { z } from "zod";
import { AppError } from "../errors";
import { parseCanonical } from "./canonical-json";
import type { FrozenReservation } from "./frozen-reservations";
import type { ToolDetail } from "../plan/tool-detail";
import type { HoursRamp } from "../plan/hours-ramp";
import type { FollowUpPlan } from "../plan/follow-up-plan";
import type { CatalogueFacts } from "../plan/activity-catalogue";
import type { MeasureSchedule } from "../plan/measure-schedule";

/**
 * The frozen agreement document (`stepwise-agreement/1`): what is hashed and signed. Besides the
 * header `freezeAgreement` checks, it holds
 *
 * - `plan`, `actions`, `followUp`: the agreed content as structured, language-free data (follow-up
 *   meetings compare progress against it);
 * - `presentation`: the same content as it was shown, one block per language, every label and
 *   every translated term (step meaning, mixer level, tool name, role) written out as text.
 *   Pages and the PDF render only this block, so an agreement reads the same after the room's
 *   form, its labels or the catalogues change. See README.md ("The frozen document").
 */

export const AGREEMENT_FORMAT = "stepwise-agreement/1";

/** One line of the presentation: a label and its value, both as shown. */
export type PresentedRow = { label: string; value: string };
/** A titled group of rows (a sub-goal with its activities, an action). */
export type PresentedGroup = { title: string; rows: PresentedRow[] };
export type PresentedSection = {
  heading: string;
  /** A short explanation under the heading (what the mixer desk is), or null. */
  intro: string | null;
  rows: PresentedRow[];
  groups: PresentedGroup[];
  /** Shown when the section has no rows and no groups ("No sub-goals."), or null. */
  empty: string | null;
};
export type Presentation = { title: string; summary: string; sections: PresentedSection[] };

export type SigningParty = {
  participantId: string;
  role: string;
  name: string;
  /** "required": their role must sign before it binds; "supporter": may sign, not required. */
  signs: "required" | "supporter";
};

/** The agreed follow-up arrangement, as frozen. */
export type FrozenFollowUp = { howOften: string; jobCentre: string; nextMeetingAt: string | null };

export type FrozenReviewItem = {
  kind: "action" | "subGoal";
  refId: string;
  text: string;
  outcome: string | null;
  comment: string;
  /** Sub-goals: the recorded progress when the agreement was prepared. */
  progress?: { entries: number; latest: { date: string; value: number } | null } | null;
  /** Sub-goals: a health measure the employee kept private — no numbers were frozen. */
  progressPrivate?: boolean;
};

/** A follow-up meeting's review of the version it followed up, as frozen into the next one. */
export type FrozenReview = { basis: { agreementId: string; version: number; fingerprint: string }; items: FrozenReviewItem[] };

export type FrozenAgreementDocument = {
  format: typeof AGREEMENT_FORMAT;
  agreementId: string;
  caseId: string;
  version: number;
  requiredSigners: string[];
  supporters: string[];
  /** The version this one replaces, with the reason; null for version 1. */
  amends: { agreementId: string; version: number; fingerprint: string; reason: string } | null;
  preparedAt: string;
  preparedBy: { participantId: string; role: string; name: string };
  /** `country` (DK or NO): whose law the plan follows; absent in versions frozen before issue 17 (read as DK). */
  case: { employeeName: string; employer: string | null; track: string; country?: string };
  meeting: { id: string; title: string; startsAt: string; location: string | null };
  parties: SigningParty[];
  languages: string[];
  plan: FrozenPlan;
  actions: FrozenAction[];
  followUp: { howOften: string; jobCentre: string; nextMeetingAt: string | null };
  /** A follow-up meeting's review of the previous binding version (lib/followup); absent otherwise. */
  review?: FrozenReview;
  /** Reservations raised in the meeting and how each was resolved (frozen-reservations.ts); absent in older versions. */
  reservations?: FrozenReservation[];
  presentation: Record<string, Presentation>;
};

export type FrozenPlan = {
  track: string;
  goal: string;
  goalTargetDate: string | null;
  step: number | null;
  subGoals: {
    id: string;
    text: string;
    due: string | null;
    /** `schedule`: how often an entry is asked for (absent in versions frozen before it existed). */
    measure: { label: string; from: number | null; target: number | null; unit: string; schedule?: MeasureSchedule | null };
    /** `catalogue`: picked from the activity catalogue (issue 17); absent otherwise. */
    activities: { id: string; text: string; who: string; schedule: string; catalogue?: CatalogueFacts }[];
  }[];
  mixer: Record<string, number>;
  tools: string[];
  /** Each tool's details (issue 17); absent when none was given. */
  toolDetails?: Record<string, ToolDetail>;
  /** The structured hours ramp; absent when the plan has none. */
  hoursRamp?: HoursRamp;
  /** NAV's follow-up plan (work tasks, measures, measures tried, facts); absent when empty. */
  followUpPlan?: FollowUpPlan;
};

export type FrozenAction = {
  id: string;
  text: string;
  owner: { participantId: string; name: string; role: string } | null;
  due: string | null;
  status: string;
};

const row = z.object({ label: z.string(), value: z.string() });
const presentationSchema = z.object({
  title: z.string(),
  summary: z.string(),
  sections: z.array(
    z.object({
      heading: z.string(),
      intro: z.string().nullable(),
      rows: z.array(row),
      groups: z.array(z.object({ title: z.string(), rows: z.array(row) })),
      empty: z.string().nullable(),
    }),
  ),
});

/**
 * What rendering needs from stored bytes. Loose on purpose: a later format may add fields, and
 * an old agreement must still render with whatever reader is current.
 */
const readableSchema = z.looseObject({
  format: z.string(),
  agreementId: z.string(),
  caseId: z.string(),
  version: z.number().int().positive(),
  requiredSigners: z.array(z.string()),
  supporters: z.array(z.string()).default([]),
  amends: z.object({ agreementId: z.string(), version: z.number(), fingerprint: z.string(), reason: z.string() }).nullable().default(null),
  preparedAt: z.string(),
  parties: z.array(z.object({ participantId: z.string(), role: z.string(), name: z.string(), signs: z.enum(["required", "supporter"]) })),
  languages: z.array(z.string()).min(1),
  presentation: z.record(z.string(), presentationSchema),
});

export type ReadableAgreement = z.infer<typeof readableSchema>;

/** Reads stored canonical bytes back into a document; refuses bytes that are not canonical. */
export function readFrozenDocument(canonical: Uint8Array): ReadableAgreement {
  const parsed = readableSchema.safeParse(parseCanonical(canonical));
  if (!parsed.success) throw new AppError("CONFLICT", "The stored agreement cannot be read as a Stepwise agreement");
  return parsed.data;
}

/** The presentation in the reader's language, else in the first language it was frozen in. */
export function presentationFor(doc: ReadableAgreement, locale: string): { locale: string; presentation: Presentation } {
  const chosen = doc.presentation[locale] ? locale : doc.languages.find((l) => doc.presentation[l]);
  if (!chosen) throw new AppError("CONFLICT", "The stored agreement has no presentation");
  return { locale: chosen, presentation: doc.presentation[chosen]! };
}
