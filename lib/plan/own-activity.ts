import { catalogueEntry, OWN_KEY_PREFIX, type CatalogueFacts } from "./activity-catalogue";

/**
 * An organisation's own activity as the room's picker offers it beside the country's catalogue
 * (issue 17: "An organisation can add its own providers and activities"). Plain data from the
 * server (lib/organisations/own-catalogue-of.ts); nothing here touches the database, so the
 * browser can load it.
 */
export const OWN_ACTIVITY_KINDS = ["internship", "course", "counselling", "health", "mentor", "other"] as const;
export type OwnActivityKind = (typeof OWN_ACTIVITY_KINDS)[number];

export type OwnActivity = {
  id: string;
  name: string;
  kind: OwnActivityKind;
  hoursPerWeek: number | null;
  atWorkplace: boolean;
  sensitive: boolean;
};

export type OwnProvider = { id: string; name: string; note: string };

/** What the room is given: the organisation's own activities and the names of its providers. */
export type OwnCatalogue = { activities: OwnActivity[]; providers: string[] };

export const EMPTY_OWN_CATALOGUE: OwnCatalogue = { activities: [], providers: [] };

export function ownKeyOf(activity: Pick<OwnActivity, "id">): string {
  return `${OWN_KEY_PREFIX}${activity.id}`;
}

/**
 * The facts to store when an own activity is picked: its defaults and its name — or, sensitive and
 * not agreed to be shared, the same neutral `healthActivity` a sensitive catalogue entry becomes
 * (its name is then not written into the shared document at all).
 */
export function pickOwnActivity(activity: OwnActivity, opts: { employeeAgreedToShare: boolean }): CatalogueFacts {
  if (activity.sensitive && !opts.employeeAgreedToShare) {
    const neutral = catalogueEntry("healthActivity")!;
    return { key: neutral.key, provider: "", hoursPerWeek: activity.hoursPerWeek, from: null, to: null, atWorkplace: neutral.atWorkplace };
  }
  return {
    key: ownKeyOf(activity),
    name: activity.name,
    provider: "",
    hoursPerWeek: activity.hoursPerWeek,
    from: null,
    to: null,
    atWorkplace: activity.atWorkplace,
  };
}
