import type { RevocationEvent } from "@/lib/access/revocation-bus";
import type { CollabPrincipal } from "@/lib/collab-store/authorize-connection";
import { verifyTicket } from "@/lib/tickets/collab-ticket";
import { parseDocName } from "@/lib/collab/doc-names";
import { ACCESS_REPEAT_WINDOW_MS } from "@/lib/audit/record-repeated-access";
import type { CollabDeps, CollabLog } from "./options";

type Entry = { principal: CollabPrincipal; at: number; loggedAt: number | null; meetingId: string | null };

/** Entries kept at most (the oldest go first). */
const MAX_ENTRIES = 10_000;

/**
 * Warm joins without a database round trip (issue 19). A socket's ticket is always verified
 * (signature, expiry, document: CPU only); what the database adds — participant still on the
 * case, session still live, meeting not completed — is remembered per (document, participant,
 * session, read-only) for `ttlMs`, and forgotten at once when the revocation bus says it changed
 * (the same events that close live sockets). So a cached answer is never older than the guarantee
 * an already-open socket has: the bus, backed by the periodic re-check (`sessionRecheckMs`, the
 * TTL), which also bounds a session that simply expires.
 *
 * The access-log row: a first open waits for its row (nothing is shown without it). A repeat open
 * by the same person and session within the access log's repeat window only counts up on the row
 * that open wrote (record-repeated-access.ts), so it is written off the critical path; a failure
 * is logged.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, Entry>();
  private readonly hits = new WeakMap<CollabPrincipal, Entry>();
  /**
   * Bumped by every access change: an answer the database gave before a change must not be
   * cached after it (the check was in flight when the event arrived).
   */
  private generation = 0;

  constructor(
    private readonly deps: Pick<CollabDeps, "authorize" | "recordOpened">,
    private readonly ttlMs: number,
    private readonly log: CollabLog,
  ) {}

  authorize: CollabDeps["authorize"] = async (input) => {
    let key: string | null = null;
    try {
      const c = verifyTicket(input.ticket, input.room);
      key = `${input.room}\n${c.participantId}\n${c.session}\n${c.readOnly ? 1 : 0}`;
    } catch {
      // Not a valid ticket for this room: the full check says exactly why (4401 or 4403).
    }
    const now = performance.now();
    const hit = key ? this.entries.get(key) : undefined;
    if (hit && now - hit.at < this.ttlMs) {
      const principal = { ...hit.principal };
      this.hits.set(principal, hit);
      return principal;
    }
    const asked = this.generation;
    const principal = await this.deps.authorize(input);
    if (key && asked === this.generation) {
      this.entries.delete(key);
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      const ref = parseDocName(input.room);
      const entry: Entry = {
        principal: { ...principal },
        at: now,
        loggedAt: null,
        meetingId: ref?.kind === "meeting" ? ref.meetingId : null,
      };
      this.entries.set(key, entry);
      this.hits.set(principal, entry);
    }
    return principal;
  };

  recordOpened: CollabDeps["recordOpened"] = async (principal, room) => {
    const entry = this.hits.get(principal);
    const now = performance.now();
    // Well inside the repeat window, so the background write counts up on the row already written.
    if (entry?.loggedAt != null && now - entry.loggedAt < ACCESS_REPEAT_WINDOW_MS / 2) {
      void this.deps
        .recordOpened(principal, room)
        .catch((e: unknown) => this.log("access-log row (repeat open) failed", { room, error: String(e) }));
      return;
    }
    await this.deps.recordOpened(principal, room);
    if (entry) entry.loggedAt = now;
  };

  /** An access change: forget every answer it may have changed. */
  invalidate(event: RevocationEvent): void {
    this.generation++;
    for (const [key, e] of this.entries) {
      const hit =
        event.type === "meeting_completed"
          ? e.meetingId === event.meetingId
          : event.type === "case_closed"
            ? e.principal.caseId === event.caseId
            : e.principal.participantId === event.participantId;
      if (hit) this.entries.delete(key);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
