import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { StaffActor } from "@/lib/access/actor";
import { buttonClass, linkClass } from "@/app/_components/ui/classes";
import { staffCan } from "@/lib/permissions";

/** Under the site header on staff pages: who is signed in, the way to their cases, and sign-out. */
export async function StaffBar({ staff }: { staff: Pick<StaffActor, "name" | "email"> & Partial<Pick<StaffActor, "roles">> }) {
  const t = await getTranslations("staff.bar");
  const tAdmin = await getTranslations("admin");
  return (
    <nav aria-label={t("label")} className="border-b border-slate-200 bg-slate-50">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-2">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
          <Link href="/cases" className={linkClass}>
            {t("cases")}
          </Link>
          {staff.roles && staffCan(staff.roles, "manage_staff") ? (
            <Link href="/admin" className={linkClass} data-testid="staff-admin-link">
              {tAdmin("navLink")}
            </Link>
          ) : null}
          <span className="text-sm text-slate-700" data-testid="staff-who">
            {t("signedInAs", { name: staff.name ?? staff.email ?? "" })}
          </span>
        </div>
        <form method="post" action="/api/auth/staff-sign-out">
          <button type="submit" className={buttonClass} data-testid="staff-sign-out">
            {t("signOut")}
          </button>
        </form>
      </div>
    </nav>
  );
}
