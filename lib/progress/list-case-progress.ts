import { getDb } from "@/db/client";
import { listAllParticipantsOfCase } from "@/db/queries/participants";
import { listProgressOfCase } from "@/db/queries/progress-entries";
import type { Me } from "../access/actor";
import { assertCan } from "../permissions";
import { caseMeasurePrivacy, type PrivacyOf } from "../agreements/case-measure-privacy";
import { mayViewValues } from "../privacy/measure-privacy";

export type ProgressEntry = {
  id: string;
  subGoalId: string;
  date: string;
  value: number;
  note: string | null;
  by: { participantId: string; name: string; role: string } | null;
  /** Recorded by the reader: they may remove it. */
  mine: boolean;
};

/**
 * Every progress entry of the reader's case that the reader may see, oldest day first, with who
 * recorded it. A health measure's entries are left out for everyone but the employee and the
 * caseworker unless the employee shares that measure (lib/privacy/measure-privacy.ts): this is the one place
 * every page and answer reads progress from.
 */
export async function listCaseProgress(input: {
  me: Pick<Me, "caseId" | "participantId" | "role">;
  privacy?: PrivacyOf;
}): Promise<ProgressEntry[]> {
  assertCan(input.me.role, "view", "progress");
  const db = await getDb();
  const [rows, people, privacyOf] = await Promise.all([
    listProgressOfCase(db, input.me.caseId),
    listAllParticipantsOfCase(db, input.me.caseId),
    input.privacy ? Promise.resolve(input.privacy) : caseMeasurePrivacy(input.me.caseId),
  ]);
  const byId = new Map(people.map((p) => [p.id, { participantId: p.id, name: p.displayName, role: p.role as string }]));
  return rows
    .filter((r) => mayViewValues(input.me.role, privacyOf(r.subGoalId)))
    .map((r) => ({
      id: r.id,
      subGoalId: r.subGoalId,
      date: r.measuredOn,
      value: r.value,
      note: r.note,
      by: byId.get(r.recordedBy) ?? null,
      mine: r.recordedBy === input.me.participantId,
    }));
}
