import { z } from "zod";

/** How the case list can be sorted (lib/case-list/list-my-cases.ts). */
export const CASE_LIST_SORTS = ["created", "name", "reference", "next_meeting", "sick_leave"] as const;

/**
 * The case list's query string (`/cases?q=…&state=…&page=…`): search, filters, sort, page and
 * view, every one optional so a plain `/cases` is the first page of the open cases, newest first.
 * An empty value counts as not given (a GET form sends every field).
 */
const blankIsUnset = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const ZCaseListQuery = z.object({
  q: z.preprocess(blankIsUnset, z.string().trim().max(100, "tooLong").optional()),
  state: z.preprocess(blankIsUnset, z.enum(["open", "closed", "all"], { message: "invalid" }).default("open")),
  /** With a meeting to come, with none, or with one in the next seven days. */
  next: z.preprocess(blankIsUnset, z.enum(["any", "scheduled", "none", "week"], { message: "invalid" }).default("any")),
  /** "1": only cases with an action of the binding agreement past its due date. */
  overdue: z.preprocess(blankIsUnset, z.enum(["0", "1"], { message: "invalid" }).default("0")),
  /** The assigned caseworker (a staff user's id). */
  caseworker: z.preprocess(blankIsUnset, z.string().max(200, "tooLong").optional()),
  sort: z.preprocess(blankIsUnset, z.enum(CASE_LIST_SORTS, { message: "invalid" }).default("created")),
  page: z.preprocess(
    blankIsUnset,
    z.coerce.number({ message: "invalid" }).int("invalid").min(1, "invalid").max(100_000, "invalid").default(1),
  ),
  /** "team": every case of the organisation with its caseworker (team leads only). */
  view: z.preprocess(blankIsUnset, z.enum(["mine", "team"], { message: "invalid" }).default("mine")),
});

export type CaseListQuery = z.infer<typeof ZCaseListQuery>;
