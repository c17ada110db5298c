/**
 * What can be shown and why, as recorded in the access log (NAV's audit-logging practice: one
 * row each time a person's data is *shown*, never for access checks, denials or machine
 * processing). Each value has a label in lib/i18n/messages/privacy.json (`accessLog.what.*`,
 * `accessLog.purpose.*`); add a label there when adding a value here.
 */
export const ACCESS_WHAT = [
  /** The meeting room page (case header, participants). */
  "meeting_room",
  /** The shared meeting document opened over the socket. */
  "meeting_doc",
  /** The private preparation document opened over the socket. */
  "prep_doc",
  /** A staff view of the case (case page, participants, invitations). */
  "case_overview",
  /** An agreement shown on screen. */
  "agreement",
  /** An agreement exported as PDF. */
  "agreement_pdf",
  /** An agreement's verification bundle exported. */
  "agreement_bundle",
  /** An agreement exported in an authority's format (fastholdelsesplan, oppfølgingsplan, dialogmøte referat). */
  "agreement_export",
  /** The person's own data exported (GDPR Art. 15 / 20). */
  "data_export",
  /** A follow-up meeting's review: the agreed plan and every progress entry recorded since. */
  "meeting_review",
  /** Where an agreement version stands: who has signed or declined, and why (polled; merged). */
  "agreement_status",
  /** The list of a case's agreement versions (polled; merged). */
  "agreement_versions",
  /** The case in the caseworker's list of cases: the employee's name, employer, next meeting (merged). */
  "case_list",
  /** "What is due from you": one's actions and entries asked for, from the plan (merged). */
  "due_list",
] as const;
export type AccessWhat = (typeof ACCESS_WHAT)[number];

export const ACCESS_PURPOSE = [
  /** Taking part in a meeting of the case. */
  "meeting",
  /** Preparing the meeting (the private preparation). */
  "preparation",
  /** The caseworker handling the case (scheduling, inviting). */
  "case_management",
  /** Signing or preparing an agreement. */
  "agreement",
  /** An export (PDF, bundle, the person's own copy). */
  "export",
] as const;
export type AccessPurpose = (typeof ACCESS_PURPOSE)[number];

/**
 * Who was shown the data: a participant (joined by link), a signed-in staff user, or one of the
 * organisation's systems through the API (its token's name).
 */
export type AccessActor = {
  kind: "participant" | "staff" | "system";
  /** participants.id, users.id or api_tokens.id */
  id: string;
  name: string;
  /** A participant role, or the staff role ("caseworker"). */
  role: string;
};

export function isAccessWhat(v: unknown): v is AccessWhat {
  return typeof v === "string" && (ACCESS_WHAT as readonly string[]).includes(v);
}

export function isAccessPurpose(v: unknown): v is AccessPurpose {
  return typeof v === "string" && (ACCESS_PURPOSE as readonly string[]).includes(v);
}
