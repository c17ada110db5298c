import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/app/_components/site-header";
import { cardClass, linkClass } from "@/app/_components/ui/classes";
import { signInOptions } from "@/lib/auth/sign-in-options";
import { outboxDir } from "@/lib/mail/deliver-mail";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff.checkEmail");
  return { title: t("pageTitle"), robots: { index: false, follow: false } };
}

/**
 * The same page for every address, known or not: it never says whether a mail was sent. Where no
 * mail server is configured it says where the messages go instead (the same for everyone too).
 */
export default async function CheckEmailPage() {
  const t = await getTranslations("staff.checkEmail");
  const options = await signInOptions();
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-xl px-4 py-10" data-testid="check-email">
        <h1 className="text-3xl font-semibold text-slate-900">{t("title")}</h1>
        <div className={`mt-6 ${cardClass}`}>
          <p className="text-lg text-slate-800">{t("body", { minutes: options.linkMinutes })}</p>
          <p className="mt-3 text-slate-700">{t("nothing")}</p>
          {options.mailConfigured ? null : (
            <p className="mt-4 rounded-md bg-slate-100 p-3 text-sm text-slate-800" data-testid="outbox-hint">
              {t("outbox", { folder: outboxDir() })}
            </p>
          )}
        </div>
        <p className="mt-6">
          <Link href="/signin" className={linkClass}>
            {t("again")}
          </Link>
        </p>
      </main>
    </>
  );
}
