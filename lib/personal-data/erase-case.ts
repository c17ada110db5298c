import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { getDb } from "@/db/client";
import { addressesStillHeld, eraseCaseRows, findCaseMailTrail } from "@/db/queries/erasure";
import { findCase } from "@/db/queries/cases";
import { revocationBus } from "../access/revocation-bus";
import { AppError } from "../errors";
import { errorFields, logger } from "../log/logger";
import { outboxDir, outboxFileSuffix } from "../mail/deliver-mail";

const log = logger("erasure");

/** Who or what erased: an administrator (staff id), the command line, or the retention job. Never a name. */
export type ErasedBy = { kind: "admin"; staffUserId: string } | { kind: "cli" } | { kind: "retention" };

export type ErasureSummary = { caseId: string; agreements: number; accessLogRows: number; outboxFiles: number };

const Input = z.object({
  caseId: z.uuid(),
  reason: z.string().trim().min(1).max(500),
});

/**
 * Erase a case (GDPR Art. 17, and the end of its retention): every row about it — participants,
 * meetings, the shared documents and their update logs, the private preparation, progress,
 * invitations, links, sessions, outbox mail, agreements with their events, the access log — in
 * one transaction through the database function stepwise_erase_case (migration 0015), which
 * leaves one case_erasures row of ids, times and fingerprints (docs/decisions.md, "Erasure").
 * Then the outbox files of its mail (DATA_DIR/outbox) and the live sockets of its people.
 *
 * An unknown case is NOT_FOUND and an empty reason INVALID_INPUT: erasing nothing is never
 * reported as done. Log lines name the case by id only.
 */
export async function eraseCase(caseId: string, reason: string, by: ErasedBy = { kind: "cli" }): Promise<ErasureSummary> {
  const parsed = Input.safeParse({ caseId, reason });
  if (!parsed.success) {
    const bad = new Set(parsed.error.issues.map((i) => i.path[0]));
    if (bad.has("caseId")) throw new AppError("NOT_FOUND", "no such case");
    throw new AppError("INVALID_INPUT", "an erasure needs a reason", { reason: "required" });
  }
  const db = await getDb();
  if (!(await findCase(db, parsed.data.caseId))) throw new AppError("NOT_FOUND", "no such case");
  const trail = await findCaseMailTrail(db, parsed.data.caseId);
  const done = await eraseCaseRows(db, {
    caseId: parsed.data.caseId,
    reason: parsed.data.reason,
    erasedBy: by.kind === "admin" ? `admin:${by.staffUserId}` : by.kind,
    outboxIds: trail.outboxIds,
  }).catch((e: unknown) => {
    // Another erasure got there first (the function locks the row, then finds it gone).
    if ((e as { code?: string }).code === "P0002") throw new AppError("NOT_FOUND", "no such case");
    throw e;
  });
  const outboxFiles = removeOutboxFiles(trail.outboxIds, [...(await orphanedAddresses(trail.addresses))]);
  // Their sockets close now, not at the next periodic re-check; their rows are already gone.
  for (const participantId of trail.participantIds) {
    await revocationBus()
      .publishParticipantRevoked(participantId)
      .catch((e: unknown) => log.warn("could not announce an erased participant", { caseId, ...errorFields(e) }));
  }
  log.info("case erased", {
    caseId: parsed.data.caseId,
    by: by.kind,
    agreements: done.agreements,
    accessLogRows: done.accessLogRows,
    outboxFiles,
  });
  return { caseId: parsed.data.caseId, ...done, outboxFiles };
}

/** Addresses of the case that nobody left in the database has: every outbox file to them is the case's. */
async function orphanedAddresses(addresses: string[]): Promise<Set<string>> {
  const held = await addressesStillHeld(await getDb(), addresses);
  return new Set(addresses.filter((a) => !held.has(a)));
}

/**
 * The outbox files (written when no SMTP server is configured) of the case's mail: those named by
 * an outbox row's id, and any to an address no one left in the database has (files from before
 * names carried the id). Returns how many were removed.
 */
function removeOutboxFiles(outboxIds: string[], orphaned: string[]): number {
  let files: string[];
  try {
    files = readdirSync(outboxDir());
  } catch {
    return 0;
  }
  const suffixes = orphaned.map(outboxFileSuffix);
  let removed = 0;
  for (const file of files) {
    if (!file.endsWith(".eml")) continue;
    if (outboxIds.some((id) => file.includes(`-${id}-`)) || suffixes.some((s) => file.endsWith(s))) {
      rmSync(path.join(outboxDir(), file), { force: true });
      removed++;
    }
  }
  return removed;
}
