import type { Me } from "../access/actor";
import { eidSettings } from "./eid-settings";
import { freshEidOf, type FreshEid } from "./fresh-eid";

export type EidStatus = { name: string; fresh: FreshEid | null };

/** What a participant's agreement page offers: the eID's name and whether this session is confirmed by it now. Null when not offered. */
export async function eidStatusFor(me: Me, now: Date): Promise<EidStatus | null> {
  const settings = eidSettings();
  if (!settings || me.actor.kind !== "participant") return null;
  return { name: settings.name, fresh: await freshEidOf(me.actor, now) };
}
