/**
 * Bench entry for HOCUSPOCUS 3 (@hocuspocus/server) with its Database extension storing the full
 * document state as bytea in the same PostgreSQL (the extension's documented pattern: `fetch`
 * returns the stored state, `store` upserts encodeStateAsUpdate). Everything else is left at
 * Hocuspocus's defaults (debounce 2 s, maxDebounce 10 s, unloadImmediately, stopOnSignals: SIGTERM
 * stores and unloads every document, then exits). Env: DATABASE_URL, PORT.
 */
import { Server } from "@hocuspocus/server";
import { Database } from "@hocuspocus/extension-database";
import postgres from "postgres";
import { announceReady, createStatsHandler } from "./server-stats";

// Orphan guard: when the bench harness dies, our stdin closes, and so do we.
process.stdin.resume();
process.stdin.on("end", () => process.exit(2));

async function main(): Promise<void> {
  const sql = postgres(process.env.DATABASE_URL!, { max: 10, onnotice: () => {} });
  await sql`create table if not exists hp_documents (name text primary key, data bytea not null, updated_at timestamptz not null default now())`;
  let hocuspocus: { getDocumentsCount(): number; getConnectionsCount(): number } | null = null;
  const stats = createStatsHandler(() => ({
    rooms: hocuspocus?.getDocumentsCount() ?? 0,
    connections: hocuspocus?.getConnectionsCount() ?? 0,
  }));
  const server = new Server({
    port: Number(process.env.PORT),
    address: "127.0.0.1",
    quiet: true,
    extensions: [
      new Database({
        fetch: async ({ documentName }) => {
          const rows = await sql<{ data: Buffer }[]>`select data from hp_documents where name = ${documentName}`;
          return rows[0] ? new Uint8Array(rows[0].data) : null;
        },
        store: async ({ documentName, state }) => {
          await sql`insert into hp_documents (name, data) values (${documentName}, ${state})
                    on conflict (name) do update set data = excluded.data, updated_at = now()`;
        },
      }),
      {
        // The stats path: answered here, then the hook chain is stopped (a rejection without an error).
        async onRequest({
          request,
          response,
        }: {
          request: import("node:http").IncomingMessage;
          response: import("node:http").ServerResponse;
        }) {
          if (stats(request, response)) return Promise.reject();
        },
      },
    ],
  });
  hocuspocus = await server.listen();
  announceReady({});
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
