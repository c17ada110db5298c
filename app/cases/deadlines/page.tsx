import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/app/_server/page-access";
import { cardClass, linkClass } from "@/app/_components/ui/classes";
import { listDeadlineWorkList, type WorkListItem } from "@/lib/deadlines/list-deadline-work-list";
import { serverNow } from "@/lib/time/server-clock";
import { StaffPage } from "@/app/_components/staff/staff-page";
import { getFmt } from "../[id]/follow-up/fmt";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("deadlines.workList");
  return { title: t("title"), robots: { index: false, follow: false } };
}

/**
 * /cases/deadlines: the caseworker's work list — the law's deadlines across their cases, due this
 * week and missed (lib/deadlines/list-deadline-work-list.ts records each case shown).
 */
export default async function DeadlineWorkListPage() {
  const staff = await requireStaffPage("/cases/deadlines");
  const t = await getTranslations("deadlines");
  const fmt = await getFmt();
  const list = await listDeadlineWorkList({
    staffUserId: staff.userId,
    viewerName: staff.name ?? staff.email ?? staff.userId,
    now: serverNow(),
  });

  const bucket = (id: string, title: string, items: WorkListItem[]) => (
    <section aria-labelledby={`${id}-title`} className={`mt-6 ${cardClass}`} data-testid={id}>
      <h2 id={`${id}-title`} className="text-xl font-semibold text-slate-900">
        {title}
      </h2>
      {items.length === 0 ? (
        <p className="mt-2 text-slate-700">{t("workList.none")}</p>
      ) : (
        <table className="mt-4 w-full text-left">
          <thead>
            <tr className="border-b border-slate-300 text-sm">
              <th scope="col" className="py-2 pr-4">
                {t("workList.case")}
              </th>
              <th scope="col" className="py-2 pr-4">
                {t("workList.deadline")}
              </th>
              <th scope="col" className="py-2">
                {t("workList.date")}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr
                key={`${i.caseId}-${i.deadline.rule}-${i.deadline.due ?? ""}`}
                className="border-b border-slate-200 align-top"
                data-testid="work-list-item"
                data-rule={i.deadline.rule}
              >
                <td className="py-2 pr-4">
                  <Link href={`/cases/${i.caseId}#deadlines`} className={linkClass}>
                    {i.employeeName}
                  </Link>
                </td>
                <td className="py-2 pr-4">
                  {t(`rules.${i.deadline.rule}`)}
                  <span className="block text-xs text-slate-600">{i.deadline.source}</span>
                </td>
                <td className="py-2">{i.deadline.due ? fmt.day(i.deadline.due) : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );

  return (
    <StaffPage staff={staff} testId="deadline-work-list">
      <h1 className="text-3xl font-semibold text-slate-900">{t("workList.title")}</h1>
      <p className="mt-2 text-slate-700">{t("workList.intro")}</p>
      {bucket("work-list-missed", t("workList.missed"), list.missed)}
      {bucket("work-list-due", t("workList.dueThisWeek"), list.dueThisWeek)}
    </StaffPage>
  );
}
