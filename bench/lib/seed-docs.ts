import * as Y from "yjs";
import { LeveldbPersistence } from "y-leveldb";
import type { TargetRun } from "./targets";

/**
 * Give every room a starting document of about `bytes` (notes typed in 100-character pieces), in
 * the storage of the target, before its server starts: S4 measures memory with realistic docs.
 */
export function makeDoc(bytes: number): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = 777;
  const text = doc.getText("notes");
  let i = 0;
  while (Y.encodeStateAsUpdate(doc).byteLength < bytes) {
    for (let k = 0; k < 20; k++) text.insert(text.length, `${"Plan note ".repeat(10).slice(0, 95)} ${String(i++).padStart(4, "0")}`);
  }
  const u = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return u;
}

export async function seedRooms(run: TargetRun, rooms: string[], update: Uint8Array): Promise<void> {
  const data = Buffer.from(update);
  if (run.name === "ours") {
    const sql = run.sql();
    for (let i = 0; i < rooms.length; i += 500) {
      const rows = rooms.slice(i, i + 500).map((doc_name) => ({ doc_name, data }));
      await sql`insert into collab_updates ${sql(rows, "doc_name", "data")}`;
    }
  } else if (run.name === "hp") {
    const sql = run.sql();
    await sql`create table if not exists hp_documents (name text primary key, data bytea not null, updated_at timestamptz not null default now())`;
    for (let i = 0; i < rooms.length; i += 500) {
      const rows = rooms.slice(i, i + 500).map((name) => ({ name, data }));
      await sql`insert into hp_documents ${sql(rows, "name", "data")}`;
    }
  } else if (run.levelDir) {
    const p = new LeveldbPersistence(run.levelDir);
    for (const room of rooms) await p.storeUpdate(room, update);
    await p.destroy();
  }
}
