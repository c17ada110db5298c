import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/app/_server/page-access";
import { isAppError } from "@/lib/errors";
import { listMyCases, type CaseListPage } from "@/lib/case-list/list-my-cases";
import { listHandoverTargets } from "@/lib/case-list/list-handover-targets";
import { isTeamLead } from "@/lib/cases/is-team-lead";
import { CASE_LIST_SORTS, type CaseListQuery } from "@/lib/case-list/case-list-input";
import { recordCaseListShown } from "@/lib/case-list/record-case-list-shown";
import { StaffPage } from "@/app/_components/staff/staff-page";
import { HandOverForm } from "./_components/hand-over-form";
import {
  alertClass,
  buttonClass,
  cardClass,
  inputClass,
  labelClass,
  linkClass,
  primaryButtonClass,
  selectClass,
} from "@/app/_components/ui/classes";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff.cases");
  return { title: t("pageTitle"), robots: { index: false, follow: false } };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The query string as the list's use-case reads it (the first value of a repeated key). */
function rawOf(sp: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(sp).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : Array.isArray(v) && v[0] ? [[k, v[0]]] : [])),
  );
}

/** The list's address with this query (defaults left out, so links stay short). */
function hrefOf(q: CaseListQuery, page: number): string {
  const p = new URLSearchParams();
  if (q.view !== "mine") p.set("view", q.view);
  if (q.q) p.set("q", q.q);
  if (q.state !== "open") p.set("state", q.state);
  if (q.next !== "any") p.set("next", q.next);
  if (q.overdue !== "0") p.set("overdue", q.overdue);
  if (q.caseworker) p.set("caseworker", q.caseworker);
  if (q.sort !== "created") p.set("sort", q.sort);
  if (page !== 1) p.set("page", String(page));
  const s = p.toString();
  return s ? `/cases?${s}` : "/cases";
}

/**
 * /cases: the signed-in caseworker's cases — or, for a team lead, the team's (`?view=team`) —
 * searched, filtered, sorted and paged by the server. Everything is in the address, so a list is
 * linkable and the back button works; the form is a plain GET form.
 */
export default async function CasesPage({ searchParams }: { searchParams: SearchParams }) {
  const staff = await requireStaffPage("/cases");
  const t = await getTranslations("staff.cases");
  const tTrack = await getTranslations("staff.track");
  const tDeadlines = await getTranslations("deadlines.workList");
  const tOutcome = await getTranslations("staff.outcome");
  const format = await getFormatter();
  const lead = isTeamLead(staff);
  let list: CaseListPage | null = null;
  try {
    list = await listMyCases({ actor: staff, raw: rawOf(await searchParams) });
  } catch (e) {
    if (!isAppError(e) || (e.code !== "INVALID_INPUT" && e.code !== "FORBIDDEN")) throw e;
  }
  if (list) await recordCaseListShown({ cases: list.items, staffUserId: staff.userId, name: staff.name ?? staff.email ?? staff.userId });
  const query = list?.query;
  const team = query?.view === "team";
  const colleagues = team ? await listHandoverTargets({ actor: staff }) : [];
  return (
    <StaffPage staff={staff} testId="cases-page">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-semibold text-slate-900">{team ? t("teamTitle") : t("title")}</h1>
        <div className="flex flex-wrap items-center gap-4">
          <Link href="/cases/deadlines" className={linkClass} data-testid="deadlines-link">
            {tDeadlines("link")}
          </Link>
          {lead ? (
            <Link href={team ? "/cases" : "/cases?view=team"} className={buttonClass} data-testid="switch-view">
              {team ? t("showMine") : t("showTeam")}
            </Link>
          ) : null}
          <Link href="/cases/new" className={primaryButtonClass} data-testid="new-case">
            {t("new")}
          </Link>
        </div>
      </div>
      {!list || !query ? (
        <p className={`mt-6 ${alertClass}`} data-testid="list-query-invalid">
          {t("queryInvalid")}{" "}
          <Link href="/cases" className={linkClass}>
            {t("queryReset")}
          </Link>
        </p>
      ) : (
        <>
          <form
            method="get"
            action="/cases"
            className={`mt-6 ${cardClass}`}
            role="search"
            aria-label={t("searchLabel")}
            data-testid="case-search"
          >
            {team ? <input type="hidden" name="view" value="team" /> : null}
            <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              <div className="sm:col-span-2 lg:col-span-3">
                <label htmlFor="list-q" className={labelClass}>
                  {t("search")}
                </label>
                <input
                  id="list-q"
                  name="q"
                  type="search"
                  defaultValue={query.q ?? ""}
                  maxLength={100}
                  className={`mt-1 ${inputClass}`}
                  data-testid="list-q"
                />
              </div>
              <Select
                id="list-state"
                name="state"
                label={t("state")}
                value={query.state}
                options={(["open", "closed", "all"] as const).map((v) => [v, t(`stateOption.${v}`)])}
              />
              <Select
                id="list-next"
                name="next"
                label={t("nextMeetingFilter")}
                value={query.next}
                options={(["any", "scheduled", "week", "none"] as const).map((v) => [v, t(`nextOption.${v}`)])}
              />
              <Select
                id="list-sort"
                name="sort"
                label={t("sort")}
                value={query.sort}
                options={CASE_LIST_SORTS.map((v) => [v, t(`sortOption.${v}`)])}
              />
              {team ? (
                <Select
                  id="list-caseworker"
                  name="caseworker"
                  label={t("caseworker")}
                  value={query.caseworker ?? ""}
                  options={[["", t("anyCaseworker")], ...colleagues.map((c): [string, string] => [c.id, c.name])]}
                />
              ) : null}
              <label className="flex items-center gap-2 self-end pb-2">
                <input
                  type="checkbox"
                  name="overdue"
                  value="1"
                  defaultChecked={query.overdue === "1"}
                  className="size-4"
                  data-testid="list-overdue"
                />
                <span>{t("overdueOnly")}</span>
              </label>
            </div>
            <button type="submit" className={`mt-4 ${primaryButtonClass}`} data-testid="list-submit">
              {t("apply")}
            </button>
          </form>
          <p className="mt-4 text-slate-700" aria-live="polite" data-testid="list-count">
            {t("count", { total: list.total, page: list.page, pages: list.pageCount })}
          </p>
          {list.items.length === 0 ? (
            <p className={`mt-4 ${cardClass} text-lg text-slate-700`} data-testid="no-cases">
              {list.total === 0 && !query.q && query.state === "open" && query.next === "any" && query.overdue === "0" && !team
                ? t("empty")
                : t("noMatch")}
            </p>
          ) : (
            <ul className="mt-4 space-y-3" aria-label={t("listLabel")}>
              {list.items.map((c) => (
                <li key={c.id} className={cardClass} data-testid="case-card">
                  <h2 className="text-xl font-semibold">
                    {c.myRole ? (
                      <Link href={`/cases/${c.id}`} className={linkClass}>
                        {c.employeeName}
                      </Link>
                    ) : (
                      c.employeeName
                    )}
                  </h2>
                  <p className="mt-1 text-slate-700">
                    {tTrack(c.track)}
                    {c.employer ? ` · ${c.employer}` : ""}
                    {c.reference ? ` · ${t("reference", { reference: c.reference })}` : ""}
                  </p>
                  {team ? <p className="mt-1 text-sm text-slate-700">{t("caseworkerIs", { name: c.caseworkerName ?? "–" })}</p> : null}
                  <p className="mt-1 text-sm text-slate-700" data-testid="case-card-state">
                    {c.state === "closed"
                      ? t("closedAs", { outcome: c.outcome ? tOutcome(c.outcome) : "" })
                      : c.nextMeeting
                        ? t("nextMeeting", {
                            title: c.nextMeeting.title,
                            when: format.dateTime(c.nextMeeting.startsAt, { dateStyle: "medium", timeStyle: "short" }),
                          })
                        : t("noMeeting")}
                  </p>
                  {team && c.state === "open" ? <HandOverForm caseId={c.id} employeeName={c.employeeName} colleagues={colleagues} /> : null}
                </li>
              ))}
            </ul>
          )}
          {list.pageCount > 1 ? (
            <nav aria-label={t("pagesLabel")} className="mt-6 flex items-center gap-4" data-testid="list-pages">
              {list.page > 1 ? (
                <Link href={hrefOf(query, list.page - 1)} className={buttonClass} rel="prev" data-testid="page-prev">
                  {t("prevPage")}
                </Link>
              ) : null}
              <span>{t("pageOf", { page: list.page, pages: list.pageCount })}</span>
              {list.page < list.pageCount ? (
                <Link href={hrefOf(query, list.page + 1)} className={buttonClass} rel="next" data-testid="page-next">
                  {t("nextPage")}
                </Link>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </StaffPage>
  );
}

function Select({
  id,
  name,
  label,
  value,
  options,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  options: [string, string][];
}) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={value} className={`mt-1 ${selectClass}`} data-testid={id}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
