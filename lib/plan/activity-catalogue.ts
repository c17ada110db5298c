import { check, bool, nullable, num, optional, refine, str, strictObject, type Checked, type Rule } from "./value-checks";
import type { Country } from "../organisation/country";

/**
 * The activity catalogue: the activities the source documents name, per country, that a plan
 * picks from (or writes its own). Seed 000 (a Danish provider's programmes: internship, mastery
 * programmes incl. coping with anxiety and depression, coaching and counselling, labour-market
 * physiotherapy and pool training, discussions with a psychologist, job clarification courses),
 * seeds 002/004 (virksomhedspraktik, mentor), seed 003 (NAV's occupational rehabilitation: its five
 * contents, at most 12 weeks). Labels live in the catalogues under `activityCatalogue.<key>`.
 *
 * `sensitive`: the activity itself tells something about health (a psychologist, coping with
 * anxiety). Picked without the employee's consent to share it, it goes into the shared plan as the
 * neutral `healthActivity` — the shared document never holds what it really is, since every
 * participant's browser receives all of it.
 */
export type CatalogueEntry = {
  key: string;
  countries: readonly Country[];
  sensitive: boolean;
  atWorkplace: boolean;
  hoursPerWeek: number | null;
  /** The longest it may run (NAV's occupational rehabilitation: 12 weeks). */
  maxWeeks: number | null;
};

const both: readonly Country[] = ["DK", "NO"];

export const ACTIVITY_CATALOGUE: readonly CatalogueEntry[] = [
  { key: "internship", countries: both, sensitive: false, atWorkplace: true, hoursPerWeek: 10, maxWeeks: null },
  { key: "mentor", countries: both, sensitive: false, atWorkplace: true, hoursPerWeek: 2, maxWeeks: null },
  { key: "coaching", countries: both, sensitive: false, atWorkplace: false, hoursPerWeek: 1, maxWeeks: null },
  { key: "mastery", countries: both, sensitive: false, atWorkplace: false, hoursPerWeek: 2, maxWeeks: null },
  { key: "copingAnxietyDepression", countries: both, sensitive: true, atWorkplace: false, hoursPerWeek: 2, maxWeeks: null },
  { key: "physioPool", countries: both, sensitive: true, atWorkplace: false, hoursPerWeek: 2, maxWeeks: null },
  { key: "psychologist", countries: both, sensitive: true, atWorkplace: false, hoursPerWeek: 1, maxWeeks: null },
  { key: "jobClarification", countries: ["DK"], sensitive: false, atWorkplace: false, hoursPerWeek: 10, maxWeeks: null },
  { key: "rehabMotivation", countries: ["NO"], sensitive: false, atWorkplace: false, hoursPerWeek: null, maxWeeks: 12 },
  { key: "rehabTraining", countries: ["NO"], sensitive: false, atWorkplace: false, hoursPerWeek: null, maxWeeks: 12 },
  { key: "rehabWorkTesting", countries: ["NO"], sensitive: false, atWorkplace: false, hoursPerWeek: null, maxWeeks: 12 },
  { key: "rehabLabourMarket", countries: ["NO"], sensitive: false, atWorkplace: true, hoursPerWeek: null, maxWeeks: 12 },
  { key: "rehabLifestyle", countries: ["NO"], sensitive: false, atWorkplace: false, hoursPerWeek: null, maxWeeks: 12 },
  // What a sensitive entry becomes when the employee has not agreed that the workplace may know what it is.
  { key: "healthActivity", countries: both, sensitive: false, atWorkplace: false, hoursPerWeek: null, maxWeeks: null },
];

export const CATALOGUE_KEYS = ACTIVITY_CATALOGUE.map((e) => e.key);

export function catalogueEntry(key: string): CatalogueEntry | undefined {
  return ACTIVITY_CATALOGUE.find((e) => e.key === key);
}

/** The entries a case in this country picks from (the neutral one is not picked: it is what a sensitive one becomes). */
export function catalogueFor(country: Country): CatalogueEntry[] {
  return ACTIVITY_CATALOGUE.filter((e) => e.countries.includes(country) && e.key !== "healthActivity");
}

const isoDate = str({ pattern: /^\d{4}-\d{2}-\d{2}$/ });

/**
 * An organisation's own activity is stored as `own:<its id>` with its `name` as it read when
 * picked: the shared document (and a signed agreement) must read the same after the organisation
 * renames or removes it, and every participant's browser must show it without asking the server.
 */
export const OWN_KEY_PREFIX = "own:";
const OWN_KEY = /^own:[0-9a-f-]{36}$/;
export const OWN_ACTIVITY_NAME_MAX = 120;

/** What a catalogue activity carries besides the activity's own texts (one JSON value on the activity). */
export type CatalogueFacts = {
  /** A catalogue entry's key, or an organisation's own activity's `own:<id>`. */
  key: string;
  /** Only an organisation's own activity, trimmed. */
  name?: string | undefined;
  provider: string;
  hoursPerWeek: number | null;
  from: string | null;
  to: string | null;
  atWorkplace: boolean;
};

// A key that is not a string leaves the name rule below unchecked, as zod's union did; a string naming nothing does not.
const catalogueKey: Rule<string> = (v, path, issues) => {
  if (typeof v !== "string") issues.push({ path, stop: true });
  else if (!CATALOGUE_KEYS.includes(v) && !OWN_KEY.test(v)) issues.push({ path, stop: false });
  return v as string;
};

const catalogueFacts = refine(
  strictObject<CatalogueFacts>({
    key: catalogueKey,
    name: optional(str({ trim: true, min: 1, max: OWN_ACTIVITY_NAME_MAX })),
    provider: str({ max: 200 }),
    hoursPerWeek: nullable(num({ min: 0, max: 80 })),
    from: nullable(isoDate),
    to: nullable(isoDate),
    atWorkplace: bool,
  }),
  // A name belongs to an organisation's own activity, and it needs one; the country's entries are named by the catalogues.
  (f) => isOwnKey(f.key) === (f.name !== undefined),
  "name",
);

export function checkCatalogueFacts(v: unknown): Checked<CatalogueFacts> {
  return check(catalogueFacts, v);
}

export function readCatalogueFacts(v: unknown): CatalogueFacts | null {
  const checked = checkCatalogueFacts(v);
  return checked.ok ? checked.value : null;
}

export function isOwnKey(key: string): boolean {
  return key.startsWith(OWN_KEY_PREFIX);
}

/** The activity's name in the reader's language: the organisation's own name, or the catalogue's label. */
export function catalogueLabel(facts: Pick<CatalogueFacts, "key" | "name">, t: (key: string) => string): string {
  return facts.name ?? t(`activityCatalogue.${facts.key}.label`);
}

/**
 * The facts to store when `key` is picked: the entry's defaults, and a sensitive entry the
 * employee did not agree to share stored as the neutral `healthActivity`.
 */
export function pickFromCatalogue(key: string, opts: { employeeAgreedToShare: boolean }): CatalogueFacts | null {
  const entry = catalogueEntry(key);
  if (!entry) return null;
  const stored = entry.sensitive && !opts.employeeAgreedToShare ? catalogueEntry("healthActivity")! : entry;
  return { key: stored.key, provider: "", hoursPerWeek: entry.hoursPerWeek, from: null, to: null, atWorkplace: entry.atWorkplace };
}

/** A period longer than the entry allows (occupational rehabilitation: 12 weeks), in whole weeks over; 0 when within. */
export function weeksOverLimit(facts: CatalogueFacts): number {
  const max = catalogueEntry(facts.key)?.maxWeeks;
  if (!max || !facts.from || !facts.to) return 0;
  const weeks = Math.ceil((Date.parse(`${facts.to}T00:00:00Z`) - Date.parse(`${facts.from}T00:00:00Z`) + 86_400_000) / (7 * 86_400_000));
  return Math.max(0, weeks - max);
}
