import Link from "next/link";
import { useTranslations } from "next-intl";
import type { PlanDrift } from "@/lib/followup/plan-drift";

/**
 * At the top of the signing page: the plan in the meeting room was changed after this version was
 * frozen. What differs, and the way to a new version — so nobody signs this one believing it holds
 * a later edit.
 */
export function DriftNotice({ drift, canPrepare }: { drift: PlanDrift; canPrepare: boolean }) {
  const t = useTranslations("agreement.drift");
  return (
    <section
      aria-labelledby="drift-title"
      className="rounded-xl border-2 border-amber-700 bg-amber-50 p-4 text-amber-950 sm:p-6"
      data-testid="plan-drift"
    >
      <h2 id="drift-title" className="text-xl font-semibold">
        {t("title", { version: drift.version })}
      </h2>
      <p className="mt-1">{t("body", { version: drift.version })}</p>
      <h3 className="mt-3 font-semibold">{t("differs")}</h3>
      <ul className="mt-1 ml-5 list-disc space-y-0.5" data-testid="plan-drift-changes">
        {drift.lines.map((l, i) => (
          <li key={i}>{l}</li>
        ))}
      </ul>
      {canPrepare ? (
        <Link
          href={`/meetings/${drift.meetingId}/agreement?amend=1#amend`}
          className="mt-3 inline-flex min-h-10 items-center justify-center rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800"
          data-testid="drift-new-version"
        >
          {t("newVersion", { version: drift.version + 1 })}
        </Link>
      ) : (
        <p className="mt-3 font-medium">{t("askChair", { version: drift.version + 1 })}</p>
      )}
    </section>
  );
}
