import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/app/_components/site-header";
import { participantSessionToken } from "@/app/_server/credentials";
import { buttonClass, primaryButtonClass } from "@/app/_components/ui/classes";
import { decideJoin } from "@/lib/access/decide-join";
import { PENDING_JOIN_COOKIE_NAMES } from "@/lib/access/session-cookie";
import { EscapeKeeps } from "./escape-keeps";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("join.confirm");
  return { title: t("pageTitle"), robots: { index: false, follow: false } };
}

/**
 * "You are signed in as X in this browser; continue as Y?" — asked when a join link of another
 * participant is opened in a browser that already holds a session (issue 12.11). The link's token
 * waits in an httpOnly cookie, never in this page's address. "Stay" is the first button, has the
 * focus, and is what Escape does: a link opened by mistake, or sent by someone else, changes nothing.
 */
export default async function ConfirmJoinPage() {
  const t = await getTranslations("join.confirm");
  const roles = await getTranslations("roles");
  const jar = await cookies();
  const pending = PENDING_JOIN_COOKIE_NAMES.map((n) => jar.get(n)?.value).find(Boolean);
  const decision = pending ? await decideJoin({ token: pending, sessionToken: await participantSessionToken() }) : null;

  if (decision?.kind !== "ask") {
    return (
      <>
        <SiteHeader />
        <main id="main" className="mx-auto max-w-2xl px-4 py-12" data-testid="join-confirm-nothing">
          <h1 className="text-2xl font-semibold text-slate-900">{t("nothing.title")}</h1>
          <p className="mt-4 text-lg text-slate-700">{t("nothing.body")}</p>
          <p className="mt-6">
            <Link href="/" className="font-medium text-blue-800 underline underline-offset-2">
              {t("home")}
            </Link>
          </p>
        </main>
      </>
    );
  }
  const current = decision.current.displayName;
  const next = decision.next.displayName;
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-2xl px-4 py-12" data-testid="join-confirm">
        <h1 id="join-confirm-title" className="text-2xl font-semibold text-slate-900">
          {t("title", { next })}
        </h1>
        <p id="join-confirm-body" className="mt-4 text-lg text-slate-800" data-testid="join-confirm-body">
          {t("body", { current, currentRole: roles(decision.current.role), next, nextRole: roles(decision.next.role) })}
        </p>
        <p className="mt-2 text-slate-700">{t("explain", { next })}</p>
        <form
          method="post"
          action="/join/decide"
          className="mt-6 flex flex-wrap gap-3"
          aria-labelledby="join-confirm-title"
          aria-describedby="join-confirm-body"
        >
          {/* First and focused: the choice that changes nothing. */}
          <button id="join-keep" type="submit" name="choice" value="keep" className={primaryButtonClass} autoFocus data-testid="join-keep">
            {t("keep", { current })}
          </button>
          <button type="submit" name="choice" value="switch" className={buttonClass} data-testid="join-switch">
            {t("switch", { next })}
          </button>
        </form>
        <p className="mt-4 text-sm text-slate-700">{t("escapeHint")}</p>
        <EscapeKeeps buttonId="join-keep" />
      </main>
    </>
  );
}
