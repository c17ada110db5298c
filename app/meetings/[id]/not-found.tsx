import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/app/_components/site-header";

/** An unknown meeting, or one of another case: the same calm answer for both. */
export default async function MeetingNotFound() {
  const t = await getTranslations("room.notFound");
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-2xl px-4 py-12" data-testid="room-not-found">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-4 text-lg text-slate-700">{t("body")}</p>
        <p className="mt-4 text-slate-700">{t("help")}</p>
      </main>
    </>
  );
}
