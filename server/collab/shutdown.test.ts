import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { CollabDeps } from "./options";
import { rawClient, startHarness, waitFor } from "./test-harness";

// No database here: the lib use-cases are replaced, so nothing but the server's own timers and
// sockets exist, and counting the process's timers is exact.
const deps: CollabDeps = {
  authorize: async () => ({
    participantId: "p1",
    session: "participant:s1",
    caseId: "c1",
    organisationId: "o1",
    role: "manager",
    displayName: "M",
    colorIndex: 0,
    readOnly: false,
    meetingCompleted: false,
  }),
  load: async () => ({ doc: new Y.Doc(), storedUpdates: 0 }),
  append: async () => {},
  compact: async () => {},
  recordOpened: async () => {},
  onRevocation: () => () => {},
  recheck: async (items) => items.map(() => "ok" as const),
  originAllowed: () => true,
};

// Timers that keep the process alive (unref'd ones, like the heartbeat, are not listed).
const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout" || r === "Immediate").length;

describe("close()", () => {
  it("leaves no timer running: unload timers, awareness sweeps, handshakes", async () => {
    const before = timers();
    const h = await startHarness({ unloadAfterMs: 60_000, pingIntervalMs: 60_000, deps });
    const raw = rawClient(`${h.url}/meeting-x?ticket=t`);
    await waitFor(() => raw.frames.length > 0, "the greeting");
    raw.ws.close(); // leaves the room loaded with an unload timer pending, and its awareness sweep
    await waitFor(() => h.server.stats().connections === 0, "the socket to close");
    expect(h.server.stats().rooms).toBe(1);
    expect(timers()).toBeGreaterThan(before);
    await h.stop();
    // At most as many as before: a timer of the test runner's own that was live at the start
    // may have fired meanwhile (seen on a busy machine); one of ours left behind would add one.
    expect(timers()).toBeLessThanOrEqual(before);
    expect(h.server.stats()).toMatchObject({ rooms: 0, connections: 0, pendingWrites: 0, pendingBytes: 0 });
  });

  it("answers upgrades that arrive during shutdown with 503", async () => {
    const h = await startHarness({ deps });
    const closing = h.server.close();
    const late = rawClient(`${h.url}/meeting-x?ticket=t`);
    await expect(late.opened).rejects.toThrow("HTTP 503");
    await closing;
    await h.stop();
  });
});

describe("a hung authorisation", () => {
  it("is closed 1013 at the next heartbeat having received nothing, and does not hold up close()", async () => {
    const h = await startHarness({ pingIntervalMs: 30, deps: { ...deps, authorize: () => new Promise(() => {}) } });
    const raw = rawClient(`${h.url}/meeting-x?ticket=t`);
    let pinged = false;
    raw.ws.on("ping", () => (pinged = true));
    const closed = await raw.closed;
    expect(closed.code).toBe(1013);
    expect(raw.frames).toHaveLength(0);
    expect(pinged).toBe(false);
    const stuck = rawClient(`${h.url}/meeting-y?ticket=t`);
    await stuck.opened;
    await h.stop();
    expect((await stuck.closed).code).toBe(1012);
  });
});
