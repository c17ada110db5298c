import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { Awareness } from "y-protocols/awareness";
import { messageSync } from "y-websocket";
import { TicketedProvider, type LinkPhase } from "./ticketed-provider";

/**
 * The close-code policy and our jittered reconnect loop, against a scripted ticket endpoint and
 * a fake WebSocket (the stock y-websocket provider runs for real on top of it), on fake timers.
 */
class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static made: FakeSocket[] = [];
  readyState = 0;
  binaryType = "blob";
  onopen: (() => void) | null = null;
  onclose: ((e: { code: number; reason: string }) => void) | null = null;
  onmessage: ((e: { data: ArrayBuffer }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.made.push(this);
  }
  send(): void {}
  close(): void {
    this.readyState = 3;
  }
  /** The server accepts the socket. */
  accept(): void {
    this.readyState = 1;
    this.onopen?.();
  }
  /** The server answers the provider's SyncStep1: the document is synced. */
  sync(): void {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, messageSync);
    syncProtocol.writeSyncStep2(e, new Y.Doc());
    const bytes = encoding.toUint8Array(e);
    this.onmessage?.({ data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });
  }
  /** The server closes the socket (or it never opened: 1006). */
  drop(code: number): void {
    this.readyState = 3;
    this.onclose?.({ code, reason: "" });
  }
  get ticket(): string | null {
    return new URL(this.url).searchParams.get("ticket");
  }
}

let ticketStatuses: (number | "throw" | "hang")[];
/** Ticket answers from this number on say the meeting was completed. */
let completedFrom: number;
/** Settles a ticket request that was told to hang: a network error. */
let hanging: (() => void) | null;
let ticketUrls: string[];
let online: boolean;
let browser: EventTarget;
let link: TicketedProvider;
let linkDoc: Y.Doc;
let random: ReturnType<typeof vi.spyOn>;

const sockets = () => FakeSocket.made;
const last = () => FakeSocket.made[FakeSocket.made.length - 1]!;
const phase = (): LinkPhase => link.getState().phase;
const flush = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.made = [];
  ticketStatuses = [];
  completedFrom = Infinity;
  ticketUrls = [];
  hanging = null;
  online = true;
  browser = new EventTarget();
  vi.stubGlobal("WebSocket", FakeSocket);
  vi.stubGlobal("window", browser);
  vi.stubGlobal("navigator", {
    get onLine() {
      return online;
    },
  });
  vi.stubGlobal("fetch", async (url: string) => {
    ticketUrls.push(url);
    const status = ticketStatuses.shift() ?? 200;
    if (status === "throw") throw new TypeError("Failed to fetch");
    if (status === "hang") {
      await new Promise<void>((resolve) => (hanging = resolve));
      throw new TypeError("Failed to fetch");
    }
    const n = ticketUrls.length;
    const body = { url: "ws://collab.test/collab", room: "meeting-1", params: { ticket: `t${n}` }, meetingCompleted: n >= completedFrom };
    return { status, ok: status >= 200 && status < 300, json: async () => body } as unknown as Response;
  });
  // The top of each window, so waits are exactly the ceiling: 250, 500, 1000 … ms.
  random = vi.spyOn(Math, "random").mockReturnValue(1);
  const doc = new Y.Doc();
  linkDoc = doc;
  link = new TicketedProvider({ ticketUrl: "/api/meetings/m1/ticket?doc=prep", doc, awareness: new Awareness(doc) });
});

afterEach(() => {
  link.destroy();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Start and get to a synced socket. */
async function connected(): Promise<FakeSocket> {
  void link.start();
  await flush();
  const s = last();
  s.accept();
  s.sync();
  expect(link.getState()).toMatchObject({ phase: "online", synced: true });
  return s;
}

describe("TicketedProvider", () => {
  it("opens the socket with a ticket from the given endpoint and reports online, then synced", async () => {
    void link.start();
    expect(phase()).toBe("connecting");
    await flush();
    expect(ticketUrls).toEqual(["/api/meetings/m1/ticket?doc=prep"]);
    expect(sockets()).toHaveLength(1);
    expect(last().url).toMatch(/^ws:\/\/collab\.test\/collab\/meeting-1\?ticket=t1$/);
    last().accept();
    expect(link.getState()).toEqual({ phase: "online", synced: false, unsaved: false, waiting: false, meetingCompleted: false });
    last().sync();
    expect(link.getState()).toEqual({ phase: "online", synced: true, unsaved: false, waiting: false, meetingCompleted: false });
  });

  it("ends in sessionEnded when the ticket endpoint answers 401, without opening a socket", async () => {
    ticketStatuses = [401];
    await link.start();
    expect(phase()).toBe("sessionEnded");
    expect(sockets()).toHaveLength(0);
  });

  it("ends in accessLost when the ticket endpoint answers 403 or 404", async () => {
    ticketStatuses = [404];
    await link.start();
    expect(phase()).toBe("accessLost");
    expect(sockets()).toHaveLength(0);
  });

  it("retries a failing ticket endpoint with growing, jittered waits", async () => {
    ticketStatuses = ["throw", 503, "throw"];
    void link.start();
    await flush();
    expect(ticketUrls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(249);
    expect(ticketUrls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(ticketUrls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(499);
    expect(ticketUrls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(ticketUrls).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(ticketUrls).toHaveLength(4);
    expect(sockets()).toHaveLength(1);
    expect(phase()).toBe("connecting");
  });

  it("stops for good on close code 4403 (accessLost)", async () => {
    await connected();
    last().drop(4403);
    expect(phase()).toBe("accessLost");
    await vi.advanceTimersByTimeAsync(120_000);
    expect(sockets()).toHaveLength(1);
    expect(phase()).toBe("accessLost");
  });

  it("on close code 4409 (meeting completed) says so and reconnects at once with a fresh ticket, not counting it as a refusal", async () => {
    await connected();
    completedFrom = 2;
    last().drop(4409);
    expect(link.getState().meetingCompleted).toBe(true);
    await flush();
    expect(sockets()).toHaveLength(2);
    expect(last().ticket).toBe("t2");
    last().accept();
    last().sync();
    expect(link.getState()).toMatchObject({ phase: "online", synced: true, meetingCompleted: true });
  });

  it("learns from a ticket that the meeting is over (a reconnect after it was completed elsewhere)", async () => {
    completedFrom = 1;
    await connected();
    expect(link.getState().meetingCompleted).toBe(true);
  });

  it("after a server restart waits a random time, then reconnects with a fresh ticket", async () => {
    await connected();
    random.mockReturnValue(0.5);
    last().drop(1012);
    expect(phase()).toBe("connecting");
    await vi.advanceTimersByTimeAsync(124);
    expect(sockets()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets()).toHaveLength(2);
    expect(last().ticket).toBe("t2");
    last().accept();
    expect(phase()).toBe("online");
  });

  it("grows the wait while the server stays down, caps it, never gives up, and starts small again after a sync", async () => {
    await connected();
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const before = sockets().length;
      last().drop(1006);
      let waited = 0;
      while (sockets().length === before) {
        await vi.advanceTimersByTimeAsync(10);
        waited += 10;
      }
      waits.push(waited);
    }
    expect(waits).toEqual([250, 500, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
    // A restart is not a refusal: still trying, and the person sees "offline", not "failed".
    expect(phase()).toBe("offline");
    last().accept();
    last().sync();
    const before = sockets().length;
    last().drop(1006);
    await vi.advanceTimersByTimeAsync(250);
    expect(sockets()).toHaveLength(before + 1);
  });

  it("shows connecting for a short drop and offline only after 1.5 s", async () => {
    await connected();
    random.mockReturnValue(1);
    ticketStatuses = ["throw", "throw", "throw"];
    last().drop(1006);
    expect(phase()).toBe("connecting");
    await vi.advanceTimersByTimeAsync(1_499);
    expect(phase()).toBe("connecting");
    await vi.advanceTimersByTimeAsync(1);
    expect(phase()).toBe("offline");
  });

  it("reconnects with a fresh ticket on 4401, and ends in sessionEnded when the session is gone", async () => {
    await connected();
    last().drop(4401);
    await vi.advanceTimersByTimeAsync(250);
    expect(sockets()).toHaveLength(2);
    expect(last().ticket).toBe("t2");
    last().accept();
    last().sync();
    ticketStatuses = [401];
    last().drop(4401);
    await vi.advanceTimersByTimeAsync(250);
    expect(phase()).toBe("sessionEnded");
    expect(sockets()).toHaveLength(2);
  });

  it("gives up after repeated refusals with failed, and retry() tries again at once", async () => {
    await connected();
    for (let i = 0; i < 3; i++) {
      last().drop(4401);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(phase()).not.toBe("failed");
    }
    last().drop(4401);
    expect(phase()).toBe("failed");
    await vi.advanceTimersByTimeAsync(60_000);
    const before = sockets().length;
    link.retry();
    expect(phase()).not.toBe("failed");
    await flush();
    expect(sockets()).toHaveLength(before + 1);
    last().accept();
    expect(phase()).toBe("online");
  });

  it("says offline as soon as the browser does, and tries at once when the network is back", async () => {
    await connected();
    online = false;
    browser.dispatchEvent(new Event("offline"));
    expect(phase()).toBe("offline");
    ticketStatuses = Array<"throw">(20).fill("throw");
    last().drop(1006);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(sockets()).toHaveLength(1);
    const fetched = ticketUrls.length;
    ticketStatuses = [];
    online = true;
    browser.dispatchEvent(new Event("online"));
    await flush();
    expect(ticketUrls).toHaveLength(fetched + 1);
    last().accept();
    expect(phase()).toBe("online");
  });

  it("retries at once when the network returns during an attempt begun offline", async () => {
    await connected();
    online = false;
    ticketStatuses = ["throw", "hang"];
    last().drop(1006);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(ticketUrls).toHaveLength(3);
    expect(hanging).not.toBeNull();
    online = true;
    browser.dispatchEvent(new Event("online"));
    await flush();
    expect(ticketUrls).toHaveLength(3);
    // The attempt begun offline fails; the next one starts at once, not after a 1 s wait.
    hanging!();
    await flush();
    expect(ticketUrls).toHaveLength(4);
    expect(sockets()).toHaveLength(2);
  });

  it("takes over from the provider's watchdog when a socket goes silent", async () => {
    const first = await connected();
    // No message for 30 s (lib0 reads the real clock, so age the last message by hand): the
    // provider closes the socket itself, with no close event from the server.
    link.provider!.wsLastMessageReceived = Date.now() - 31_000;
    await vi.advanceTimersByTimeAsync(3_000);
    expect(first.readyState).toBe(FakeSocket.CLOSED);
    expect(first.onclose).toBeNull();
    expect(sockets()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(250);
    expect(sockets()).toHaveLength(2);
    expect(last().ticket).not.toBe(first.ticket);
  });

  it("renews the ticket every minute and stops with sessionEnded when the renewal is refused", async () => {
    await connected();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(link.provider?.params.ticket).toBe("t2");
    ticketStatuses = [401];
    await vi.advanceTimersByTimeAsync(60_000);
    expect(phase()).toBe("sessionEnded");
    expect(last().readyState).toBe(FakeSocket.CLOSED);
  });

  it("does nothing more once destroyed", async () => {
    await connected();
    last().drop(1006);
    link.destroy();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets()).toHaveLength(1);
    expect(ticketUrls).toHaveLength(1);
  });

  it("on 4503 (server busy) says busy, keeps trying after its jittered wait, and is online again after a sync", async () => {
    const first = await connected();
    first.drop(4503);
    expect(phase()).toBe("busy");
    await vi.advanceTimersByTimeAsync(250);
    expect(sockets()).toHaveLength(2);
    last().drop(4503);
    expect(phase()).toBe("busy");
    // 4503 is not a refusal: however often it comes, we never stop.
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(10_000);
      last().drop(4503);
    }
    expect(phase()).toBe("busy");
    await vi.advanceTimersByTimeAsync(10_000);
    last().accept();
    last().sync();
    expect(link.getState()).toMatchObject({ phase: "online", synced: true });
  });

  it("says waiting when connected but the server has not confirmed our edit for a while", async () => {
    await connected();
    linkDoc.getMap("m").set("k", 1);
    expect(link.getState()).toMatchObject({ phase: "online", unsaved: true, waiting: false });
    // The handshake grace (no SyncStep1 from this fake server), the burst, then an unanswered probe.
    await vi.advanceTimersByTimeAsync(2_000 + 250 + 5_000);
    expect(link.getState()).toMatchObject({ phase: "online", unsaved: true, waiting: true });
    // The answer to the probe (the edit is committed) ends the wait.
    last().sync();
    last().sync();
    expect(link.getState()).toMatchObject({ phase: "online", unsaved: false, waiting: false });
  });
});
