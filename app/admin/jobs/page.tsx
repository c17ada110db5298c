import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/app/_server/page-access";
import { StaffPage } from "@/app/_components/staff/staff-page";
import { buttonClass, cardClass } from "@/app/_components/ui/classes";
import { listDeadLetters, mayManageJobs } from "@/lib/system/dead-letters";
import { retryJob } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("deadLetters");
  return { title: t("title"), robots: { index: false, follow: false } };
}

/**
 * /admin/jobs: the job runner's dead letters — jobs that failed after every retry — for an
 * administrator, with "Retry" where running it again can help. Ids, queue, tries and the error
 * only: a job's data holds ids, and addresses are left out of the errors (lib/system/dead-letters.ts).
 */
export default async function FailedJobsPage() {
  const staff = await requireStaffPage("/admin/jobs");
  if (!mayManageJobs(staff)) notFound();
  const t = await getTranslations("deadLetters");
  const format = await getFormatter();
  const jobs = await listDeadLetters(staff);
  return (
    <StaffPage staff={staff} testId="dead-letters-page">
      <h1 className="text-3xl font-semibold text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("intro")}</p>
      {jobs.length === 0 ? (
        <p className={`mt-6 ${cardClass} text-slate-700`} data-testid="dead-letters-none">
          {t("none")}
        </p>
      ) : (
        <div className="mt-6 overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="dead-letters">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">
                  {t("queue")}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t("id")}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t("retries")}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t("failedAt")}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t("error")}
                </th>
                <th scope="col" className="py-2">
                  <span className="sr-only">{t("retry")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((j) => (
                <tr key={j.id} className="border-b border-slate-200 align-top" data-testid="dead-letter">
                  <td className="py-2 pr-4 font-mono">{j.queue}</td>
                  <td className="py-2 pr-4 font-mono text-xs">{j.id}</td>
                  <td className="py-2 pr-4">{format.number(j.retries)}</td>
                  <td className="py-2 pr-4">
                    {j.failedAt ? format.dateTime(j.failedAt, { dateStyle: "medium", timeStyle: "short" }) : ""}
                  </td>
                  <td className="py-2 pr-4 break-all">{j.error ?? ""}</td>
                  <td className="py-2">
                    {j.retryable ? (
                      <form action={retryJob}>
                        <input type="hidden" name="queue" value={j.queue} />
                        <input type="hidden" name="id" value={j.id} />
                        <button type="submit" className={buttonClass} data-testid="dead-letter-retry">
                          {t("retry")}
                        </button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </StaffPage>
  );
}
