import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/app/_components/site-header";
import { pageStaff } from "@/app/_server/page-access";
import { alertClass, buttonClass, cardClass, noticeClass } from "@/app/_components/ui/classes";
import { safeReturnPath } from "@/lib/auth/safe-return-path";
import { signInOptions } from "@/lib/auth/sign-in-options";
import { EmailSignInForm } from "./email-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff.signin");
  return { title: t("pageTitle"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/** Auth.js error codes (?error=…) and ours, as calm sentences. Unknown codes read as "did not work". */
const ERRORS = ["Verification", "AccessDenied", "rate_limited", "invalid_email"] as const;

type Search = { error?: string; callbackUrl?: string; signedOut?: string };

/** /signin: the e-mail form, the OpenID Connect button when configured, and calm errors. */
export default async function SignInPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const returnTo = safeReturnPath(sp.callbackUrl);
  if (await pageStaff()) redirect(returnTo);
  const t = await getTranslations("staff.signin");
  const options = await signInOptions();
  const errorKey = sp.error ? ((ERRORS as readonly string[]).includes(sp.error) ? sp.error : "other") : null;

  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-xl px-4 py-10">
        <h1 className="text-3xl font-semibold text-slate-900">{t("title")}</h1>
        <p className="mt-3 text-lg text-slate-700">{t("intro", { minutes: options.linkMinutes })}</p>
        {sp.signedOut ? (
          <p role="status" className={`mt-6 ${noticeClass}`} data-testid="signed-out-notice">
            {t("signedOut")}
          </p>
        ) : null}
        {errorKey ? (
          <p role="alert" className={`mt-6 ${alertClass}`} data-testid="signin-error">
            {t(`errors.${errorKey}`)}
          </p>
        ) : null}
        <div className={`mt-6 ${cardClass}`}>
          <EmailSignInForm callbackUrl={returnTo} />
          {options.oidc.length > 0 ? (
            <div className="mt-6 border-t border-slate-200 pt-6">
              <p className="text-sm text-slate-700">{t("or")}</p>
              {options.oidc.map((o) => (
                // A link, not a form: CSP form-action would have to name every organisation's IdP (lib/auth/start-oidc-sign-in.ts).
                <p key={o.providerId} className="mt-3">
                  <a
                    href={`/api/auth/oidc-start?${new URLSearchParams({ provider: o.providerId, callbackUrl: returnTo }).toString()}`}
                    className={`${buttonClass} block w-full text-center`}
                    data-testid="signin-oidc"
                  >
                    {o.name ? t("oidcNamed", { name: o.name }) : t("oidc")}
                  </a>
                </p>
              ))}
            </div>
          ) : null}
        </div>
        <p className="mt-8 text-slate-700">{t("participantHint")}</p>
      </main>
    </>
  );
}
