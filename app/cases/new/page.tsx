import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/app/_server/page-access";
import { StaffPage } from "@/app/_components/staff/staff-page";
import { cardClass } from "@/app/_components/ui/classes";
import { NewCaseForm } from "./new-case-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff.newCase");
  return { title: t("pageTitle"), robots: { index: false, follow: false } };
}

/** /cases/new: the employee's name, the track and the employer. Nothing about health. */
export default async function NewCasePage() {
  const staff = await requireStaffPage("/cases/new");
  const t = await getTranslations("staff.newCase");
  return (
    <StaffPage staff={staff} testId="new-case-page">
      <h1 className="text-3xl font-semibold text-slate-900">{t("title")}</h1>
      <p className="mt-2 max-w-2xl text-slate-700">{t("intro")}</p>
      <div className={`mt-6 max-w-2xl ${cardClass}`}>
        <NewCaseForm />
      </div>
    </StaffPage>
  );
}
