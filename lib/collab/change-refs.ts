import * as Y from "yjs";
import type { LogKind } from "./flow-schema";
import { actionsArray, agendaArray, followUpMap, planMap } from "./schema";

/**
 * What a local transaction edited, in the words of the change log: "the goal", "sub-goal s1",
 * "action a3" … — for "while you were away". Read from Yjs's own record of the types a transaction
 * changed (`transaction.changed`), so every field is covered without each one logging itself.
 * Items added or removed in the transaction are not "changed" (Yjs reports only types that existed
 * before it; adding and removing are logged where they happen). Moving (`pos`), ticking an agenda
 * item off (`done`: logged as "covered"), the step and the next meeting (logged on their own) are
 * left out.
 */
export type ChangeRef = { kind: LogKind; ref: string };

type Changed = Map<Y.AbstractType<unknown>, Set<string | null>>;

const IGNORED_KEYS: Record<string, ReadonlySet<string>> = {
  agenda: new Set(["pos", "done"]),
  action: new Set(["pos"]),
  subGoal: new Set(["pos"]),
  activity: new Set(["pos"]),
  plan: new Set(["step"]),
  followUp: new Set(["nextMeetingAt"]),
};

/** The chain of types from the root down to `t`. */
function chainOf(t: Y.AbstractType<unknown>): Y.AbstractType<unknown>[] {
  const chain = [t];
  let p = t.parent as Y.AbstractType<unknown> | null;
  while (p) {
    chain.unshift(p);
    p = p.parent as Y.AbstractType<unknown> | null;
  }
  return chain;
}

function keyIn(map: Y.AbstractType<unknown>, child: Y.AbstractType<unknown>): string | null {
  if (!(map instanceof Y.Map)) return null;
  for (const [k, v] of map.entries()) if (v === child) return k;
  return null;
}

function idOf(t: Y.AbstractType<unknown> | undefined): string | null {
  if (!(t instanceof Y.Map)) return null;
  const id = t.get("id");
  return typeof id === "string" && id ? id : null;
}

/** Keys of an item map's own change that matter (null: the item itself was reported through a nested type). */
function mattersOwn(keys: Set<string | null>, ignored: ReadonlySet<string>): boolean {
  for (const k of keys) if (k === null || !ignored.has(k)) return true;
  return false;
}

export function localChangeRefs(doc: Y.Doc, changed: Changed): ChangeRef[] {
  const out = new Map<string, ChangeRef>();
  const add = (kind: LogKind, ref: string | null) => {
    if (ref) out.set(`${kind}:${ref}`, { kind, ref });
  };
  const roots = { agenda: agendaArray(doc), actions: actionsArray(doc), plan: planMap(doc), followUp: followUpMap(doc) };
  for (const [type, keys] of changed) {
    const chain = chainOf(type);
    const [root, a, b, c, d] = chain;
    const own = type === chain.at(-1) ? keys : new Set<string | null>();
    if (root === roots.agenda) {
      if (!a) continue;
      if (chain.length === 2 && !mattersOwn(own, IGNORED_KEYS.agenda!)) continue;
      add("agenda_changed", idOf(a));
    } else if (root === roots.actions) {
      if (!a) continue;
      if (chain.length === 2 && !mattersOwn(own, IGNORED_KEYS.action!)) continue;
      add("action_changed", idOf(a));
    } else if (root === roots.followUp) {
      if (!a) {
        for (const k of own) if (k && !IGNORED_KEYS.followUp!.has(k)) add("followup_changed", k);
      } else add("followup_changed", keyIn(root, a));
    } else if (root === roots.plan) {
      if (!a) {
        for (const k of own) if (k && !IGNORED_KEYS.plan!.has(k)) add("plan_changed", k);
        continue;
      }
      const key = keyIn(root, a);
      if (key !== "subGoals") {
        add("plan_changed", key);
        continue;
      }
      if (!b) continue; // a sub-goal added, removed or moved
      if (chain.length === 3) {
        if (mattersOwn(own, IGNORED_KEYS.subGoal!)) add("subgoal_changed", idOf(b));
        continue;
      }
      if (keyIn(b, c!) !== "activities") {
        add("subgoal_changed", idOf(b));
        continue;
      }
      if (!d) continue; // an activity added, removed or moved
      if (chain.length === 5 && !mattersOwn(own, IGNORED_KEYS.activity!)) continue;
      add("activity_changed", idOf(d));
    }
  }
  return [...out.values()];
}
