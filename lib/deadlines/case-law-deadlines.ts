import type { CaseAgreement } from "../agreements/case-agreements";
import { sealedOf } from "../agreements/case-agreements";
import type { Country } from "../organisation/country";
import { dateInZone } from "../time/zoned";
import { lawDeadlines, type LawDeadline } from "./law-deadlines";

export type CaseLawDeadlines = { country: Country; sickLeaveStart: string | null; deadlines: LawDeadline[] };

/**
 * A case's law deadlines from what Stepwise holds: its sick-leave start, its country, the meetings
 * that were held (completed) and the plan versions that were signed (sealed). No start date: no
 * deadlines (they cannot be counted).
 */
export function caseLawDeadlines(input: {
  sickLeaveStart: string | null;
  /** The country of the case's organisation (lib/organisations/organisation-of-case.ts). */
  country: Country;
  meetings: readonly { startsAt: Date; status: string }[];
  agreements: readonly CaseAgreement[];
  now: Date;
}): CaseLawDeadlines {
  const { country } = input;
  const start = input.sickLeaveStart;
  if (!start) return { country, sickLeaveStart: null, deadlines: [] };
  const deadlines = lawDeadlines({
    country,
    sickLeaveStart: start,
    heldMeetings: input.meetings.filter((m) => m.status === "completed").map((m) => dateInZone(m.startsAt)),
    signedPlans: sealedOf(input.agreements).map((a) => ({
      on: dateInZone(a.sealedAt!),
      hasActivity: a.content.plan.subGoals.some((g) => g.activities.length > 0),
    })),
    today: dateInZone(input.now),
  });
  return { country, sickLeaveStart: start, deadlines };
}
