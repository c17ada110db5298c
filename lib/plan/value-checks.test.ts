import { describe, expect, it } from "vitest";
import { CATALOGUE_KEYS, checkCatalogueFacts } from "./activity-catalogue";
import { checkToolDetail } from "./tool-detail";
import { checkHoursRamp, RAMP_MAX_STEPS } from "./hours-ramp";

/*
 * The checks that replaced zod for the values every participant's browser reads (issue 19). Each
 * rule is met at its edge and refused just past it, and the failing fields are named as zod named
 * them (these expectations were first run against the zod schemas, which gave the same).
 */

type Row = [string, unknown, Record<string, "invalid">];
const fields = (...names: string[]) => Object.fromEntries(names.map((n) => [n, "invalid" as const]));
const failing = (r: { ok: true } | { ok: false; fields: Record<string, string> }) => (r.ok ? "accepted" : r.fields);

const OWN = "own:0c5e7a9e-3b1d-4f2a-9c6e-1a2b3c4d5e6f";
const coaching = { key: "coaching", provider: "", hoursPerWeek: 1, from: null, to: null, atWorkplace: false };
const own = { key: OWN, name: "Samtaler", provider: "", hoursPerWeek: null, from: "2027-01-04", to: "2027-03-01", atWorkplace: true };

describe("an activity's catalogue facts", () => {
  it.each<[string, object]>([
    ...CATALOGUE_KEYS.map((key): [string, object] => [`the catalogue's ${key}`, { ...coaching, key }]),
    ["an own key of 36 hex digits and dashes", own],
    ["a name of 120 characters", { ...own, name: "n".repeat(120) }],
    ["a name of 120 emoji (counted as characters, not UTF-16 units)", { ...own, name: "😀".repeat(120) }],
    ["a name of 120 characters in spaces", { ...own, name: ` ${"n".repeat(120)} ` }],
    ["a provider of 200 characters", { ...coaching, provider: "p".repeat(200) }],
    ["0 hours", { ...coaching, hoursPerWeek: 0 }],
    ["80 hours", { ...coaching, hoursPerWeek: 80 }],
    ["hours with a fraction", { ...coaching, hoursPerWeek: 37.5 }],
    ["no hours", { ...coaching, hoursPerWeek: null }],
    ["dates", { ...coaching, from: "2027-01-04", to: "2027-02-28" }],
    ["at the workplace", { ...coaching, atWorkplace: true }],
  ])("accepts %s", (_, v) => {
    expect(failing(checkCatalogueFacts(v))).toBe("accepted");
  });

  it("keeps the name trimmed and a name left out left out", () => {
    expect(checkCatalogueFacts({ ...own, name: "  Samtaler \n" })).toEqual({ ok: true, value: { ...own, name: "Samtaler" } });
    const read = checkCatalogueFacts(coaching);
    expect(read.ok && Object.keys(read.value)).toEqual(Object.keys(coaching));
  });

  it.each<Row>([
    ["not an object", null, fields("value")],
    ["a list", [], fields("value")],
    ["a key it does not know", { ...coaching, extra: 1 }, fields("value")],
    ["no key", { ...coaching, key: undefined }, fields("key")],
    ["a key no entry has", { ...coaching, key: "lottery" }, fields("key")],
    ["a key that is not a string", { ...coaching, key: 5 }, fields("key")],
    ["an own key one digit short", { ...own, key: OWN.slice(0, -1) }, fields("key")],
    ["an own key one digit long", { ...own, key: `${OWN}0` }, fields("key")],
    ["an own key in capitals", { ...own, key: OWN.toUpperCase().replace("OWN:", "own:") }, fields("key")],
    ["an empty name", { ...own, name: "" }, fields("name")],
    ["a name of spaces", { ...own, name: "   " }, fields("name")],
    ["a name of 121 characters", { ...own, name: "n".repeat(121) }, fields("name")],
    ["a name of 121 characters in spaces", { ...own, name: ` ${"n".repeat(121)} ` }, fields("name")],
    ["a name that is not a string", { ...own, name: 5 }, fields("name")],
    ["a name on the catalogue's entry", { ...coaching, name: "Coaching deluxe" }, fields("name")],
    ["an own activity without a name", { ...own, name: undefined }, fields("name")],
    ["a provider of 201 characters", { ...coaching, provider: "p".repeat(201) }, fields("provider")],
    ["no provider", { ...coaching, provider: undefined }, fields("provider")],
    ["hours below 0", { ...coaching, hoursPerWeek: -0.01 }, fields("hoursPerWeek")],
    ["hours above 80", { ...coaching, hoursPerWeek: 80.01 }, fields("hoursPerWeek")],
    ["NaN hours", { ...coaching, hoursPerWeek: NaN }, fields("hoursPerWeek")],
    ["infinite hours", { ...coaching, hoursPerWeek: Infinity }, fields("hoursPerWeek")],
    ["minus infinite hours", { ...coaching, hoursPerWeek: -Infinity }, fields("hoursPerWeek")],
    ["hours as text", { ...coaching, hoursPerWeek: "10" }, fields("hoursPerWeek")],
    ["hours left out (null is not said)", { ...coaching, hoursPerWeek: undefined }, fields("hoursPerWeek")],
    ["a start that is not a date", { ...coaching, from: "2027-1-04" }, fields("from")],
    ["a start with a space after it", { ...coaching, from: "2027-01-04 " }, fields("from")],
    ["an end that is not a date", { ...coaching, to: "4 January" }, fields("to")],
    ["no end", { ...coaching, to: undefined }, fields("to")],
    ["at the workplace as text", { ...coaching, atWorkplace: "true" }, fields("atWorkplace")],
    // The name's rule is checked when every field is of its kind, even when one breaks a limit.
    ["a name on an entry, and hours above 80", { ...coaching, name: "x", hoursPerWeek: 81 }, fields("hoursPerWeek", "name")],
    ["a name on a key no entry has", { ...coaching, key: "lottery", name: "x" }, fields("key", "name")],
    ["a name on an entry, and a key it does not know", { ...coaching, name: "x", extra: 1 }, fields("value", "name")],
    // ...but not when a field is not of its kind.
    ["a name on a key that is not a string", { ...coaching, key: 5, name: "x" }, fields("key")],
    ["a name on an entry, and NaN hours", { ...coaching, name: "x", hoursPerWeek: NaN }, fields("hoursPerWeek")],
    [
      "every field wrong",
      { key: 1, name: 2, provider: 3, hoursPerWeek: "4", from: 5, to: 6, atWorkplace: 7 },
      fields(...Object.keys(coaching), "name"),
    ],
  ])("refuses %s", (_, v, expected) => {
    expect(failing(checkCatalogueFacts(v))).toEqual(expected);
  });
});

const inUse = { status: "in_use" };

describe("a tool's details", () => {
  it.each<[string, object]>([
    ["in use, and nothing else", inUse],
    ["under consideration", { status: "considering" }],
    [
      "every field at its widest",
      {
        status: "in_use",
        place: "p".repeat(200),
        hoursPerWeek: 80,
        from: "2027-01-04",
        to: "2027-12-31",
        what: "w".repeat(500),
        approved: true,
        years: 5,
        note: "n".repeat(500),
      },
    ],
    ["every field at its narrowest", { status: "in_use", place: "", hoursPerWeek: 0, what: "", approved: false, years: 1, note: "" }],
    ["every field that may be null as null", { status: "in_use", hoursPerWeek: null, from: null, to: null, approved: null, years: null }],
    ["fields given as undefined", { status: "in_use", place: undefined, hoursPerWeek: undefined, years: undefined, note: undefined }],
  ])("accepts %s", (_, v) => {
    expect(failing(checkToolDetail(v))).toBe("accepted");
  });

  it.each<Row>([
    ["not an object", "in_use", fields("value")],
    ["a key it does not know", { ...inUse, weeks: 2 }, fields("value")],
    ["no status", {}, fields("status")],
    ["a status it does not know", { status: "maybe" }, fields("status")],
    ["a place of 201 characters", { ...inUse, place: "p".repeat(201) }, fields("place")],
    ["a place that is null", { ...inUse, place: null }, fields("place")],
    ["hours below 0", { ...inUse, hoursPerWeek: -0.01 }, fields("hoursPerWeek")],
    ["hours above 80", { ...inUse, hoursPerWeek: 80.01 }, fields("hoursPerWeek")],
    ["NaN hours", { ...inUse, hoursPerWeek: NaN }, fields("hoursPerWeek")],
    ["infinite hours", { ...inUse, hoursPerWeek: Infinity }, fields("hoursPerWeek")],
    ["a start that is not a date", { ...inUse, from: "2027-01-4" }, fields("from")],
    ["an end that is not a date", { ...inUse, to: "2027/01/04" }, fields("to")],
    ["a what of 501 characters", { ...inUse, what: "w".repeat(501) }, fields("what")],
    ["approval as text", { ...inUse, approved: "yes" }, fields("approved")],
    ["0 years", { ...inUse, years: 0 }, fields("years")],
    ["6 years", { ...inUse, years: 6 }, fields("years")],
    ["a year and a half", { ...inUse, years: 1.5 }, fields("years")],
    ["NaN years", { ...inUse, years: NaN }, fields("years")],
    ["a note of 501 characters", { ...inUse, note: "n".repeat(501) }, fields("note")],
    ["several at once", { status: "x", years: 9, place: 1, extra: true }, fields("status", "place", "years", "value")],
  ])("refuses %s", (_, v, expected) => {
    expect(failing(checkToolDetail(v))).toEqual(expected);
  });
});

const step = { hoursPerWeek: 10, weeks: 2 };
const ramp = { startsOn: "2027-01-04", steps: [step], ordinaryHours: 37 };

describe("the hours ramp", () => {
  it.each<[string, object]>([
    ["no ramp", { startsOn: null, steps: [], ordinaryHours: null }],
    ["a ramp", ramp],
    [`${RAMP_MAX_STEPS} steps`, { ...ramp, steps: Array.from({ length: RAMP_MAX_STEPS }, () => step) }],
    ["a step of 0 hours for 1 week", { ...ramp, steps: [{ hoursPerWeek: 0, weeks: 1 }] }],
    ["a step of 80 hours for 52 weeks", { ...ramp, steps: [{ hoursPerWeek: 80, weeks: 52 }] }],
    ["ordinary hours of 0", { ...ramp, ordinaryHours: 0 }],
    ["ordinary hours of 80", { ...ramp, ordinaryHours: 80 }],
  ])("accepts %s", (_, v) => {
    expect(failing(checkHoursRamp(v))).toBe("accepted");
  });

  it.each<Row>([
    ["not an object", 37, fields("value")],
    ["a key it does not know", { ...ramp, endsOn: null }, fields("value")],
    ["a start that is not a date", { ...ramp, startsOn: "2027-01-04T00:00" }, fields("startsOn")],
    ["no start (null is not said)", { steps: [], ordinaryHours: null }, fields("startsOn")],
    ["steps that are not a list", { ...ramp, steps: step }, fields("steps")],
    [`${RAMP_MAX_STEPS + 1} steps`, { ...ramp, steps: Array.from({ length: RAMP_MAX_STEPS + 1 }, () => step) }, fields("steps")],
    // A list too long is refused without looking at its steps.
    [
      `${RAMP_MAX_STEPS + 1} steps, one wrong`,
      { ...ramp, steps: [...Array.from({ length: RAMP_MAX_STEPS }, () => step), { weeks: 0 }] },
      fields("steps"),
    ],
    ["a step that is not an object", { ...ramp, steps: [step, null] }, fields("steps.1")],
    ["a step with a key it does not know", { ...ramp, steps: [{ ...step, from: null }] }, fields("steps.0")],
    ["a step below 0 hours", { ...ramp, steps: [step, { ...step, hoursPerWeek: -0.01 }] }, fields("steps.1.hoursPerWeek")],
    ["a step above 80 hours", { ...ramp, steps: [{ ...step, hoursPerWeek: 80.01 }] }, fields("steps.0.hoursPerWeek")],
    ["a step of infinite hours", { ...ramp, steps: [{ ...step, hoursPerWeek: Infinity }] }, fields("steps.0.hoursPerWeek")],
    ["a step of 0 weeks", { ...ramp, steps: [{ ...step, weeks: 0 }] }, fields("steps.0.weeks")],
    ["a step of 53 weeks", { ...ramp, steps: [{ ...step, weeks: 53 }] }, fields("steps.0.weeks")],
    ["a step of a week and a half", { ...ramp, steps: [{ ...step, weeks: 1.5 }] }, fields("steps.0.weeks")],
    ["a step without weeks", { ...ramp, steps: [{ hoursPerWeek: 10 }] }, fields("steps.0.weeks")],
    ["ordinary hours below 0", { ...ramp, ordinaryHours: -0.01 }, fields("ordinaryHours")],
    ["ordinary hours above 80", { ...ramp, ordinaryHours: 80.01 }, fields("ordinaryHours")],
    ["NaN ordinary hours", { ...ramp, ordinaryHours: NaN }, fields("ordinaryHours")],
    [
      "several at once",
      { startsOn: 1, steps: [{ hoursPerWeek: -1, weeks: 0, x: 1 }, step, "x"], ordinaryHours: 81, y: 2 },
      fields("startsOn", "steps.0.hoursPerWeek", "steps.0.weeks", "steps.0", "steps.2", "ordinaryHours", "value"),
    ],
  ])("refuses %s", (_, v, expected) => {
    expect(failing(checkHoursRamp(v))).toEqual(expected);
  });
});
