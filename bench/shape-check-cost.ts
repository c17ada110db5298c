/**
 * `npx tsx bench/shape-check-cost.ts`: what the shape check (issue 12.3) adds to each client update,
 * measured on typical meeting edits against a realistic document: a client's sequence of updates
 * run through the server's pipeline on a copy of the room's document. "before": decode + validate
 * (validate-update.mjs) + apply, as until then; "after": the same with the shape check on the same
 * decoded update (lib/collab/update-shape.ts). Per update, median of several rounds; a machine's
 * own numbers, not a test.
 */
import * as Y from "yjs";
import { addAction, addAgendaItem, agendaNotesFragment, goalText, readAgenda } from "@/lib/collab";
import { setPhase } from "@/lib/collab/meeting-flow";
import { MEETING_DOC_SCHEMA } from "@/lib/collab/doc-schema";
import { UpdateShapeChecker } from "@/lib/collab/update-shape";
import { buildFullMeetingDoc } from "@/lib/testing/full-docs";
import { inspectUpdate, validateUpdate } from "@/server/collab/validate-update.mjs";

const ROUNDS = 11;
const K = 300;

/** A meeting well under way: 15 agenda items with notes, 20 actions, a goal of a few sentences. */
function meetingDoc(): Y.Doc {
  const doc = buildFullMeetingDoc();
  for (let i = 0; i < 15; i++) {
    const id = addAgendaItem(doc, { title: `Punkt ${i}`, minutes: 10 });
    const p = new Y.XmlElement("paragraph");
    agendaNotesFragment(doc, id).insert(0, [p]);
    p.insert(0, [new Y.XmlText("Noter fra mødet, ".repeat(20))]);
  }
  for (let i = 0; i < 20; i++) addAction(doc, { text: `Handling ${i}: ring til lægen og aftal en tid` });
  goalText(doc).insert(0, "Kurt er tilbage i sit job som truckfører på fuld tid inden for et halvt år. ".repeat(3));
  return doc;
}

/** K updates as one client sends them, each `write` on its replica of `doc` one transaction. */
function sequence(doc: Y.Doc, write: (r: Y.Doc, i: number) => void): Uint8Array[] {
  const r = new Y.Doc();
  Y.applyUpdate(r, Y.encodeStateAsUpdate(doc));
  const out: Uint8Array[] = [];
  r.on("update", (u: Uint8Array) => out.push(u));
  for (let i = 0; i < K; i++) r.transact(() => write(r, i));
  r.destroy();
  return out;
}

type Timing = { pipeline: number; check: number };

/**
 * One round: the sequence through the pipeline on a fresh copy of the room's document; the
 * pipeline's time and, timed inside it, the check's alone (per update, µs).
 */
function round(state: Uint8Array, seq: Uint8Array[], withCheck: boolean): Timing {
  const room = new Y.Doc();
  Y.applyUpdate(room, state);
  const checker = new UpdateShapeChecker(room, MEETING_DOC_SCHEMA);
  let check = 0;
  const t0 = performance.now();
  for (const u of seq) {
    if (withCheck) {
      const { decoded } = inspectUpdate(u);
      const c0 = performance.now();
      const v = checker.check(u, decoded);
      check += performance.now() - c0;
      if (!v.ok) throw new Error(`refused: ${v.reason}`);
    } else validateUpdate(u);
    Y.applyUpdate(room, u);
  }
  const total = performance.now() - t0;
  room.destroy();
  return { pipeline: (total * 1000) / seq.length, check: (check * 1000) / seq.length };
}

const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!;

const doc = meetingDoc();
const state = Y.encodeStateAsUpdate(doc);
const noteId = readAgenda(doc).at(-1)!.id;
const noteText = (r: Y.Doc) => (agendaNotesFragment(r, noteId).get(0) as Y.XmlElement).get(0) as Y.XmlText;
const cases: [string, Uint8Array[]][] = [
  ["keystroke in the goal", sequence(doc, (r, i) => goalText(r).insert(10 + i, "x"))],
  ["keystroke in an agenda note", sequence(doc, (r, i) => noteText(r).insert(5 + i, "x"))],
  ["an action added", sequence(doc, (r, i) => addAction(r, { text: `Ny handling ${i}` }))],
  ["an agenda item added", sequence(doc, (r, i) => addAgendaItem(r, { title: `Nyt punkt ${i}`, minutes: 5 }))],
  [
    "the chair moves the phase",
    sequence(doc, (r, i) => setPhase(r, i % 2 ? "agreements" : "rounds", { by: "p", at: 1_700_000_000_000 + i })),
  ],
];

console.log(
  `document: ${state.byteLength} bytes encoded; ${K} updates in sequence, median of ${ROUNDS} interleaved rounds, per update (µs)`,
);
console.log("| update | bytes | before: validate + apply | after: validate + check + apply | the check alone |");
console.log("|---|---:|---:|---:|---:|");
for (const [name, seq] of cases) {
  round(state, seq, true); // warm up
  const before: number[] = [];
  const after: number[] = [];
  const check: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    before.push(round(state, seq, false).pipeline);
    const t = round(state, seq, true);
    after.push(t.pipeline);
    check.push(t.check);
  }
  const bytes = Math.round(seq.reduce((n, u) => n + u.byteLength, 0) / seq.length);
  console.log(`| ${name} | ${bytes} | ${median(before).toFixed(1)} | ${median(after).toFixed(1)} | ${median(check).toFixed(1)} |`);
}
