import type { Role } from "./plan/roles";
import { AppError } from "./errors";

/**
 * The one permission model: role × resource × action. docs/permissions.md is this table in
 * prose; pages, route handlers and the WebSocket server all ask `can`/`assertCan`.
 */
export type Resource = "meeting" | "meeting_doc";
export type Action = "view" | "read" | "write";

const MATRIX: Record<Role, Partial<Record<Resource, readonly Action[]>>> = {
  caseworker: { meeting: ["view"], meeting_doc: ["read", "write"] },
  employee: { meeting: ["view"], meeting_doc: ["read", "write"] },
  manager: { meeting: ["view"], meeting_doc: ["read", "write"] },
  union_rep: { meeting: ["view"], meeting_doc: ["read", "write"] },
  // An observer follows the meeting and can never change it.
  observer: { meeting: ["view"], meeting_doc: ["read"] },
};

export function can(role: Role, action: Action, resource: Resource): boolean {
  return MATRIX[role]?.[resource]?.includes(action) ?? false;
}

export function assertCan(role: Role, action: Action, resource: Resource): void {
  if (!can(role, action, resource)) throw new AppError("FORBIDDEN", `${role} may not ${action} ${resource}`);
}

/** The whole matrix, for docs and the permission test that keeps docs/permissions.md honest. */
export function permissionMatrix(): Record<Role, Partial<Record<Resource, readonly Action[]>>> {
  return MATRIX;
}
