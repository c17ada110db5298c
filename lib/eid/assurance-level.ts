/**
 * The eIDAS assurance levels, read from the `acr` an eID broker reports. The brokers name them
 * differently: the Danish NSIS levels as URIs (".../nsis/loa/Substantial"), ID-porten as
 * "idporten-loa-substantial" (formerly "Level3"/"Level4"), generic brokers as the bare word.
 * Anything else is not understood, and a signature does not rest on what we do not understand.
 */
export const ASSURANCE_LEVELS = ["low", "substantial", "high"] as const;
export type AssuranceLevel = (typeof ASSURANCE_LEVELS)[number];

export function assuranceLevelOf(acr: unknown): AssuranceLevel | null {
  if (typeof acr !== "string" || acr.length === 0 || acr.length > 200) return null;
  const a = acr.trim().toLowerCase();
  if (a === "level3") return "substantial";
  if (a === "level4") return "high";
  const last = /(?:^|[/:#-])(low|substantial|high)$/.exec(a)?.[1];
  return (last as AssuranceLevel | undefined) ?? null;
}

export function meetsLevel(level: AssuranceLevel, minimum: AssuranceLevel): boolean {
  return ASSURANCE_LEVELS.indexOf(level) >= ASSURANCE_LEVELS.indexOf(minimum);
}
