import { getTranslations } from "next-intl/server";
import type { EidStatus } from "@/lib/eid/eid-status";
import { ASSURANCE_LEVELS, type AssuranceLevel } from "@/lib/eid/assurance-level";
import { buttonClass, noticeClass } from "@/app/_components/ui/classes";

/**
 * For a participant where the organisation offers the national eID: confirm with it before
 * signing (a plain link to /api/eid/start), or — once confirmed — the level the signature will
 * record. The personal link stays the way to sign without eID, and the page says so.
 */
export async function EidOffer({ status, returnTo, justConfirmed }: { status: EidStatus; returnTo: string; justConfirmed: boolean }) {
  const t = await getTranslations("agreement");
  if (status.fresh) {
    const level = (ASSURANCE_LEVELS as readonly string[]).includes(status.fresh.level)
      ? t(`eidLevel.${status.fresh.level as AssuranceLevel}`)
      : status.fresh.acr;
    return (
      <p role="status" className={noticeClass} data-testid="eid-confirmed" data-eid-level={status.fresh.level}>
        {justConfirmed ? `${t("eid.ok", { name: status.name })} ` : null}
        {t("eid.confirmed", { name: status.name, level })}
      </p>
    );
  }
  return (
    <div className={noticeClass} data-testid="eid-offer">
      <p>{t("eid.offer", { name: status.name })}</p>
      <p className="mt-3">
        <a href={`/api/eid/start?return=${encodeURIComponent(returnTo)}`} className={buttonClass} data-testid="eid-start">
          {t("eid.start", { name: status.name })}
        </a>
      </p>
      <p className="mt-3 text-sm">{t("eid.noEid", { name: status.name })}</p>
    </div>
  );
}
