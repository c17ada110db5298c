import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { SiteHeader } from "@/app/_components/site-header";
import { pageAccess } from "@/app/_server/page-access";
import {
  listAccessLog,
  parseAccessLogQuery,
  type AccessLogEntry,
  type AccessLogPage,
  type AccessLogQuery,
} from "@/lib/audit/list-access-log";
import { ACCESS_WHAT } from "@/lib/audit/access-kinds";
import { isAppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { isRole } from "@/lib/plan/roles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("privacy.accessLog");
  return { title: t("pageTitle"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/**
 * "Who has seen my data": the access log of the case, for the employee and the caseworker.
 * Reading the log is not itself logged (it shows who looked, not the case's data).
 */
export default async function AccessLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const t = await getTranslations("privacy.accessLog");
  let ctx;
  try {
    // A participant's session (join link) or a signed-in caseworker of this case.
    ctx = await pageAccess({ meetingId: id });
  } catch (e) {
    if (isAppError(e) && e.code === "UNAUTHENTICATED") {
      const s = await getTranslations("room.signedOut");
      return <Message title={s("title")} body={s("body")} testId="access-log-signed-out" />;
    }
    if (isAppError(e) && (e.code === "FORBIDDEN" || e.code === "NOT_FOUND")) notFound();
    throw e;
  }
  if (!can(ctx.me.role, "view", "access_log")) {
    return <Message title={t("forbiddenTitle")} body={t("forbiddenBody")} back={`/meetings/${id}`} testId="access-log-forbidden" />;
  }
  const base = `/meetings/${id}/access-log`;
  const sp = await searchParams;
  let query: AccessLogQuery;
  try {
    query = parseAccessLogQuery({ page: sp.page, what: sp.what, mine: sp.mine });
  } catch (e) {
    if (!isAppError(e) || e.code !== "INVALID_INPUT") throw e;
    const b = await getTranslations("accessLogBrowse");
    return <Message title={b("invalidTitle")} body={b("invalidBody")} back={base} backLabel={b("showAll")} testId="access-log-invalid" />;
  }
  const log = await listAccessLog({
    viewer: { kind: "participant", id: ctx.me.participantId, role: ctx.me.role, caseId: ctx.me.caseId },
    caseId: ctx.me.caseId,
    includeMine: query.includeMine,
    page: query.page,
    what: query.what,
  });
  const isEmployee = ctx.me.role === "employee";
  const href = (q: Partial<AccessLogQuery>) => accessLogHref(base, { ...query, ...q });
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-5xl px-4 py-8" data-testid="access-log">
        <p>
          <a href={`/meetings/${id}`} className="text-blue-800 underline underline-offset-2">
            ← {t("back")}
          </a>
        </p>
        <h1 className="mt-4 text-2xl font-semibold text-slate-900 sm:text-3xl">
          {isEmployee ? t("titleEmployee") : t("titleCaseworker", { name: ctx.case.employeeName })}
        </h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t("intro")}</p>
        <p className="mt-4">
          <a
            href={href({ includeMine: !query.includeMine, page: 1 })}
            className="font-medium text-blue-800 underline underline-offset-2"
            data-testid="access-log-toggle-mine"
          >
            {query.includeMine ? t("hideMine") : t("showMine")}
          </a>
        </p>
        <AccessFilter action={base} query={query} />
        {log.entries.length === 0 ? (
          <EmptyLog query={query} log={log} firstPage={href({ page: 1 })} />
        ) : (
          <AccessTable entries={log.entries} />
        )}
        <Pages log={log} newer={href({ page: log.page - 1 })} older={href({ page: log.page + 1 })} />
      </main>
    </>
  );
}

/** The log's address for a query: only what differs from the defaults, so links stay short. */
function accessLogHref(base: string, q: AccessLogQuery): string {
  const params = new URLSearchParams();
  if (q.what.length > 0) params.set("what", q.what.join(","));
  if (q.includeMine) params.set("mine", "1");
  if (q.page > 1) params.set("page", String(q.page));
  const s = params.toString();
  return s ? `${base}?${s}` : base;
}

/** A plain GET form: works without JavaScript, every control labelled, the result is a new page. */
async function AccessFilter({ action, query }: { action: string; query: AccessLogQuery }) {
  const t = await getTranslations("privacy.accessLog");
  const b = await getTranslations("accessLogBrowse");
  return (
    <form
      method="get"
      action={action}
      aria-labelledby="access-log-filter-title"
      className="mt-4 flex flex-wrap items-end gap-4 rounded-xl border border-slate-200 bg-white p-4"
      data-testid="access-log-filter"
    >
      <h2 id="access-log-filter-title" className="w-full text-base font-semibold text-slate-900">
        {b("filterTitle")}
      </h2>
      <div>
        <label htmlFor="access-log-kind" className="block text-sm font-medium text-slate-800">
          {b("kind")}
        </label>
        <select
          id="access-log-kind"
          name="what"
          defaultValue={query.what.length === 1 ? query.what[0] : ""}
          className="mt-1 block min-h-10 rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900"
          data-testid="access-log-kind"
        >
          <option value="">{b("allKinds")}</option>
          {ACCESS_WHAT.map((w) => (
            <option key={w} value={w}>
              {t(`whatLabel.${w}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex min-h-10 items-center gap-2">
        <input id="access-log-mine" type="checkbox" name="mine" value="1" defaultChecked={query.includeMine} className="size-5" />
        <label htmlFor="access-log-mine" className="text-slate-900">
          {b("includeMine")}
        </label>
      </div>
      <button
        type="submit"
        className="inline-flex min-h-10 items-center justify-center rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800"
        data-testid="access-log-apply"
      >
        {b("apply")}
      </button>
    </form>
  );
}

async function EmptyLog({ query, log, firstPage }: { query: AccessLogQuery; log: AccessLogPage; firstPage: string }) {
  const t = await getTranslations("privacy.accessLog");
  const b = await getTranslations("accessLogBrowse");
  // Past the last page (an old link): say so and offer the way back, rather than "nothing here".
  if (log.total > 0) {
    return (
      <p className="mt-6 rounded-lg bg-slate-50 p-4 text-slate-800" data-testid="access-log-empty">
        {b("emptyPage")}{" "}
        <a href={firstPage} className="font-medium text-blue-800 underline underline-offset-2">
          {b("firstPage")}
        </a>
      </p>
    );
  }
  return (
    <p className="mt-6 rounded-lg bg-slate-50 p-4 text-slate-800" data-testid="access-log-empty">
      {query.what.length > 0 ? b("emptyFiltered") : query.includeMine ? t("emptyAll") : t("empty")}
    </p>
  );
}

/** Newest first, so "newer" is back and "older" is on; the page number is always written out. */
async function Pages({ log, newer, older }: { log: AccessLogPage; newer: string; older: string }) {
  const b = await getTranslations("accessLogBrowse");
  const link =
    "inline-flex min-h-10 items-center rounded-md border border-slate-500 bg-white px-3 py-1.5 text-sm font-medium text-blue-800 underline-offset-2 hover:underline";
  return (
    <nav aria-label={b("pagesNav")} className="mt-4 flex flex-wrap items-center gap-3" data-testid="access-log-pages">
      {log.page > 1 ? (
        <a href={newer} rel="prev" className={link} data-testid="access-log-newer">
          <span aria-hidden="true">←&nbsp;</span>
          {b("newer")}
        </a>
      ) : null}
      <p className="text-slate-800" aria-current="page" data-testid="access-log-page">
        {b("pageOf", { page: log.page, pages: log.pageCount })} · {b("total", { total: log.total })}
      </p>
      {log.more ? (
        <a href={older} rel="next" className={link} data-testid="access-log-older">
          {b("older")}
          <span aria-hidden="true">&nbsp;→</span>
        </a>
      ) : null}
    </nav>
  );
}

async function AccessTable({ entries }: { entries: AccessLogEntry[] }) {
  const t = await getTranslations("privacy.accessLog");
  const b = await getTranslations("accessLogBrowse");
  const roles = await getTranslations("roles");
  const format = await getFormatter();
  const roleLabel = (r: string) => (isRole(r) ? roles(r) : r);
  // A table from 640 px; below it each row is a small card with its own labels (no sideways scrolling).
  const cell = "block px-4 py-0.5 sm:table-cell sm:py-2";
  const label = (text: string) => <span className="font-medium text-slate-700 sm:hidden">{text}: </span>;
  return (
    <div className="mt-6 rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-left">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="hidden bg-slate-50 text-sm text-slate-800 sm:table-header-group">
          <tr>
            <th scope="col" className="px-4 py-2 font-semibold">
              {t("when")}
            </th>
            <th scope="col" className="px-4 py-2 font-semibold">
              {t("who")}
            </th>
            <th scope="col" className="px-4 py-2 font-semibold">
              {t("role")}
            </th>
            <th scope="col" className="px-4 py-2 font-semibold">
              {t("what")}
            </th>
            <th scope="col" className="px-4 py-2 font-semibold">
              {t("why")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 text-slate-900">
          {entries.map((e) => (
            <tr
              key={e.id}
              className="block py-2 sm:table-row sm:py-0"
              data-testid="access-log-row"
              data-what={e.what}
              data-role={e.actor.role}
            >
              <td className={`${cell} sm:whitespace-nowrap`}>
                {label(t("when"))}
                <time dateTime={e.at.toISOString()}>{format.dateTime(e.at, { dateStyle: "medium", timeStyle: "short" })}</time>
                {e.count > 1 ? (
                  <span className="block text-sm text-slate-700" data-testid="access-log-repeated" data-count={e.count}>
                    {b("repeated", { count: e.count, last: format.dateTime(e.lastAt, { timeStyle: "medium" }) })}
                  </span>
                ) : null}
              </td>
              <td className={cell}>
                {label(t("who"))}
                {e.mine ? <strong>{t("you")}</strong> : e.actor.name}
                {e.actor.kind === "staff" ? <span className="text-sm text-slate-700"> ({t("staff")})</span> : null}
                {e.actor.kind === "system" ? <span className="text-sm text-slate-700"> ({t("system")})</span> : null}
              </td>
              <td className={cell}>
                {label(t("role"))}
                {roleLabel(e.actor.role)}
              </td>
              <td className={cell}>
                {label(t("what"))}
                {t(`whatLabel.${e.what}`)}
              </td>
              <td className={cell}>
                {label(t("why"))}
                {t(`purpose.${e.purpose}`)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

async function Message({
  title,
  body,
  back,
  backLabel,
  testId,
}: {
  title: string;
  body: string;
  back?: string;
  backLabel?: string;
  testId: string;
}) {
  const t = await getTranslations("privacy.accessLog");
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-2xl px-4 py-12" data-testid={testId}>
        <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
        <p className="mt-4 text-lg text-slate-700">{body}</p>
        {back ? (
          <p className="mt-6">
            <a href={back} className="text-blue-800 underline underline-offset-2">
              ← {backLabel ?? t("back")}
            </a>
          </p>
        ) : null}
      </main>
    </>
  );
}
