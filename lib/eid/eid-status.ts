import type { Me } from "../access/actor";
import { eidSettingsFor } from "./eid-settings";
import { freshEidOf, type FreshEid } from "./fresh-eid";

export type EidStatus = { name: string; fresh: FreshEid | null };

/** What a participant's agreement page offers: the eID's name and whether this session is confirmed by it now. Null when not offered. */
export async function eidStatusFor(me: Me, now: Date): Promise<EidStatus | null> {
  if (me.actor.kind !== "participant") return null;
  const settings = await eidSettingsFor(me.actor.organisationId);
  if (!settings) return null;
  return { name: settings.name, fresh: await freshEidOf(me.actor, now) };
}
