import type { AccessActor } from "../audit/access-kinds";
import type { Me } from "../access/actor";
import { accessActorOf } from "../audit/access-actor-of";

/** A participant as the access log names them. */
export function whoOf(me: Me): AccessActor {
  return accessActorOf(me);
}
