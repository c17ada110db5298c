/**
 * `doctor`: the treating doctor (behandlende læge / behandler, fastlege), invited to a meeting with
 * a narrow view — time, place, agenda and what concerns work capacity — never the shared document
 * itself (docs/permissions.md, "The treating doctor").
 */
export const ROLES = ["caseworker", "employee", "manager", "union_rep", "observer", "doctor"] as const;
export type Role = (typeof ROLES)[number];

/** The four roles that take part in the meeting; an observer only watches, a doctor sees a narrow view. */
export const MEETING_ROLES = ["caseworker", "employee", "manager", "union_rep"] as const;

/** Takes part in the live room (speaks, owns actions, consents, is reminded of the evaluation): not an observer, not the treating doctor. */
export function takesPart(role: Role): boolean {
  return (MEETING_ROLES as readonly Role[]).includes(role);
}

export function isRole(v: unknown): v is Role {
  return typeof v === "string" && (ROLES as readonly string[]).includes(v);
}
