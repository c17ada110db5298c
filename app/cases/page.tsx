import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/app/_server/page-access";
import { listMyCases } from "@/lib/cases/list-my-cases";
import { recordCaseListShown } from "@/lib/cases/record-case-list-shown";
import { StaffPage } from "./_components/staff-page";
import { cardClass, linkClass, primaryButtonClass } from "@/app/_components/ui/classes";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff.cases");
  return { title: t("pageTitle"), robots: { index: false, follow: false } };
}

/** /cases: the signed-in caseworker's cases, newest first, each with its next meeting. */
export default async function CasesPage() {
  const staff = await requireStaffPage("/cases");
  const t = await getTranslations("staff.cases");
  const tTrack = await getTranslations("staff.track");
  const tDeadlines = await getTranslations("deadlines.workList");
  const format = await getFormatter();
  const cases = await listMyCases({ staffUserId: staff.userId });
  await recordCaseListShown({ cases, staffUserId: staff.userId, name: staff.name ?? staff.email ?? staff.userId });
  return (
    <StaffPage staff={staff} testId="cases-page">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-semibold text-slate-900">{t("title")}</h1>
        <div className="flex flex-wrap items-center gap-4">
          <Link href="/cases/deadlines" className={linkClass} data-testid="deadlines-link">
            {tDeadlines("link")}
          </Link>
          <Link href="/cases/new" className={primaryButtonClass} data-testid="new-case">
            {t("new")}
          </Link>
        </div>
      </div>
      {cases.length === 0 ? (
        <p className={`mt-6 ${cardClass} text-lg text-slate-700`} data-testid="no-cases">
          {t("empty")}
        </p>
      ) : (
        <ul className="mt-6 space-y-3" aria-label={t("listLabel")}>
          {cases.map((c) => (
            <li key={c.id} className={cardClass} data-testid="case-card">
              <h2 className="text-xl font-semibold">
                <Link href={`/cases/${c.id}`} className={linkClass}>
                  {c.employeeName}
                </Link>
              </h2>
              <p className="mt-1 text-slate-700">
                {tTrack(c.track)}
                {c.employer ? ` · ${c.employer}` : ""}
              </p>
              <p className="mt-1 text-sm text-slate-700">
                {c.nextMeeting
                  ? t("nextMeeting", {
                      title: c.nextMeeting.title,
                      when: format.dateTime(c.nextMeeting.startsAt, { dateStyle: "medium", timeStyle: "short" }),
                    })
                  : t("noMeeting")}
              </p>
            </li>
          ))}
        </ul>
      )}
    </StaffPage>
  );
}
