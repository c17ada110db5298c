import * as Y from "yjs";
import type { DocSchema } from "./schema-kit";
import { admit, lengthLimit, placeOfType, ShapeRefusal, type Place } from "./shape-rules";

export type ShapeVerdict = { ok: true } | { ok: false; reason: string; unresolved: boolean };

type Struct = Y.Item | Y.GC | Y.Skip;
type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;
/** A shared type an update writes into: one in the document, or one the update itself creates. */
type Parent = { place: Place; target: object; base: number };
/** Where a struct of the update lands: its parent and map key, or nowhere (Yjs discards it). */
type Landing = { parent: Parent; key: string | null } | "discard";

/** Deeper than any place a schema allows: the walk from a type up to its root gives up here. */
const MAX_WALK = 128;

/**
 * The server's shape check: would applying this update make the document break its schema? It
 * inspects the update's structs against the live document WITHOUT applying anything, working out
 * for each struct the shared type and key it lands in exactly as Yjs will (Item.getMissing: the
 * parent of the left origin, else of the right origin, else the named parent; a GC'd neighbour or
 * parent means Yjs discards it), then checks the content against the place's rules
 * (shape-rules.ts). Cost: O(structs of the update) plus one cached walk up per shared type.
 *
 * A struct whose origin or parent is neither in the document nor in the update would wait in Yjs
 * ("pending") and be integrated later, unchecked, by whichever update completes it; so it is
 * refused as `unresolved` (a legitimate client only gets there in a reconnect race, and its
 * resync sends everything needed).
 */
export class UpdateShapeChecker {
  /** Place of each shared type of the document (null: outside the schema). Types never move. */
  private readonly places = new WeakMap<Y.AbstractType<unknown>, Place | null>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly schema: DocSchema,
  ) {}

  check(update: Uint8Array, decoded?: DecodedUpdate): ShapeVerdict {
    try {
      new UpdateRun(this, decoded ?? Y.decodeUpdate(update)).run();
      return { ok: true };
    } catch (e) {
      if (e instanceof ShapeRefusal) return { ok: false, reason: e.message, unresolved: e.unresolved };
      throw e;
    }
  }

  get store(): Y.Doc["store"] {
    return this.doc.store;
  }

  /** The place of a shared type of the document: walk up to its root (iteratively, bounded), then back down. */
  placeOf(type: Y.AbstractType<unknown>): Place | null {
    const known = this.places.get(type);
    if (known !== undefined) return known;
    const chain: Y.AbstractType<unknown>[] = [];
    let t = type;
    let top: Place | null;
    for (;;) {
      const hit = this.places.get(t);
      if (hit !== undefined) {
        top = hit;
        break;
      }
      const item = t._item;
      if (item === null) {
        top = this.rootPlace(t);
        this.places.set(t, top);
        break;
      }
      chain.push(t);
      if (chain.length > MAX_WALK || !(item.parent instanceof Y.AbstractType)) {
        this.places.set(type, null);
        return null;
      }
      t = item.parent;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const c = chain[i]!;
      try {
        top = top === null ? null : placeOfType(top, c._item!.parentSub, c);
      } catch (e) {
        if (!(e instanceof ShapeRefusal)) throw e;
        top = null;
      }
      this.places.set(c, top);
    }
    return top;
  }

  rootPlace(type: Y.AbstractType<unknown>): Place | null {
    for (const [name, t] of this.doc.share) if (t === type) return this.namedRoot(name);
    return null;
  }

  rootType(name: string): Y.AbstractType<unknown> | undefined {
    return this.doc.share.get(name) as Y.AbstractType<unknown> | undefined;
  }

  namedRoot(name: string): Place | null {
    return Object.hasOwn(this.schema.roots, name) ? { kind: "type", spec: this.schema.roots[name]! } : null;
  }
}

/** One update's check: the structs indexed by client, each landed and admitted once. */
class UpdateRun {
  private readonly byClient = new Map<number, Struct[]>();
  private readonly landed = new Map<Y.Item, Landing>();
  private readonly created = new Map<Y.Item, Parent>();
  private readonly counts = new Map<Parent["target"], { parent: Parent; added: number; limit: number }>();
  private readonly newRoots = new Map<string, Parent>();

  constructor(
    private readonly checker: UpdateShapeChecker,
    private readonly update: DecodedUpdate,
  ) {
    for (const s of update.structs) {
      const list = this.byClient.get(s.id.client);
      if (list) list.push(s);
      else this.byClient.set(s.id.client, [s]);
    }
  }

  run(): void {
    const store = this.checker.store;
    for (const s of this.update.structs) {
      if (!(s instanceof Y.Item) || this.landed.has(s)) continue;
      if (s.id.clock + s.length <= Y.getState(store, s.id.client)) continue; // known already: Yjs skips it
      this.settle(s);
    }
    this.checkLengths();
  }

  /** Land `first` and whatever of the update it depends on, parents before children (a heap stack, not recursion). */
  private settle(first: Y.Item): void {
    const stack = [first];
    const onStack = new Set<Y.Item>([first]);
    while (stack.length > 0) {
      const item = stack[stack.length - 1]!;
      const dep = this.unsettledDependency(item);
      if (dep) {
        if (onStack.has(dep)) throw new ShapeRefusal("structs that depend on each other");
        onStack.add(dep);
        stack.push(dep);
        continue;
      }
      stack.pop();
      onStack.delete(item);
      this.land(item);
    }
  }

  private unsettledDependency(item: Y.Item): Y.Item | null {
    for (const id of [item.origin, item.rightOrigin, item.parent instanceof Y.ID ? item.parent : null]) {
      if (!id) continue;
      const s = this.inUpdate(id);
      if (s instanceof Y.Item && !this.landed.has(s)) return s;
    }
    return null;
  }

  /** The update's struct holding `id`, when the document does not have it yet. */
  private inUpdate(id: Y.ID): Struct | null {
    if (id.clock < Y.getState(this.checker.store, id.client)) return null;
    const list = this.byClient.get(id.client);
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid]!;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s instanceof Y.Skip ? null : s;
    }
    return null;
  }

  /** The document's struct holding `id`, or the update's; null when neither has it (Yjs would wait). */
  private find(id: Y.ID): { doc: Y.Item | Y.GC } | { upd: Y.Item | Y.GC } | null {
    const store = this.checker.store;
    if (id.clock < Y.getState(store, id.client)) return { doc: Y.getItem(store, id) as Y.Item | Y.GC };
    const s = this.inUpdate(id);
    return s ? { upd: s as Y.Item | Y.GC } : null;
  }

  /** Garbage: a GC struct, or a struct of this update that Yjs will discard (it becomes one). */
  private isGarbage(f: { doc: Y.Item | Y.GC } | { upd: Y.Item | Y.GC }): boolean {
    const s = "doc" in f ? f.doc : f.upd;
    return !(s instanceof Y.Item) || ("upd" in f && this.landed.get(s) === "discard");
  }

  private land(item: Y.Item): void {
    const landing = this.landingOf(item);
    this.landed.set(item, landing);
    if (landing === "discard") return;
    const state = Y.getState(this.checker.store, item.id.client);
    const { child, units } = admit(landing.parent.place, landing.key, item.content, Math.max(0, state - item.id.clock));
    if (child) this.created.set(item, { place: child, target: item, base: 0 });
    const limit = lengthLimit(landing.parent.place);
    if (limit !== null && units > 0) {
      const c = this.counts.get(landing.parent.target);
      if (c) c.added += units;
      else this.counts.set(landing.parent.target, { parent: landing.parent, added: units, limit });
    }
  }

  private landingOf(item: Y.Item): Landing {
    const left = item.origin ? this.find(item.origin) : null;
    const right = item.rightOrigin ? this.find(item.rightOrigin) : null;
    if ((item.origin && !left) || (item.rightOrigin && !right))
      throw new ShapeRefusal("depends on content the document does not have", true);
    if ((left && this.isGarbage(left)) || (right && this.isGarbage(right))) return "discard";
    const neighbour = left ?? right;
    if (neighbour) {
      if ("doc" in neighbour) {
        const n = neighbour.doc as Y.Item;
        return n.parent instanceof Y.AbstractType ? { parent: this.docParent(n.parent), key: n.parentSub } : "discard";
      }
      return this.landed.get(neighbour.upd as Y.Item)!;
    }
    // A decoded struct names a root type by a string (Yjs's typings do not say so).
    const named = item.parent as unknown;
    if (typeof named === "string") {
      const place = this.checker.namedRoot(named);
      if (!place) throw new ShapeRefusal(`unknown root "${named.slice(0, 60)}"`);
      const root = this.checker.rootType(named);
      return { parent: root ? this.docParent(root) : this.newRoot(named, place), key: item.parentSub };
    }
    if (item.parent instanceof Y.ID) {
      const p = this.find(item.parent);
      if (!p) throw new ShapeRefusal("depends on content the document does not have", true);
      if (this.isGarbage(p)) return "discard";
      if ("doc" in p) {
        const content = (p.doc as Y.Item).content;
        return content instanceof Y.ContentType ? { parent: this.docParent(content.type), key: item.parentSub } : "discard";
      }
      const made = this.created.get(p.upd as Y.Item);
      return made ? { parent: made, key: item.parentSub } : "discard";
    }
    return "discard";
  }

  /** A root the document does not have yet (Yjs creates it): one target per name, for the lengths. */
  private newRoot(name: string, place: Place): Parent {
    let p = this.newRoots.get(name);
    if (!p) this.newRoots.set(name, (p = { place, target: {}, base: 0 }));
    return p;
  }

  private docParent(type: Y.AbstractType<unknown>): Parent {
    const place = this.checker.placeOf(type);
    if (!place) throw new ShapeRefusal("writes into a part of the document outside its schema");
    return { place, target: type, base: type._length };
  }

  /**
   * Lengths: what the document has plus what the update adds. Only when that is over a limit are
   * the update's deletions credited (walking them costs more than the common case needs).
   */
  private checkLengths(): void {
    const over = [...this.counts.values()].filter((c) => c.parent.base + c.added > c.limit);
    if (over.length === 0) return;
    const credit = this.deletionCredits(new Set(over.map((c) => c.parent.target)));
    for (const c of over) {
      if (c.parent.base + c.added - (credit.get(c.parent.target) ?? 0) > c.limit) throw new ShapeRefusal(`longer than ${c.limit}`);
    }
  }

  private deletionCredits(targets: Set<Parent["target"]>): Map<Parent["target"], number> {
    const credit = new Map<Parent["target"], number>();
    const add = (target: Parent["target"] | undefined, n: number) => {
      if (target && targets.has(target) && n > 0) credit.set(target, (credit.get(target) ?? 0) + n);
    };
    const store = this.checker.store;
    for (const [client, ranges] of this.update.ds.clients) {
      const structs = store.clients.get(client) ?? [];
      const state = Y.getState(store, client);
      for (const r of ranges) {
        const end = r.clock + r.len;
        if (r.clock < state) {
          for (let i = Y.findIndexSS(structs, r.clock); i < structs.length && structs[i]!.id.clock < end; i++) {
            const s = structs[i]!;
            if (!(s instanceof Y.Item) || s.deleted || !s.countable) continue;
            add(s.parent as Y.AbstractType<unknown>, Math.min(end, s.id.clock + s.length) - Math.max(r.clock, s.id.clock));
          }
        }
        for (const s of this.byClient.get(client) ?? []) {
          if (!(s instanceof Y.Item) || !s.countable || s.id.clock >= end || s.id.clock + s.length <= r.clock) continue;
          const l = this.landed.get(s);
          if (l && l !== "discard") add(l.parent.target, Math.min(end, s.id.clock + s.length) - Math.max(r.clock, s.id.clock, state));
        }
      }
    }
    return credit;
  }
}
