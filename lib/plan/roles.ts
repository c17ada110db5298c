export const ROLES = ["caseworker", "employee", "manager", "union_rep", "observer"] as const;
export type Role = (typeof ROLES)[number];

/** The four roles that take part in the meeting; an observer only watches. */
export const MEETING_ROLES = ["caseworker", "employee", "manager", "union_rep"] as const;

export function isRole(v: unknown): v is Role {
  return typeof v === "string" && (ROLES as readonly string[]).includes(v);
}
