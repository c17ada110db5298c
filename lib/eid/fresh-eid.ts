import { getDb } from "@/db/client";
import { latestParticipantEid } from "@/db/queries/eid";
import type { Actor } from "../access/actor";
import { parseSessionRef } from "../access/session-ref";
import type { AssuranceLevel } from "./assurance-level";

/** How long an eID confirmation counts for signing: the same as a fresh sign-in (confirm-signer.ts). */
export const EID_FRESH_MINUTES = 15;

export type FreshEid = { level: AssuranceLevel; acr: string; at: Date };

/** The participant session's eID confirmation from the last 15 minutes, or null (staff: always null). */
export async function freshEidOf(actor: Actor, now: Date): Promise<FreshEid | null> {
  if (actor.kind !== "participant") return null;
  const ref = parseSessionRef(actor.session);
  if (!ref) return null;
  const row = await latestParticipantEid(await getDb(), ref.id, new Date(now.getTime() - EID_FRESH_MINUTES * 60_000));
  return row && row.assertedAt <= now ? { level: row.level as AssuranceLevel, acr: row.acr, at: row.assertedAt } : null;
}
