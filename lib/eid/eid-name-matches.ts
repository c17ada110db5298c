import { normaliseName } from "../access/normalise-name";

/**
 * Whether the name the eID reports is the participant's registered name: every word of the
 * registered name, in order, among the eID's words — so "Kurt Hansen" matches the eID's
 * "Kurt Erik Hansen" (middle names are often left out when a case is opened), but not
 * "Kurt Jensen" or "Hansen Kurt". Case, spacing and Unicode composition do not matter.
 */
export function eidNameMatches(registered: string, fromEid: string): boolean {
  const want = normaliseName(registered).split(" ").filter(Boolean);
  const have = normaliseName(fromEid).split(" ").filter(Boolean);
  if (want.length === 0) return false;
  let i = 0;
  for (const w of have) if (w === want[i]) i++;
  return i === want.length;
}
