import type { PresenceUser } from "@/lib/collab/presence";

/**
 * Move a piece of text from the shared document to the case's private preparation (the health
 * notes), for the employee or the caseworker. The preparation's code, ticket and socket are loaded
 * only now, on their click (as the preparation panel does): other roles never fetch any of it.
 *
 * Order matters, so nothing is lost: write to the preparation, wait until the server has stored it,
 * and only then let the caller take the text out of the shared document.
 */
const TIMEOUT_MS = 15_000;

export async function copyToPrep(meetingId: string, user: PresenceUser, excerpt: string): Promise<void> {
  const [{ PrepConnection }, { prepNoteText }] = await Promise.all([import("../prep/prep-connection"), import("@/lib/collab/prep-notes")]);
  const conn = new PrepConnection(meetingId, user);
  try {
    void conn.start();
    await until(conn, (s) => s.loaded && s.phase === "online");
    const notes = prepNoteText(conn.doc, "health");
    const before = notes.length > 0 && !notes.toString().endsWith("\n") ? "\n" : "";
    conn.doc.transact(() => notes.insert(notes.length, `${before}${excerpt}\n`));
    await until(conn, (s) => s.phase === "online" && !s.unsaved);
  } finally {
    conn.destroy();
  }
}

type Snap = { phase: string; loaded: boolean; unsaved: boolean };

function until(conn: { subscribe: (l: () => void) => () => void; getSnapshot: () => Snap }, ok: (s: Snap) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const s = conn.getSnapshot();
      if (ok(s)) return done(resolve);
      if (s.phase === "sessionEnded" || s.phase === "accessLost" || s.phase === "failed") done(() => reject(new Error(s.phase)));
    };
    const timer = setTimeout(() => done(() => reject(new Error("timeout"))), TIMEOUT_MS);
    const off = conn.subscribe(check);
    function done(fn: () => void) {
      clearTimeout(timer);
      off();
      fn();
    }
    check();
  });
}
