import type { RoomClosedReason } from "@/lib/collab/room-closed";
import type { Country } from "@/lib/organisation/country";
import type { OwnCatalogue } from "@/lib/plan/own-activity";
import type { Role } from "@/lib/plan/roles";
import type { Track } from "@/lib/plan/track";

/** Plain props the server page hands to the client room (no Dates, no rows). */
export type RoomParticipant = {
  id: string;
  role: Role;
  displayName: string;
  colorIndex: number;
};

export type RoomMe = RoomParticipant & {
  /** Observers follow the meeting read-only. */
  canEdit: boolean;
};

export type RoomMeeting = {
  id: string;
  title: string;
  /** Already formatted for the reader's language and time zone. */
  startsAtText: string;
  startsAtIso: string;
  durationMinutes: number;
  location: string | null;
  videoUrl: string | null;
  /**
   * The room is closed for good (the meeting completed or cancelled, or the case closed:
   * lib/collab/room-closed.ts): read-only for everyone. `closedReason` says which.
   */
  completed: boolean;
  closedReason?: RoomClosedReason | null;
};

export type RoomProps = {
  meeting: RoomMeeting;
  employeeName: string;
  employer: string | null;
  track: Track;
  /** The organisation's country: which of the law's tools the plan offers. */
  country: Country;
  /** The organisation's own activities and providers, offered beside the country's catalogue. */
  ownCatalogue: OwnCatalogue;
  me: RoomMe;
  participants: RoomParticipant[];
  /** The case page (`/cases/<id>`) for staff signed in as staff; null for join-link participants. */
  caseHref?: string | null;
  /** Progress this person records is due (lib/followup/due-from-me): where to record it; else null. */
  progressHref?: string | null;
};
