import Link from "next/link";
import { can } from "@/lib/permissions";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { pageActors } from "@/app/_server/page-access";
import { formatDay } from "@/lib/followup/format";
import { listDueForViewer } from "@/lib/followup/list-due-for-viewer";
import { recordDueListShown } from "@/lib/followup/record-due-list-shown";

/**
 * "What is due from you", shown when someone signed in opens Stepwise: their actions, progress
 * entries asked for, invitations to answer and agreements to confirm, each a link to where it is
 * done. Shows nothing for a visitor who is not signed in. On a case page (`caseId`) only that
 * case's items, and nothing at all when nothing is due there (the page itself is the way in).
 */
export async function DueFromMeSection({ headingLevel = 2, caseId }: { headingLevel?: 1 | 2; caseId?: string }) {
  const due = await listDueForViewer({ who: await pageActors(), caseId });
  const t = await getTranslations("followup.due");
  if (caseId && (!due || due.every((c) => c.items.length === 0))) return null;
  // On a case page that page's own row covers it; elsewhere (front page, /me) this is a showing.
  if (due && !caseId) await recordDueListShown(due);
  if (!due) {
    // On its own page (/me) a visitor still gets a heading and the one thing to do.
    return headingLevel === 1 ? (
      <>
        <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
        <p className="mt-3 text-slate-800" data-testid="due-signed-out">
          {t("notSignedIn")}
        </p>
      </>
    ) : null;
  }
  const locale = await getLocale();
  const format = await getFormatter();
  const H = headingLevel === 1 ? "h1" : "h2";
  const total = due.reduce((n, c) => n + c.items.length, 0);
  return (
    <section
      aria-labelledby="due-title"
      className={`${caseId ? "mt-6" : "mt-8"} rounded-lg border border-blue-200 bg-blue-50 p-4 sm:p-6`}
      data-testid="due-from-me"
    >
      <H id="due-title" className="text-xl font-semibold text-slate-900">
        {t("title")}
      </H>
      {total === 0 ? (
        <p className="mt-2 text-slate-800" data-testid="due-nothing">
          {t("nothing")}
        </p>
      ) : null}
      {due
        .filter((c) => c.items.length > 0)
        .map((c) => (
          <div key={c.caseId} className="mt-3">
            {due.length > 1 ? <h3 className="font-semibold text-slate-900">{t("caseOf", { name: c.employeeName })}</h3> : null}
            <ul className="mt-1 space-y-2">
              {c.items.map((item, i) => {
                const base = `/cases/${c.caseId}`;
                switch (item.kind) {
                  case "action":
                    return (
                      <li
                        key={i}
                        data-testid="due-item"
                        data-kind="action"
                        className={item.overdue ? "font-semibold text-amber-950" : "text-slate-900"}
                      >
                        <Link href={`${base}#actions`} className="underline underline-offset-2">
                          {item.due
                            ? t(item.overdue ? "actionOverdue" : "action", { text: item.text, date: formatDay(item.due, locale) })
                            : t("actionNoDate", { text: item.text })}
                        </Link>
                      </li>
                    );
                  case "progress":
                    return (
                      <li key={i} data-testid="due-item" data-kind="progress">
                        <Link href={`${base}#progress`} className="text-slate-900 underline underline-offset-2">
                          {item.lastDate
                            ? t("progress", { label: item.label || item.text, date: formatDay(item.lastDate, locale) })
                            : t("progressFirst", { label: item.label || item.text })}
                        </Link>
                      </li>
                    );
                  case "answer":
                    return (
                      <li key={i} data-testid="due-item" data-kind="answer">
                        <Link
                          // The treating doctor has no case page: they answer on the meeting's page.
                          href={can(c.role, "view", "case") ? `${base}#invitations` : `/meetings/${item.meetingId}`}
                          className="text-slate-900 underline underline-offset-2"
                        >
                          {t("answer", { when: format.dateTime(item.startsAt, { dateStyle: "full", timeStyle: "short" }) })}
                        </Link>
                      </li>
                    );
                  case "read":
                    return (
                      <li key={i} data-testid="due-item" data-kind="read">
                        <Link href={`${base}#read`} className="text-slate-900 underline underline-offset-2">
                          {t("read", { version: item.version })}
                        </Link>
                      </li>
                    );
                }
              })}
            </ul>
          </div>
        ))}
      {due.length === 1 && !caseId && can(due[0]!.role, "view", "case") ? (
        <p className="mt-4">
          <Link
            href={`/cases/${due[0]!.caseId}`}
            className="font-medium text-blue-800 underline underline-offset-2"
            data-testid="due-case-link"
          >
            {t("openCase")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
