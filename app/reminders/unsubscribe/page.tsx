import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/app/_components/site-header";
import { primaryButtonClass } from "@/app/_components/ui/classes";
import { isAppError } from "@/lib/errors";
import { isReminderKind, type ReminderKind } from "@/lib/reminders/reminder-kinds";
import { readUnsubscribeLink } from "@/lib/reminders/unsubscribe-reminders";
import { confirmUnsubscribe } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reminders.unsubscribe");
  return { title: t("title"), robots: { index: false, follow: false } };
}

async function kindOf(token: string | undefined): Promise<ReminderKind | null> {
  try {
    return (await readUnsubscribeLink(token)).kind;
  } catch (e) {
    if (isAppError(e)) return null;
    throw e;
  }
}

/**
 * The unsubscribe link of a reminder e-mail: it asks first (a mail scanner that opens every link
 * must not turn anyone's reminders off), then says it is done. No sign-in; nothing of the case.
 */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ t?: string; done?: string }> }) {
  const { t: token, done } = await searchParams;
  const t = await getTranslations("reminders");
  const kindName = (k: ReminderKind) => t(`kinds.${k}`);
  const kind = isReminderKind(done) ? null : await kindOf(token);
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-2xl px-4 py-12" data-testid="reminders-unsubscribe">
        <h1 className="text-2xl font-semibold text-slate-900">{t("unsubscribe.title")}</h1>
        {isReminderKind(done) ? (
          <p className="mt-4 text-lg text-slate-700" role="status" data-testid="unsubscribe-done">
            {t("unsubscribe.done", { kind: kindName(done) })}
          </p>
        ) : kind ? (
          <form action={confirmUnsubscribe} className="mt-4">
            <p className="text-lg text-slate-800">{t("unsubscribe.question", { kind: kindName(kind) })}</p>
            <p className="mt-2 text-slate-700">{t("unsubscribe.keep")}</p>
            <input type="hidden" name="t" value={token} />
            <button type="submit" className={`${primaryButtonClass} mt-6`} data-testid="unsubscribe-confirm">
              {t("unsubscribe.confirm")}
            </button>
          </form>
        ) : (
          <p className="mt-4 text-lg text-slate-700" data-testid="unsubscribe-invalid">
            {t("unsubscribe.invalid")}
          </p>
        )}
      </main>
    </>
  );
}
