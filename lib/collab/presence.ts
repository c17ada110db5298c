import type { Role } from "../plan/roles";

/**
 * What each client publishes through y-protocols awareness. `user` says who is in the room;
 * `editing` names the field they are in (e.g. "plan.goal", "agenda:<id>.title"), so others can
 * see who is editing what. Tiptap's caret extension reads `user.name` and `user.color`.
 */
export type PresenceUser = {
  participantId: string;
  name: string;
  role: Role;
  color: string;
};

export type PresenceState = {
  user: PresenceUser;
  editing?: string | null;
};

/**
 * Eight colours with at least 4.5:1 contrast against white text, used for carets and name tags.
 * Colour is never the only signal: names and roles are always shown beside it.
 */
export const PRESENCE_COLORS = ["#1d4ed8", "#b91c1c", "#047857", "#7e22ce", "#b45309", "#0e7490", "#be185d", "#4d7c0f"] as const;

export function presenceColor(index: number): string {
  return PRESENCE_COLORS[((index % PRESENCE_COLORS.length) + PRESENCE_COLORS.length) % PRESENCE_COLORS.length]!;
}

export function isPresenceState(v: unknown): v is PresenceState {
  if (!v || typeof v !== "object") return false;
  const u = (v as { user?: unknown }).user;
  if (!u || typeof u !== "object") return false;
  const x = u as Record<string, unknown>;
  return typeof x.participantId === "string" && typeof x.name === "string" && typeof x.role === "string";
}
