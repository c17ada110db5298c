import { getDb } from "@/db/client";
import { listActiveParticipants } from "@/db/queries/participants";
import type { Role } from "../plan/roles";
import type { MeetingContext } from "../access/actor";

export type MeetingParticipant = {
  id: string;
  role: Role;
  displayName: string;
  colorIndex: number;
};

/**
 * The active participants of the meeting's case, as plain data for the room (action owners,
 * presence names). Takes the context `requireMeetingParticipant` returned, so only someone
 * already allowed into the meeting can list its people. No e-mail addresses leave here.
 */
export async function listMeetingParticipants(ctx: MeetingContext): Promise<MeetingParticipant[]> {
  const rows = await listActiveParticipants(await getDb(), ctx.case.id);
  return rows.map((p) => ({ id: p.id, role: p.role, displayName: p.displayName, colorIndex: p.colorIndex }));
}
