import { bindingOf, loadCaseAgreements } from "../agreements/case-agreements";
import { dateInZone } from "../time/zoned";

/**
 * Whether an action of the case's binding agreement is past its due date and not done — the
 * same rule as "What is due from you" (lib/followup/due-from-me.ts), for any owner. The actions
 * live in the frozen agreement, so this reads it rather than a column.
 */
export async function caseHasOverdueActions(caseId: string, now: Date): Promise<boolean> {
  const binding = bindingOf(await loadCaseAgreements(caseId));
  if (!binding) return false;
  const today = dateInZone(now);
  return binding.content.actions.some((a) => a.status !== "done" && a.due !== null && a.due < today);
}
