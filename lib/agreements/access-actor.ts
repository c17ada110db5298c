import type { AccessActor } from "../audit/access-kinds";
import type { Me } from "../access/actor";

/** A participant as the access log names them. */
export function whoOf(me: Me): AccessActor {
  return { kind: "participant", id: me.participantId, name: me.displayName, role: me.role };
}
