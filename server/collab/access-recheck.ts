import type { AccessCheck, AccessVerdict } from "@/lib/collab-store/recheck-collab-access";
import { CloseCode } from "./close-codes";
import type { CollabLog } from "./options";
import type { AdmittedAs } from "./revocation-effect";

/** What the periodic re-check needs of a socket. */
export type Rechecked = {
  readonly admitted: AdmittedAs | null;
  close(code: number, reason: string): void;
  /** The socket's meeting was completed: read-only now, and told (4409) unless it already knows. */
  completeMeeting(): void;
};

/**
 * Every `intervalMs`, ask the database whether each admitted socket's participant is still on the
 * case, its session still live and its meeting not completed, and act on those that changed: the
 * backstop for a revocation the bus lost (Redis pub/sub is at-most-once) and for sessions that
 * expire, which no event announces. One round at a time; a failed round is logged and the sockets
 * are left alone (a database outage should not cut every meeting: their rooms fail on their own
 * if it matters).
 */
export function startAccessRecheck(opts: {
  intervalMs: number;
  recheck: (items: AccessCheck[]) => Promise<AccessVerdict[]>;
  sockets: () => Iterable<Rechecked>;
  log: CollabLog;
}): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    const targets = [...opts.sockets()].filter((s): s is Rechecked & { admitted: AdmittedAs } => s.admitted !== null);
    if (targets.length === 0) return;
    running = true;
    opts
      .recheck(
        targets.map(({ admitted: a }) => ({
          participantId: a.participantId,
          session: a.session,
          meetingId: a.meetingId,
          organisationId: a.organisationId ?? null,
        })),
      )
      .then((verdicts) => {
        targets.forEach((t, i) => {
          const v = verdicts[i];
          if (v === "removed") t.close(CloseCode.forbidden, "access revoked");
          else if (v === "session_ended") t.close(CloseCode.unauthenticated, "session ended");
          else if (v === "meeting_completed") t.completeMeeting();
        });
      })
      .catch((e: unknown) => opts.log("access re-check failed", { error: String(e) }))
      .finally(() => (running = false));
  }, opts.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
