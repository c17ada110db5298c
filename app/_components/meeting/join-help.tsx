import { getTranslations } from "next-intl/server";

/**
 * For a phone that scanned the shared screen's QR code (or any browser) without a session: the
 * QR code holds no key, so the person opens their own personal link; nothing else lets them in.
 */
export async function JoinHelp() {
  const t = await getTranslations("meeting.joinHelp");
  return (
    <div data-testid="join-help">
      <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
      <p className="mt-4 text-lg text-slate-800">{t("body")}</p>
      <ol className="mt-4 ml-5 list-decimal space-y-2 text-slate-800">
        <li>{t("stepLink")}</li>
        <li>{t("stepQr")}</li>
        <li>{t("stepBack")}</li>
      </ol>
      <p className="mt-4 text-slate-700">{t("why")}</p>
    </div>
  );
}
