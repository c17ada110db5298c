import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/app/_server/page-access";
import Link from "next/link";
import { cardClass, linkClass } from "@/app/_components/ui/classes";
import { listStaff } from "@/lib/staff/list-staff";
import { listOwnCatalogue } from "@/lib/organisations/list-own-catalogue";
import { organisationNameOf } from "@/lib/organisations/organisation-name-of";
import { staffCan } from "@/lib/permissions";
import { StaffPage } from "@/app/_components/staff/staff-page";
import { OwnCatalogueSection } from "./_catalogue/own-catalogue-section";
import { InviteStaffForm } from "./invite-staff-form";
import { StaffRow } from "./staff-row";
import { ApiTokensSection } from "./tokens/api-tokens-section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("pageTitle"), robots: { index: false, follow: false } };
}

/**
 * /admin: an administrator's own organisation: its staff (invite, change role, deactivate,
 * reactivate), its own providers and activities beside the country's activity catalogue, and its
 * API tokens.
 */
export default async function AdminPage() {
  const staff = await requireStaffPage("/admin");
  // Not an administrator: as if there were no such page (no hint of what it holds).
  if (!staffCan(staff.roles, "manage_staff")) notFound();
  const t = await getTranslations("admin");
  const [people, organisation, catalogue] = await Promise.all([
    listStaff({ actor: staff }),
    organisationNameOf(staff.organisationId),
    listOwnCatalogue({ actor: staff }),
  ]);
  return (
    <StaffPage staff={staff} testId="admin-page">
      <h1 className="text-3xl font-semibold text-slate-900">{t("title", { organisation })}</h1>
      <p className="mt-2 max-w-2xl text-slate-700">{t("intro")}</p>
      <section aria-labelledby="invite-heading" className={`mt-6 max-w-2xl ${cardClass}`}>
        <h2 id="invite-heading" className="text-xl font-semibold text-slate-900">
          {t("invite.heading")}
        </h2>
        <InviteStaffForm />
      </section>
      <section aria-labelledby="staff-heading" className="mt-8">
        <h2 id="staff-heading" className="text-xl font-semibold text-slate-900">
          {t("list.heading")}
        </h2>
        <ul className="mt-3 space-y-3" data-testid="staff-list">
          {people.map((p) => (
            <StaffRow key={p.id} person={p} />
          ))}
        </ul>
      </section>
      <OwnCatalogueSection providers={catalogue.providers} activities={catalogue.activities} />
      <ApiTokensSection staff={staff} />
      <nav aria-labelledby="more-heading" className="mt-8">
        <h2 id="more-heading" className="text-xl font-semibold text-slate-900">
          {t("more.heading")}
        </h2>
        <ul className="mt-3 space-y-2">
          <li>
            <Link href="/admin/jobs" className={linkClass} data-testid="admin-jobs-link">
              {t("more.jobs")}
            </Link>
          </li>
          <li>
            <Link href="/admin/erase-case" className={linkClass} data-testid="admin-erase-link">
              {t("more.eraseCase")}
            </Link>
          </li>
        </ul>
      </nav>
    </StaffPage>
  );
}
