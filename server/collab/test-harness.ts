/**
 * Test support for the collaboration server (not a test file itself): a real HTTP server on
 * port 0 whose upgrades go to `handleUpgrade`, stock y-websocket providers, a raw `ws` client
 * that records every frame, and `waitFor` (tests wait for conditions, never for fixed times).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocket } from "ws";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import * as decoding from "lib0/decoding";
import { WebsocketProvider } from "y-websocket";
import { createCollabServer, type CollabServer, type CollabServerOptions } from "./index";
import { scratchSchemaFor } from "./testing/scratch-schema";
import { issueTicket } from "@/lib/tickets/collab-ticket";
import { meetingDocName } from "@/lib/collab/doc-names";
import type { FixtureCase } from "@/lib/testing/fixtures";
import type { Role } from "@/lib/plan/roles";

export type LogLine = { msg: string; extra?: object };

export type Harness = {
  port: number;
  /** ws://127.0.0.1:<port>/collab */
  url: string;
  server: CollabServer;
  logs: LogLine[];
  /** close() the collab server and start a new instance on the same HTTP port and database. */
  restart(opts?: CollabServerOptions): Promise<void>;
  stop(): Promise<void>;
};

/**
 * Unless `opts.docSchema` says otherwise, rooms check updates against the meeting schema plus the
 * scratch roots protocol tests write to (testing/scratch-schema.ts); shape tests pass the
 * production `schemaForDoc`.
 */
export async function startHarness(opts: CollabServerOptions = {}): Promise<Harness> {
  const logs: LogLine[] = [];
  // Tests open many sockets as one fixture participant; the per-participant open limit is
  // tested on its own (access-log-flood.test.ts), with the production defaults.
  const make = (o: CollabServerOptions) =>
    createCollabServer({
      log: (msg, extra) => logs.push({ msg, extra }),
      opensPerMinute: 60_000,
      openBurst: 10_000,
      // A loaded test machine can take longer than production's 150 ms to commit; admission by queue
      // age is tested on its own (backpressure.test.ts), so it does not refuse joins in other tests.
      joinRefuseQueueAgeMs: 60_000,
      docSchema: scratchSchemaFor,
      ...o,
    });
  const httpServer = http.createServer((_req, res) => {
    res.statusCode = 404;
    res.end();
  });
  const h = { server: make(opts) } as Harness;
  httpServer.on("upgrade", (req, socket, head) => {
    if (!h.server.handleUpgrade(req, socket, head)) socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
  });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  h.port = (httpServer.address() as AddressInfo).port;
  h.url = `ws://127.0.0.1:${h.port}/collab`;
  h.logs = logs;
  h.restart = async (o = opts) => {
    await h.server.close();
    h.server = make(o);
  };
  h.stop = async () => {
    await h.server.close();
    httpServer.closeAllConnections();
    await new Promise<void>((resolve) => httpServer.close(() => resolve()));
  };
  return h;
}

/** A ticket for the fixture's meeting document, bound to the participant's fixture session. */
export function ticketFor(f: FixtureCase, role: Role, opts: { readOnly?: boolean; ttl?: number; now?: number } = {}): string {
  return issueTicket(
    {
      doc: meetingDocName(f.meetingId),
      participantId: f.participants[role].id,
      session: f.participants[role].session,
      readOnly: opts.readOnly ?? false,
    },
    opts.ttl ?? 60,
    opts.now,
  );
}

export type Client = {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** close codes the server sent, in order */
  closes: number[];
  destroy(): void;
};

const liveClients = new Set<Client>();

/** A stock y-websocket provider, as the browser uses it. */
export function connectClient(
  h: Pick<Harness, "url">,
  room: string,
  ticket: string,
  opts: { reconnect?: boolean; doc?: Y.Doc } = {},
): Client {
  const doc = opts.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(h.url, room, doc, {
    params: { ticket },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    ...(opts.reconnect === false ? { shouldReconnect: () => false } : {}),
  });
  const closes: number[] = [];
  provider.on("connection-close", (event) => {
    if (event) closes.push(event.code);
  });
  const client: Client = {
    doc,
    provider,
    closes,
    destroy() {
      liveClients.delete(client);
      provider.destroy();
      doc.destroy();
    },
  };
  liveClients.add(client);
  return client;
}

/** For afterEach: no provider keeps reconnecting into the next test. */
export function destroyAllClients(): void {
  for (const c of [...liveClients]) c.destroy();
}

export async function waitFor(predicate: () => boolean, what = "condition", timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Like waitFor, for a predicate that has to ask the database. */
export async function eventually(predicate: () => Promise<boolean>, what = "condition", timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function waitSynced(...clients: Client[]): Promise<void> {
  await waitFor(() => clients.every((c) => c.provider.synced), "providers to sync");
}

/** True when both docs hold exactly the same state: same state vector AND same deletions. */
export function sameState(a: Y.Doc, b: Y.Doc): boolean {
  return Y.equalSnapshots(Y.snapshot(a), Y.snapshot(b));
}

export type RawClient = {
  ws: WebSocket;
  /** every frame received, in order */
  frames: Uint8Array[];
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  send(bytes: Uint8Array | string): void;
};

/** A bare ws client: sends exactly what a test tells it to and records everything it gets. */
export function rawClient(url: string, opts: { autoPong?: boolean; headers?: Record<string, string> } = {}): RawClient {
  const ws = new WebSocket(url, { autoPong: opts.autoPong ?? true, headers: opts.headers });
  const frames: Uint8Array[] = [];
  ws.on("message", (data: Buffer) => frames.push(new Uint8Array(data)));
  ws.on("error", () => {});
  const opened = new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("unexpected-response", (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return { ws, frames, opened, closed, send: (bytes) => ws.send(bytes) };
}

export function syncFrame(sub: 0 | 1 | 2, body: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, sub);
  encoding.writeVarUint8Array(e, body);
  return encoding.toUint8Array(e);
}

export function awarenessFrame(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const x of entries) {
    encoding.writeVarUint(inner, x.clientId);
    encoding.writeVarUint(inner, x.clock);
    encoding.writeVarString(inner, JSON.stringify(x.state));
  }
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

export type DecodedFrame =
  { type: "sync"; sub: number; body: Uint8Array } | { type: "awareness"; body: Uint8Array } | { type: "other"; code: number };

export function decodeServerFrame(frame: Uint8Array): DecodedFrame {
  const d = decoding.createDecoder(frame);
  const type = decoding.readVarUint(d);
  if (type === 0) {
    const sub = decoding.readVarUint(d);
    return { type: "sync", sub, body: decoding.readVarUint8Array(d) };
  }
  if (type === 1) return { type: "awareness", body: decoding.readVarUint8Array(d) };
  return { type: "other", code: type };
}

/** A self-contained update (a new client writing a root-level map key): applies to any doc. */
export function standaloneUpdate(key: string, value: string): Uint8Array {
  const d = new Y.Doc();
  d.getMap("meta").set(key, value);
  const u = Y.encodeStateAsUpdate(d);
  d.destroy();
  return u;
}
