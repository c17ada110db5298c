import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { SiteHeader } from "@/app/_components/site-header";
import { currentStaff } from "@/app/_server/auth";
import { sessionToken } from "@/app/_server/session";
import { listAccessLog, type AccessLogEntry } from "@/lib/audit/list-access-log";
import { isAppError } from "@/lib/errors";
import { requireMeetingParticipantFrom } from "@/lib/meetings/require-meeting-participant";
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
    const staff = await currentStaff();
    ctx = await requireMeetingParticipantFrom({ participantSessionToken: await sessionToken(), staffUserId: staff?.userId, staffAuthMethod: staff?.authMethod }, id);
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
  const includeMine = (await searchParams).mine === "1";
  const { entries, more } = await listAccessLog({
    viewer: { kind: "participant", id: ctx.me.participantId, role: ctx.me.role, caseId: ctx.me.caseId },
    caseId: ctx.me.caseId,
    includeMine,
  });
  const isEmployee = ctx.me.role === "employee";
  const base = `/meetings/${id}/access-log`;
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
          <a href={includeMine ? base : `${base}?mine=1`} className="font-medium text-blue-800 underline underline-offset-2" data-testid="access-log-toggle-mine">
            {includeMine ? t("hideMine") : t("showMine")}
          </a>
        </p>
        {entries.length === 0 ? (
          <p className="mt-6 rounded-lg bg-slate-50 p-4 text-slate-800" data-testid="access-log-empty">
            {includeMine ? t("emptyAll") : t("empty")}
          </p>
        ) : (
          <AccessTable entries={entries} />
        )}
        {more ? <p className="mt-3 text-sm text-slate-700">{t("more", { count: entries.length })}</p> : null}
      </main>
    </>
  );
}

async function AccessTable({ entries }: { entries: AccessLogEntry[] }) {
  const t = await getTranslations("privacy.accessLog");
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
            <th scope="col" className="px-4 py-2 font-semibold">{t("when")}</th>
            <th scope="col" className="px-4 py-2 font-semibold">{t("who")}</th>
            <th scope="col" className="px-4 py-2 font-semibold">{t("role")}</th>
            <th scope="col" className="px-4 py-2 font-semibold">{t("what")}</th>
            <th scope="col" className="px-4 py-2 font-semibold">{t("why")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 text-slate-900">
          {entries.map((e) => (
            <tr key={e.id} className="block py-2 sm:table-row sm:py-0" data-testid="access-log-row" data-what={e.what} data-role={e.actor.role}>
              <td className={`${cell} sm:whitespace-nowrap`}>
                {label(t("when"))}
                <time dateTime={e.at.toISOString()}>{format.dateTime(e.at, { dateStyle: "medium", timeStyle: "short" })}</time>
              </td>
              <td className={cell}>
                {label(t("who"))}
                {e.mine ? <strong>{t("you")}</strong> : e.actor.name}
                {e.actor.kind === "staff" ? <span className="text-sm text-slate-700"> ({t("staff")})</span> : null}
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

async function Message({ title, body, back, testId }: { title: string; body: string; back?: string; testId: string }) {
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
              ← {t("back")}
            </a>
          </p>
        ) : null}
      </main>
    </>
  );
}
