import { getDb } from "@/db/client";
import { listCaseListIds, queryCaseList, type CaseListFilter } from "@/db/queries/case-list";
import { listMeetingsOfCases } from "@/db/queries/meetings";
import type { StaffActor } from "../access/actor";
import { env } from "../env";
import { AppError } from "../errors";
import { invalidInput } from "../input-errors";
import { pickNextMeeting } from "../time/pick-invitation-meeting";
import type { Role } from "../plan/roles";
import type { Track } from "../plan/track";
import type { CaseOutcome, CaseState } from "../cases/case-lifecycle-input";
import { ZCaseListQuery, type CaseListQuery } from "./case-list-input";
import { caseHasOverdueActions } from "./case-has-overdue-actions";
import { isTeamLead } from "../cases/is-team-lead";

export type MyCase = {
  id: string;
  employeeName: string;
  employer: string | null;
  track: Track;
  reference: string | null;
  state: CaseState;
  outcome: CaseOutcome | null;
  /** The signed-in staff member's role on the case; null in the team view for a case they are not on. */
  myRole: Role | null;
  caseworkerName: string | null;
  nextMeeting: { id: string; title: string; startsAt: Date } | null;
};

export type CaseListPage = {
  items: MyCase[];
  total: number;
  page: number;
  pageCount: number;
  /** The query as understood (defaults filled in), for the page's links and form. */
  query: CaseListQuery;
};

/**
 * The case list, searched, filtered, sorted and paged in the database: the signed-in staff
 * member's own cases (those they are a participant of), or — the team view, team leads only —
 * every case of their organisation with its caseworker. `raw` is the page's query string (zod-checked: 400 with field
 * codes). The overdue-actions filter reads each candidate case's binding agreement, so it is
 * applied before paging, on the cases the other filters left.
 */
export async function listMyCases(input: {
  actor: Pick<StaffActor, "userId" | "roles" | "organisationId"> | null | undefined;
  raw?: unknown;
  now?: Date;
  pageSize?: number;
}): Promise<CaseListPage> {
  if (!input.actor) throw new AppError("UNAUTHENTICATED", "not signed in");
  const parsed = ZCaseListQuery.safeParse(input.raw ?? {});
  if (!parsed.success) throw invalidInput(parsed.error, "the list's filters need another look");
  const query = parsed.data;
  if (query.view === "team" && !isTeamLead(input.actor)) throw new AppError("FORBIDDEN", "only a team lead sees the team's cases");
  const now = input.now ?? new Date();
  const size = input.pageSize ?? env().CASE_LIST_PAGE_SIZE;
  const db = await getDb();
  const filter: CaseListFilter = {
    organisationId: input.actor.organisationId,
    scope: query.view === "team" ? "team" : { mine: input.actor.userId },
    q: query.q ?? null,
    state: query.state === "all" ? null : query.state,
    next: query.next === "any" ? null : query.next,
    caseworkerId: query.caseworker ?? null,
    onlyIds: null,
    now,
    weekEnd: new Date(now.getTime() + 7 * 86_400_000),
  };
  if (query.overdue === "1") {
    const overdue: string[] = [];
    for (const id of await listCaseListIds(db, filter)) if (await caseHasOverdueActions(id, now)) overdue.push(id);
    filter.onlyIds = overdue;
  }
  const { rows, total } = await queryCaseList(db, filter, { sort: query.sort, limit: size, offset: (query.page - 1) * size });
  const meetings = await listMeetingsOfCases(
    db,
    rows.map((r) => r.case.id),
  );
  const items = rows.map(({ case: c, myRole, caseworkerName }) => {
    // "Next meeting" on the list: one still to come, never the last one that is over.
    const next = pickNextMeeting(
      meetings.filter((m) => m.caseId === c.id),
      now,
    );
    return {
      id: c.id,
      employeeName: c.employeeName,
      employer: c.employer,
      track: c.track,
      reference: c.reference,
      state: c.state,
      outcome: c.outcome,
      myRole,
      caseworkerName,
      nextMeeting: next ? { id: next.id, title: next.title, startsAt: next.startsAt } : null,
    };
  });
  return { items, total, page: query.page, pageCount: Math.max(1, Math.ceil(total / size)), query };
}
