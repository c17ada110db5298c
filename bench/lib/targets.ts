import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { closeDatabase, getDb, openDatabase, setDatabase } from "@/db/client";
import { ALL_ORGANISATIONS } from "@/db/organisation-scope";
import { insertMeeting } from "@/db/queries/meetings";
import { createFixtureCase, type FixtureCase } from "@/lib/testing/fixtures";
import { createMeetingDocument } from "@/lib/collab-store/create-meeting-document";
import { meetingDocName } from "@/lib/collab/doc-names";
import { issueTicket } from "@/lib/tickets/collab-ticket";
import { createBenchDatabase, type BenchDatabase } from "./database";
import { startServerProcess, type ServerProcess } from "./server-process";

/**
 * The three servers under test and everything one run of one of them needs: fresh storage (a new
 * PostgreSQL database, or a new LevelDB folder), its rooms, how a client reaches a room, and its
 * server process(es).
 *
 * ours: real tickets. The bench creates one case with its participants and one meeting (with its
 * initialised document) per room through the same lib/ and db/ functions the app uses, and mints
 * tickets with issueTicket and the AUTH_SECRET it gives the server. Nothing is bypassed: every
 * socket is authorised by authorizeCollabConnection against the database.
 */
export const TARGETS = ["ours", "ywss", "hp"] as const;
export type TargetName = (typeof TARGETS)[number];

export const TARGET_LABEL: Record<TargetName, string> = {
  ours: "ours (PostgreSQL)",
  ywss: "ywss (y-websocket 1.5.4)",
  hp: "hp (Hocuspocus 3.4.4)",
};

/** The four clients of a meeting room: writer and probe are full providers, thin1/2 protocol-only. */
export type ClientRole = "writer" | "probe" | "thin1" | "thin2";
const ROLE_OF: Record<ClientRole, "caseworker" | "employee" | "manager" | "union_rep"> = {
  writer: "caseworker",
  probe: "employee",
  thin1: "manager",
  thin2: "union_rep",
};

export type Endpoint = { protocol: "yws" | "hp"; url: string; room: string; params: Record<string, string>; participantId: string };

export const BENCH_SECRET = "bench-secret-0123456789abcdef0123456789abcdef";
export const BASE_PORT = 3440;

export type TargetOptions = { persistence: boolean; redisUrl?: string; redisPrefix?: string; instances?: number };

export type TargetRun = {
  name: TargetName;
  persistence: boolean;
  db: BenchDatabase | null;
  /** LevelDB folder of ywss (YPERSISTENCE), when persistence is on. */
  levelDir: string | null;
  servers: ServerProcess[];
  rooms: string[];
  ensureRooms(n: number): Promise<string[]>;
  endpoint(room: string, role: ClientRole, instance?: number): Endpoint;
  /** Start (or restart) server `instance` on its fixed port. */
  start(instance?: number): Promise<ServerProcess>;
  /** A short-lived connection to the run's database (ours, hp). */
  sql(): postgres.Sql;
  dispose(): Promise<void>;
};

export async function createTargetRun(name: TargetName, opts: TargetOptions): Promise<TargetRun> {
  const db = name === "ywss" ? null : await createBenchDatabase();
  const levelDir = name === "ywss" && opts.persistence ? mkdtempSync(path.join(tmpdir(), "bench-ywss-")) : null;
  let fixture: FixtureCase | null = null;
  if (name === "ours") {
    // Migrations run on open; this process then creates the rooms through lib/, as the operator
    // would (across organisations: the servers it starts scope themselves, row-level security).
    setDatabase(await openDatabase({ databaseUrl: db!.url, outsideScope: ALL_ORGANISATIONS }));
    fixture = await createFixtureCase();
  }
  let sqlClient: postgres.Sql | null = null;
  const run: TargetRun = {
    name,
    persistence: opts.persistence,
    db,
    levelDir,
    servers: [],
    rooms: [],
    async ensureRooms(n) {
      while (run.rooms.length < n) {
        if (name !== "ours") {
          run.rooms.push(`room-${run.rooms.length}`);
          continue;
        }
        const batch = Math.min(8, n - run.rooms.length);
        const made = await Promise.all(
          Array.from({ length: batch }, async () => {
            const m = await insertMeeting(await getDb(), {
              caseId: fixture!.caseId,
              title: "Bench meeting",
              startsAt: new Date(),
              location: "Bench",
            });
            await createMeetingDocument({ meetingId: m.id, track: "employed" });
            return meetingDocName(m.id);
          }),
        );
        run.rooms.push(...made);
      }
      return run.rooms.slice(0, n);
    },
    endpoint(room, role, instance = 0): Endpoint {
      const port = BASE_PORT + instance;
      if (name === "ours") {
        const { id: participantId, session } = fixture!.participants[ROLE_OF[role]];
        const ticket = issueTicket({ doc: room, participantId, session, readOnly: false }, 3600);
        return { protocol: "yws", url: `ws://127.0.0.1:${port}/collab`, room, params: { ticket }, participantId };
      }
      return { protocol: name === "hp" ? "hp" : "yws", url: `ws://127.0.0.1:${port}`, room, params: {}, participantId: `${role}` };
    },
    async start(instance = 0) {
      const entry = `${name}.ts`;
      const env: Record<string, string | undefined> =
        name === "ours"
          ? {
              DATABASE_URL: db!.url,
              AUTH_SECRET: BENCH_SECRET,
              DATA_DIR: path.join(tmpdir(), "bench-ours-data"),
              REDIS_URL: opts.redisUrl,
              COLLAB_REDIS_PREFIX: opts.redisPrefix,
              // The bench's hundreds of clients share four participants; the per-participant
              // open limit (issue 12.8) is for people, not for a load generator.
              COLLAB_OPENS_PER_MINUTE: "1000000",
              COLLAB_OPEN_BURST: "1000000",
            }
          : name === "hp"
            ? { DATABASE_URL: db!.url }
            : { YPERSISTENCE: levelDir ?? undefined };
      const s = await startServerProcess({ entry, port: BASE_PORT + instance, env });
      run.servers[instance] = s;
      return s;
    },
    sql() {
      sqlClient ??= postgres(db!.url, { max: 2, onnotice: () => {} });
      return sqlClient;
    },
    async dispose() {
      await Promise.all(run.servers.filter(Boolean).map((s) => s.stop("SIGKILL")));
      if (sqlClient) await sqlClient.end({ timeout: 5 });
      if (name === "ours") await closeDatabase();
      await db?.drop();
      if (levelDir) rmSync(levelDir, { recursive: true, force: true });
    },
  };
  return run;
}
