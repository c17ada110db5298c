import type { Role } from "./plan/roles";
import { AppError } from "./errors";

/**
 * The one permission model: role × resource × action. docs/permissions.md is this table in
 * prose (a test keeps them equal); pages, route handlers, server actions and the WebSocket
 * server all ask `can`/`assertCan`. Every check is also scoped to the participant's own case.
 */
export const RESOURCES = [
  "case",
  "meeting",
  "meeting_doc",
  "prep_doc",
  "invitations",
  "access_log",
  "agreement",
  "progress",
  "health_progress",
] as const;
export type Resource = (typeof RESOURCES)[number];
export const ACTIONS = ["view", "manage", "read", "write", "prepare", "sign", "export"] as const;
export type Action = (typeof ACTIONS)[number];

type Matrix = Record<Role, Partial<Record<Resource, readonly Action[]>>>;

const MATRIX: Matrix = {
  caseworker: {
    case: ["view", "manage"],
    meeting: ["view", "manage"],
    meeting_doc: ["read", "write"],
    // The employee's private preparation: only the employee and the caseworker, ever.
    prep_doc: ["read", "write"],
    invitations: ["manage"],
    access_log: ["view"],
    agreement: ["view", "prepare", "sign", "export"],
    // Progress is recorded by the two who live it day to day; the caseworker follows it.
    progress: ["view"],
    // A health measure's values (pain, mood …): the employee's and the caseworker's only; the
    // caseworker may record one with the employee and mark a measure as about health, never share it.
    health_progress: ["view", "write"],
  },
  employee: {
    case: ["view"],
    meeting: ["view"],
    meeting_doc: ["read", "write"],
    prep_doc: ["read", "write"],
    // The employee may see who has seen their data, and when.
    access_log: ["view"],
    agreement: ["view", "sign", "export"],
    progress: ["view", "write"],
    // `manage`: decide which measures are about their health and whether to share their values.
    health_progress: ["view", "write", "manage"],
  },
  manager: {
    case: ["view"],
    meeting: ["view"],
    meeting_doc: ["read", "write"],
    agreement: ["view", "prepare", "sign", "export"],
    progress: ["view", "write"],
  },
  union_rep: {
    case: ["view"],
    meeting: ["view"],
    meeting_doc: ["read", "write"],
    // Signs as a supporter when the meeting asks for it; never a required signer.
    agreement: ["view", "sign", "export"],
    progress: ["view"],
  },
  // An observer follows the meeting and can never change anything.
  observer: {
    case: ["view"],
    meeting: ["view"],
    meeting_doc: ["read"],
    agreement: ["view"],
    progress: ["view"],
  },
};

export function can(role: Role, action: Action, resource: Resource): boolean {
  return MATRIX[role]?.[resource]?.includes(action) ?? false;
}

export function assertCan(role: Role, action: Action, resource: Resource): void {
  if (!can(role, action, resource)) throw new AppError("FORBIDDEN", `${role} may not ${action} ${resource}`);
}

/**
 * What a staff member may do in their organisation, by their staff role (docs/permissions.md,
 * "Staff roles"). Case content is reached only as a participant of the case (the matrix above), and
 * only by a role that works cases: an administrator manages staff and sees no case content.
 */
export const STAFF_ROLES = ["caseworker", "team_lead", "admin"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const STAFF_ACTIONS = ["open_case", "work_cases", "view_team_cases", "reassign_cases", "manage_staff", "manage_catalogue"] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

const STAFF_MATRIX: Record<StaffRole, readonly StaffAction[]> = {
  caseworker: ["open_case", "work_cases"],
  team_lead: ["open_case", "work_cases", "view_team_cases", "reassign_cases"],
  admin: ["manage_staff", "manage_catalogue"],
};

export function staffCan(roles: readonly StaffRole[], action: StaffAction): boolean {
  return roles.some((r) => STAFF_MATRIX[r]?.includes(action));
}

export function assertStaffCan(roles: readonly StaffRole[], action: StaffAction): void {
  if (!staffCan(roles, action)) throw new AppError("FORBIDDEN", `may not ${action}`);
}

/** The staff matrix, for the test that keeps docs/permissions.md honest. */
export function staffPermissionMatrix(): Record<StaffRole, readonly StaffAction[]> {
  return STAFF_MATRIX;
}

/** The whole matrix, for the test that keeps docs/permissions.md honest. */
export function permissionMatrix(): Matrix {
  return MATRIX;
}
