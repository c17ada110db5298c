import { getDb } from "@/db/client";
import { purgeAccessLogBefore } from "@/db/queries/access-log";
import { purgeExpiredAccess, type PurgedAccess } from "@/db/queries/housekeeping";
import { env } from "../env";
import { logger } from "../log/logger";

const log = logger("housekeeping");
const DAY_MS = 86_400_000;

export type Housekeeping = PurgedAccess & { accessLogRows: number };

/**
 * The `data.housekeeping` job (at start, then daily): expired or withdrawn participant sessions,
 * join links (with their uses), calendar links and staff sessions kept EXPIRED_ACCESS_KEPT_DAYS,
 * then removed; expired sign-in links at once; access-log rows older than
 * ACCESS_LOG_RETENTION_DAYS (through stepwise_purge_access_log, which never reaches back less
 * than 180 days). Idempotent: a second run finds nothing more. Logs counts only.
 */
export async function runHousekeeping(now = new Date()): Promise<Housekeeping> {
  const db = await getDb();
  const purged = await purgeExpiredAccess(db, { before: new Date(now.getTime() - env().EXPIRED_ACCESS_KEPT_DAYS * DAY_MS), now });
  const accessLogRows = await purgeAccessLogBefore(db, new Date(now.getTime() - env().ACCESS_LOG_RETENTION_DAYS * DAY_MS));
  log.info("housekeeping done", { ...purged, accessLogRows });
  return { ...purged, accessLogRows };
}
