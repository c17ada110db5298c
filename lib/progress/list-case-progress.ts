import { getDb } from "@/db/client";
import { listAllParticipantsOfCase } from "@/db/queries/agreements";
import { listProgressOfCase } from "@/db/queries/followup";
import type { Me } from "../meetings/require-meeting-participant";
import { assertCan } from "../permissions";

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

/** Every progress entry of the reader's case, oldest day first, with who recorded it. */
export async function listCaseProgress(input: { me: Pick<Me, "caseId" | "participantId" | "role"> }): Promise<ProgressEntry[]> {
  assertCan(input.me.role, "view", "progress");
  const db = await getDb();
  const [rows, people] = await Promise.all([listProgressOfCase(db, input.me.caseId), listAllParticipantsOfCase(db, input.me.caseId)]);
  const byId = new Map(people.map((p) => [p.id, { participantId: p.id, name: p.displayName, role: p.role as string }]));
  return rows.map((r) => ({
    id: r.id,
    subGoalId: r.subGoalId,
    date: r.measuredOn,
    value: r.value,
    note: r.note,
    by: byId.get(r.recordedBy) ?? null,
    mine: r.recordedBy === input.me.participantId,
  }));
}
