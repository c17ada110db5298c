import { getDb } from "@/db/client";
import { listCasesPastRetention } from "@/db/queries/cases";
import { env } from "../env";
import { isAppError } from "../errors";
import { errorFields, logger } from "../log/logger";
import { dateInZone } from "../time/zoned";
import { eraseCase } from "./erase-case";

const log = logger("retention");

/** Cases erased per run at most: the next day's run takes the rest. */
const MAX_PER_RUN = 200;

/**
 * The `data.retention` job (at start, then daily): every case closed longer ago than its
 * organisation keeps closed cases (organisations.closed_case_retention_days; where unset,
 * CLOSED_CASE_RETENTION_DAYS, default five years — DK sagsakter) is erased, with a reason that
 * says so. A case that is reopened is no longer closed and is kept. One failure does
 * not stop the others; the job fails (and is retried) if any case could not be erased.
 */
export async function eraseExpiredCases(now = new Date()): Promise<{ erased: string[] }> {
  const today = dateInZone(now);
  const due = await listCasesPastRetention(await getDb(), { today, defaultDays: env().CLOSED_CASE_RETENTION_DAYS, limit: MAX_PER_RUN });
  const erased: string[] = [];
  let failed = 0;
  for (const caseId of due) {
    try {
      await eraseCase(caseId, `retention: closed longer than the organisation keeps closed cases (${today})`, { kind: "retention" });
      erased.push(caseId);
    } catch (e) {
      // Erased meanwhile by someone else: nothing left to do.
      if (isAppError(e) && e.code === "NOT_FOUND") continue;
      failed++;
      log.error("a case past its retention could not be erased", { caseId, ...errorFields(e) });
    }
  }
  log.info("retention done", { erased: erased.length, failed });
  if (failed > 0) throw new Error(`${failed} case(s) past their retention could not be erased`);
  return { erased };
}
