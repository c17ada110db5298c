import { z } from "zod";
import { ROLES } from "../plan/roles";
import { TRACKS } from "../plan/track";
import { normalizeEmail } from "../auth/normalize-email";

/**
 * The /api/v1/ contract: every request and answer as a zod schema. The route handlers validate
 * with these very schemas (app/api/v1/), and the OpenAPI document is generated from them
 * (openapi-document.ts), so the two cannot drift apart. Field errors use the same codes as the
 * forms ("required", "tooLong", …); the error body is `ZApiError` on every answer that is not 2xx.
 */

const CASE_OUTCOMES = ["full_return", "partial_return", "other_job", "education", "left_labour_market", "other"] as const;
const CASE_STATES = ["open", "closed"] as const;

export const ZId = z.uuid({ message: "invalidId" }).meta({ id: "Id", description: "An id Stepwise gave (UUID)." });

const email = z
  .string({ message: "invalidEmail" })
  .max(254, "invalidEmail")
  .refine((v) => normalizeEmail(v) !== null, "invalidEmail")
  .transform((v) => normalizeEmail(v)!)
  .meta({ type: "string", format: "email" });

/** A calendar day, `YYYY-MM-DD`, that exists (no 31 February). */
const isoDate = z
  .string({ message: "required" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "invalidDate")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "invalidDate")
  .meta({ format: "date", example: "2026-11-02" });

/** An instant with its offset, e.g. `2026-12-10T09:00:00+01:00` or `…Z`. */
const instant = z.iso.datetime({ offset: true, message: "invalidDateTime" }).meta({ example: "2026-12-10T09:00:00+01:00" });

const place = z.string().trim().max(300, "tooLong");
const videoUrl = z
  .string()
  .trim()
  .max(500, "url")
  .regex(/^https:\/\/\S+$/i, "url");

// ---- errors ------------------------------------------------------------------------------------

export const ZApiError = z
  .object({
    error: z.enum([
      "UNAUTHENTICATED",
      "FORBIDDEN",
      "NOT_FOUND",
      "INVALID_INPUT",
      "CONFLICT",
      "GONE",
      "RATE_LIMITED",
      "UNAVAILABLE",
      "INTERNAL",
    ]),
    message: z.string(),
    details: z
      .record(z.string(), z.string())
      .optional()
      .meta({ description: "For 400: each field that is wrong and why (a code such as `required`, `tooLong`, `invalidDate`)." }),
  })
  .meta({ id: "Error", description: "The one error body of every answer that is not 2xx." });

// ---- cases -------------------------------------------------------------------------------------

export const ZApiNewCase = z
  .object({
    employeeName: z.string({ message: "required" }).trim().min(1, "required").max(200, "tooLong"),
    employeeEmail: email.nullish().meta({ description: "Invites the employee (no mail is sent until a meeting is scheduled)." }),
    employerName: z
      .string({ message: "required" })
      .trim()
      .max(200, "tooLong")
      .meta({ description: "Required on the employed track; may be empty on the unemployed track." }),
    track: z.enum(TRACKS, { message: "required" }),
    reference: z.string().trim().max(100, "tooLong").nullish().meta({ description: "The organisation's own case number." }),
    sickLeaveStart: isoDate.nullish(),
    caseworkerEmail: email.meta({ description: "A caseworker of the organisation: the case's caseworker." }),
  })
  .superRefine((v, ctx) => {
    if (v.track === "employed" && !v.employerName)
      ctx.addIssue({ code: "custom", path: ["employerName"], message: "requiredWhenEmployed" });
  })
  .meta({ id: "NewCase" });

export const ZApiCreated = z.object({ caseId: ZId }).meta({ id: "CaseCreated" });

export const ZApiCaseListQuery = z.object({
  q: z
    .string()
    .trim()
    .max(200, "tooLong")
    .optional()
    .meta({ description: "Searches the employee's name, the reference and the employer." }),
  state: z.enum(CASE_STATES, { message: "invalidState" }).optional(),
  page: z.coerce.number({ message: "invalidPage" }).int("invalidPage").min(1, "invalidPage").max(10_000, "invalidPage").optional(),
});

export const ZApiCaseItem = z
  .object({
    caseId: ZId,
    employeeName: z.string(),
    employerName: z.string().nullable(),
    reference: z.string().nullable(),
    state: z.enum(CASE_STATES),
    track: z.enum(TRACKS),
    sickLeaveStart: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "CaseItem" });

export const ZApiCaseList = z
  .object({
    items: z.array(ZApiCaseItem),
    next: z.number().int().nullable().meta({ description: "The next page's number, or null on the last page." }),
  })
  .meta({ id: "CaseList" });

export const ZApiMeeting = z
  .object({
    meetingId: ZId,
    title: z.string(),
    startsAt: z.string(),
    minutes: z.number().int(),
    place: z.string().nullable(),
    videoUrl: z.string().nullable(),
    status: z.enum(["planned", "in_progress", "completed", "cancelled"]),
  })
  .meta({ id: "Meeting" });

export const ZApiCase = ZApiCaseItem.extend({
  outcome: z.enum(CASE_OUTCOMES).nullable(),
  closedOn: z.string().nullable(),
  meetings: z.array(ZApiMeeting),
}).meta({ id: "Case" });

export const ZApiCloseCase = z
  .object({
    outcome: z.enum(CASE_OUTCOMES, { message: "required" }),
    date: isoDate.meta({ description: "The day the case ended (not a day still to come)." }),
  })
  .meta({ id: "CloseCase" });

export const ZApiClosed = z
  .object({ caseId: ZId, state: z.literal("closed"), outcome: z.enum(CASE_OUTCOMES), date: z.string() })
  .meta({ id: "CaseClosed" });

/** A team lead hands a case to another caseworker of the organisation, named by e-mail. */
export const ZApiAssignCase = z
  .object({
    caseworkerEmail: email.meta({ description: "An active caseworker or team lead of the organisation: the case's new caseworker." }),
  })
  .meta({ id: "CaseAssignment" });

export const ZApiAssigned = z.object({ caseId: ZId, caseworkerEmail: z.string().meta({ format: "email" }) }).meta({ id: "CaseAssigned" });

// ---- meetings ----------------------------------------------------------------------------------

export const ZApiNewMeeting = z
  .object({
    startsAt: instant,
    minutes: z.number({ message: "duration" }).int("duration").min(15, "duration").max(480, "duration"),
    place: place.nullish(),
    videoUrl: videoUrl.nullish(),
    title: z
      .string()
      .trim()
      .min(1, "required")
      .max(200, "tooLong")
      .optional()
      .meta({ description: "Defaults to “Follow-up meeting” in the organisation's language." }),
  })
  .superRefine((v, ctx) => {
    if (!v.place && !v.videoUrl) ctx.addIssue({ code: "custom", path: ["place"], message: "placeOrVideo" });
  })
  .meta({
    id: "NewMeeting",
    description: "At least a place or a video link. A case with a binding agreement gets a follow-up meeting from it.",
  });

export const ZApiMeetingCreated = z.object({ meetingId: ZId }).meta({ id: "MeetingCreated" });

export const ZApiMeetingChange = z
  .object({
    startsAt: instant.optional(),
    minutes: z.number({ message: "duration" }).int("duration").min(15, "duration").max(480, "duration").optional(),
    place: place.nullish().meta({ description: "null removes the place." }),
    videoUrl: videoUrl.nullish().meta({ description: "null removes the video link." }),
    status: z.literal("cancelled", { message: "invalidStatus" }).optional(),
    message: z
      .string()
      .trim()
      .max(1000, "tooLong")
      .optional()
      .meta({ description: "With `status: cancelled`: a message to the invitees." }),
  })
  .superRefine((v, ctx) => {
    const moves = v.startsAt !== undefined || v.minutes !== undefined || v.place !== undefined || v.videoUrl !== undefined;
    if (v.status === "cancelled" && moves) ctx.addIssue({ code: "custom", path: ["status"], message: "cancelOrMove" });
    if (!v.status && !moves) ctx.addIssue({ code: "custom", path: ["body"], message: "nothingToChange" });
    if (v.message !== undefined && v.status !== "cancelled") ctx.addIssue({ code: "custom", path: ["message"], message: "onlyWithCancel" });
  })
  .meta({
    id: "MeetingChange",
    description: "Move (any of startsAt, minutes, place, videoUrl) or cancel (`status: cancelled`), not both.",
  });

export const ZApiMeetingChanged = z
  .object({ meetingId: ZId, status: z.enum(["planned", "in_progress", "completed", "cancelled"]), sequence: z.number().int() })
  .meta({ id: "MeetingChanged", description: "`sequence` is the calendar event's SEQUENCE: it goes up with every change." });

export const ZApiInvitation = z
  .object({
    role: z.enum(ROLES, { message: "required" }),
    name: z.string({ message: "required" }).trim().min(1, "required").max(120, "tooLong"),
    email: email.nullish().meta({ description: "When given, the invitation is e-mailed." }),
  })
  .meta({ id: "Invitation" });

export const ZApiInvited = z
  .object({
    participantId: ZId,
    joinUrl: z.url().meta({ description: "The person's personal link: shown this once (only its hash is kept)." }),
  })
  .meta({ id: "Invited" });

// ---- agreements --------------------------------------------------------------------------------

export const ZApiAgreement = z
  .object({
    agreementId: ZId,
    version: z.number().int(),
    state: z.string().meta({ description: "e.g. `binding`, `replaced`, `awaiting_signatures`." }),
    fingerprint: z.string(),
    preparedAt: z.string(),
    sealedAt: z.string().nullable(),
    meetingId: ZId.nullable(),
    altered: z.boolean().meta({ description: "Its stored record no longer proves itself." }),
  })
  .meta({ id: "Agreement" });

export const ZApiAgreementList = z
  .object({
    items: z.array(ZApiAgreement),
    binding: ZId.nullable().meta({
      description: "The binding version's id: its PDF and bundle are at /api/v1/agreements/{id}/pdf and /bundle.",
    }),
  })
  .meta({ id: "AgreementList" });

export const ZIdParam = z.object({ id: ZId });
