import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import * as Y from "yjs";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import type { FixtureCase } from "@/lib/testing/fixtures";
import { meetingDocName } from "@/lib/collab/doc-names";
import { startChildServer, type ChildServer } from "./testing/child-process";
import { connectClient, ticketFor, waitFor, waitSynced, type Client } from "./test-harness";

/**
 * Durability proven the hard way: the server runs in its own process and is killed with SIGKILL
 * at seeded random points while two writers edit; then EVERY client that saw edits is destroyed
 * (a reconnecting author would re-send what the server lost and hide the loss), the server is
 * restarted on the same database, and a fresh client must hold every update the probe — a third
 * client — had received. Commit-before-broadcast makes that 0 lost; a server that broadcast
 * first, or saved on a timer, fails here.
 */

// Each PGlite restart costs seconds (WASM start-up and crash recovery), PostgreSQL's about one.
// KILL_TEST_KILLS raises it for a longer measurement run.
const KILLS = Number(process.env.KILL_TEST_KILLS) || (process.env.DATABASE_URL ? 5 : 3);
const SEED = 20_261_125;

let tdb: TestDatabase | null = null;
let dataDir: string | null = null;
let env: Record<string, string | undefined>;
let child: ChildServer;
let fixture: FixtureCase;
let room: string;

/** mulberry32: a seeded PRNG, so a failing kill point can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    // A fresh PostgreSQL database (the parent's handle stays idle; the child does the work).
    tdb = await createTestDatabase();
    env = { DATABASE_URL: tdb.url!, CHILD_CREATE_FIXTURE: "1" };
  } else {
    // PGlite on disk: one process at a time may open it, so the child creates the meeting.
    dataDir = mkdtempSync(path.join(tmpdir(), "stepwise-kill-"));
    env = { DATABASE_URL: "", DATA_DIR: dataDir, CHILD_CREATE_FIXTURE: "1" };
  }
  child = await startChildServer(env);
  fixture = child.fixture!;
  room = meetingDocName(fixture.meetingId);
  env = { ...env, CHILD_CREATE_FIXTURE: "0" };
}, 60_000);

afterAll(async () => {
  child?.proc.kill("SIGKILL");
  await child?.exited;
  await tdb?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

type Round = { received: Uint8Array[]; writers: Client[]; probe: Client; stop(): void };

/** Two writers editing every few milliseconds, and a probe recording every update it is sent. */
async function editRound(c: ChildServer, tag: string): Promise<Round> {
  const h = { url: c.url };
  const writers = [connectClient(h, room, ticketFor(fixture, "caseworker")), connectClient(h, room, ticketFor(fixture, "employee"))];
  const probe = connectClient(h, room, ticketFor(fixture, "manager"));
  const received: Uint8Array[] = [];
  probe.doc.on("update", (u: Uint8Array, origin: unknown) => {
    if (origin === probe.provider) received.push(u);
  });
  await waitSynced(...writers, probe);
  let seq = 0;
  const timers = writers.map((w, i) =>
    setInterval(() => {
      if (w.provider.wsconnected) w.doc.getMap("log").set(`${tag}-w${i}-${seq++}`, seq);
    }, 4),
  );
  return { received, writers, probe, stop: () => timers.forEach(clearInterval) };
}

/** Everything the probe received must be in what a fresh client now loads; returns the missing keys. */
async function missingAfterRestart(c: ChildServer, received: Uint8Array[]): Promise<string[]> {
  const seen = new Y.Doc();
  for (const u of received) Y.applyUpdate(seen, u);
  const fresh = connectClient({ url: c.url }, room, ticketFor(fixture, "observer"));
  try {
    await waitSynced(fresh);
    const have = fresh.doc.getMap("log");
    return [...seen.getMap("log").keys()].filter((k) => !have.has(k));
  } finally {
    fresh.destroy();
    seen.destroy();
  }
}

describe("durability across a crash", () => {
  it(
    `loses no update any client received over ${KILLS} SIGKILLs at random points`,
    async () => {
      const random = prng(SEED);
      let receivedTotal = 0;
      const lost: string[] = [];
      const restartMs: number[] = [];
      for (let k = 0; k < KILLS; k++) {
        const round = await editRound(child, `k${k}`);
        // The kill point: after a seeded number of updates reached the probe (a condition, not a sleep).
        const target = round.received.length + 5 + Math.floor(random() * 60);
        await waitFor(() => round.received.length >= target, "the probe to receive edits", 15_000);
        child.proc.kill("SIGKILL");
        await child.exited;
        round.stop();
        for (const c of [...round.writers, round.probe]) c.destroy();
        receivedTotal += round.received.length;

        const t0 = performance.now();
        child = await startChildServer(env);
        restartMs.push(performance.now() - t0);
        lost.push(...(await missingAfterRestart(child, round.received)));
      }
      const avg = Math.round(restartMs.reduce((x, y) => x + y, 0) / restartMs.length);
      console.log(
        `[kill] ${child.kind}: ${KILLS} SIGKILLs, ${receivedTotal} updates received by the probe, ${lost.length} lost; restart ≈ ${avg} ms`,
      );
      expect(receivedTotal).toBeGreaterThan(KILLS * 5);
      expect(lost).toEqual([]);
    },
    30_000 + KILLS * 15_000,
  );

  it("SIGTERM while writers edit: exit code 0, nothing lost", async () => {
    const round = await editRound(child, "term");
    await waitFor(() => round.received.length >= 30, "the probe to receive edits", 15_000);
    child.proc.kill("SIGTERM");
    const code = await child.exited;
    round.stop();
    for (const c of [...round.writers, round.probe]) c.destroy();
    expect(code).toBe(0);
    expect(child.stdout()).toContain("stopped cleanly");
    // Every writer was told 1012 (server restarting), not cut off.
    for (const w of round.writers) expect(w.closes).toContain(1012);

    child = await startChildServer(env);
    expect(await missingAfterRestart(child, round.received)).toEqual([]);
  }, 60_000);
});

describe("start-up durability check", () => {
  it("reports PostgreSQL's fsync and synchronous_commit; warns when synchronous_commit is off", async () => {
    if (child.kind === "pglite") {
      // PGlite is in-process: there is no server setting to check, and the check says nothing.
      expect(child.warnings).toEqual([]);
      return;
    }
    expect(child.warnings).toEqual([]);
    const name = new URL(tdb!.url!).pathname.slice(1);
    const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`alter database ${name} set synchronous_commit = off`);
    await admin.end();
    child.proc.kill("SIGTERM");
    await child.exited;
    child = await startChildServer(env);
    expect(child.warnings.join("\n")).toMatch(/synchronous_commit=off/);
  }, 60_000);
});
