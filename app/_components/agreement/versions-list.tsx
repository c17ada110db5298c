import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { AgreementVersionSummary } from "@/lib/agreements/list-agreement-versions";

/**
 * Every version of a case's agreement, newest first, the binding one marked. Reusable on any
 * page that has the versions (`listAgreementVersions({ me: { caseId, role } })`), e.g. the case page.
 */
export function AgreementVersionsList({ versions, currentId }: { versions: AgreementVersionSummary[]; currentId?: string }) {
  const t = useTranslations("agreement");
  const altered = useTranslations("agreementAltered");
  const format = useFormatter();
  if (versions.length === 0) return <p className="text-slate-700">{t("noVersions")}</p>;
  return (
    <ol className="space-y-2" data-testid="agreement-versions">
      {[...versions].reverse().map((v) => (
        <li
          key={v.id}
          className={`rounded-lg border p-3 ${v.altered ? "border-red-700 bg-red-50" : v.state === "binding" ? "border-green-700 bg-green-50" : "border-slate-200 bg-white"}`}
          data-testid={`version-${v.version}`}
          data-state={v.altered ? "altered" : v.state}
        >
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <Link
              href={`/agreements/${v.id}`}
              className="font-semibold text-blue-800 underline"
              aria-current={v.id === currentId ? "page" : undefined}
            >
              {t("versionN", { version: v.version })}
            </Link>
            {v.altered ? (
              <span className="font-semibold text-red-900">{altered("listLabel")}</span>
            ) : (
              <span className={v.state === "binding" ? "font-semibold text-green-900" : "text-slate-700"}>
                {t(`versionState.${v.state}`)}
              </span>
            )}
          </div>
          <p className="text-sm text-slate-700">
            {t("preparedOn", { when: format.dateTime(new Date(v.preparedAt), { dateStyle: "medium", timeStyle: "short" }) })}
            {v.sealedAt
              ? ` · ${t("sealedOn", { when: format.dateTime(new Date(v.sealedAt), { dateStyle: "medium", timeStyle: "short" }) })}`
              : ""}
          </p>
          {v.reason ? <p className="mt-1 text-sm text-slate-800">{t("changeReason", { reason: v.reason })}</p> : null}
        </li>
      ))}
    </ol>
  );
}
