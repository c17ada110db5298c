import type { StaffAuthMethod } from "./auth-method";
import type { Role } from "../plan/roles";
import type { Track } from "../plan/track";
import type { SessionRef } from "./session-ref";

/**
 * Who is acting — the one answer, for every edge (route, server action, page) and every use-case.
 * See docs/decisions.md ("One actor, one resolver") for why it looks like this.
 *
 * - `Credentials`: what a request carries (read only in app/_server/credentials.ts).
 * - `Actor`: a person those credentials prove — a staff member (Auth.js session: e-mail link or
 *   OIDC) or a participant (the session their personal join link opened).
 * - `Me`: that actor as a participant of one case — what use-cases receive and authorise with
 *   (`can(me.role, …)`). A staff member acts on a case through their own participant on it.
 *
 * Every actor acts in one organisation (`organisationId`): a staff member in theirs, a participant
 * in their case's. Row-level security in PostgreSQL is set to it for the request
 * (docs/decisions.md, "Organisations and row-level security"); `roles` is what a staff member may
 * do there (docs/permissions.md).
 */
export type Credentials = {
  /** The participant session cookie (opened with a personal join link). */
  participantSessionToken?: string | null;
  /** The staff member's Auth.js session cookie (as the browser holds it; only its hash is stored). */
  staffSessionToken?: string | null;
  /** An organisation's API token (`Authorization: Bearer stw_…`; only its hash is stored). */
  apiToken?: string | null;
};

export { STAFF_ROLES, type StaffRole } from "../permissions";
import type { StaffRole } from "../permissions";

type ActorBase = {
  /** The organisation acted in: the staff member's own, or the participant's case's. */
  organisationId: string;
  /** When this person last proved who they are: their session was opened then. */
  authenticatedAt: Date;
  /**
   * The sign-in this request came with; a collaboration ticket is bound to it. Absent only for an
   * actor the server makes up itself (the demo seed's signatures of a meeting long past).
   */
  session?: SessionRef;
};

export type StaffActor = ActorBase & {
  kind: "staff";
  userId: string;
  email: string | null;
  name: string | null;
  /** What the staff member may do in their organisation (one role each, today). */
  roles: readonly StaffRole[];
  authMethod: StaffAuthMethod;
};

export type ParticipantActor = ActorBase & {
  kind: "participant";
  participantId: string;
  /** A join link opens one participant of one case. */
  caseId: string;
  /** No organisation role: what a participant may do follows from their role on the case (`Me.role`). */
  roles: readonly StaffRole[];
  authMethod: "join-link";
};

/**
 * One of the organisation's own systems, by its API token (lib/access/api-token.ts). It acts in
 * its organisation only, with a caseworker's rights on the organisation's cases: on a case it
 * acts through the case's caseworker participant (resolve-access.ts), so every use-case checks
 * it as it checks the caseworker, and the answer is the same as for them.
 */
export type SystemActor = ActorBase & {
  kind: "system";
  tokenId: string;
  /** The token's name, as the organisation's administrator gave it. */
  name: string;
  roles: readonly StaffRole[];
  authMethod: "api-token";
};

export type Actor = StaffActor | ParticipantActor | SystemActor;

/**
 * Who the credentials prove, each kind at most once (a browser may hold both cookies; a system
 * sends its API token alone).
 */
export type Actors = { participant: ParticipantActor | null; staff: StaffActor | null; system?: SystemActor | null };

/** The actor as a participant of one case. */
export type Me = {
  participantId: string;
  caseId: string;
  role: Role;
  displayName: string;
  colorIndex: number;
  /** The person behind it, and how and when they proved who they are. */
  actor: Actor;
  /**
   * The staff account this participant is linked to, when the actor acts through one (a staff
   * member's own; the caseworker's, for a system): for the use-cases that authorise by account.
   */
  userId?: string;
};

export type MeetingContext = {
  me: Me;
  meeting: {
    id: string;
    caseId: string;
    title: string;
    startsAt: Date;
    durationMinutes: number;
    location: string | null;
    videoUrl: string | null;
    status: string;
  };
  case: { id: string; employeeName: string; employer: string | null; track: Track; state: "open" | "closed" };
};
