import type { Role } from "@/lib/plan/roles";

/** A participant as the case page's client components show them (strings already formatted). */
export type PersonView = {
  id: string;
  role: Role;
  roleLabel: string;
  displayName: string;
  email: string | null;
  isMe: boolean;
  /** none | unused | used | expired | revoked | staff */
  stateKind: string;
  stateText: string;
  /** Their newest invitation e-mail: queued | sent | failed (null: none was sent). */
  mailState: "queued" | "sent" | "failed" | null;
  mailText: string | null;
};

/** A link just issued, shown once. */
export type IssuedView = {
  participantId: string;
  displayName: string;
  roleLabel: string;
  url: string;
  qrSvg: string;
  expiresText: string;
  meetingTitle: string;
  emailedTo: string | null;
  /** Shown again beside the person's existing link, which keeps working (not a replacement). */
  again: boolean;
};
