import type { Me } from "../access/actor";
import type { AccessActor } from "./access-kinds";

/**
 * Who the access log names for a participant on a case: the participant — unless one of the
 * organisation's systems acts through them (the API), then that system by its token's name, so
 * the employee sees that a machine read their data, not their caseworker.
 */
export function accessActorOf(me: Pick<Me, "participantId" | "displayName" | "role"> & { actor?: Me["actor"] }): AccessActor {
  if (me.actor?.kind === "system") return { kind: "system", id: me.actor.tokenId, name: me.actor.name, role: me.role };
  return { kind: "participant", id: me.participantId, name: me.displayName, role: me.role };
}
