import type { ActivityRow } from "@/db/queries/own-catalogue";
import { OWN_ACTIVITY_KINDS, type OwnActivity, type OwnActivityKind } from "../plan/own-activity";

/** A row as plain data; a kind this version does not know (a later one wrote it) reads as "other". */
export function presentOwnActivity(row: ActivityRow): OwnActivity {
  const kind = (OWN_ACTIVITY_KINDS as readonly string[]).includes(row.kind) ? (row.kind as OwnActivityKind) : "other";
  return { id: row.id, name: row.name, kind, hoursPerWeek: row.hoursPerWeek, atWorkplace: row.atWorkplace, sensitive: row.sensitive };
}
