import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/app/_server/page-access";
import { StaffPage } from "@/app/_components/staff/staff-page";
import { cardClass } from "@/app/_components/ui/classes";
import { EraseCaseForm } from "./erase-case-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("personalData.erase");
  return { title: t("pageTitle"), robots: { index: false, follow: false } };
}

/** /admin/erase-case: an administrator erases a case of their organisation, with a reason (GDPR Art. 17). */
export default async function EraseCasePage() {
  const staff = await requireStaffPage("/admin/erase-case");
  const t = await getTranslations("personalData.erase");
  const isAdmin = staff.roles.includes("admin");
  return (
    <StaffPage staff={staff} testId="erase-case-page">
      <h1 className="text-3xl font-semibold text-slate-900">{t("title")}</h1>
      {isAdmin ? (
        <>
          <p className="mt-2 max-w-2xl text-slate-700">{t("intro")}</p>
          <div className={`mt-6 max-w-2xl ${cardClass}`}>
            <EraseCaseForm />
          </div>
        </>
      ) : (
        <p className="mt-2 max-w-2xl text-slate-700">{t("forbidden")}</p>
      )}
    </StaffPage>
  );
}
