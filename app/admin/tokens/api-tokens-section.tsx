import { getFormatter, getTranslations } from "next-intl/server";
import { cardClass } from "@/app/_components/ui/classes";
import type { StaffActor } from "@/lib/access/actor";
import { listApiTokens } from "@/lib/api/list-api-tokens";
import { CreateTokenForm } from "./create-token-form";
import { TokenRow } from "./token-row";

/**
 * The organisation's API tokens on /admin: make one (shown once) and revoke one. Names and dates
 * only — a token is never shown again after it was made, and its hash never leaves the database.
 */
export async function ApiTokensSection({ staff }: { staff: StaffActor }) {
  const t = await getTranslations("apiTokens");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const tokens = await listApiTokens({ actor: staff });
  return (
    <section aria-labelledby="tokens-heading" className="mt-8" data-testid="api-tokens">
      <h2 id="tokens-heading" className="text-xl font-semibold text-slate-900">
        {t("heading")}
      </h2>
      <p className="mt-2 max-w-2xl text-slate-700">{t("intro")}</p>
      <div className={`mt-4 max-w-2xl ${cardClass}`}>
        <h3 className="text-lg font-semibold text-slate-900">{t("create.heading")}</h3>
        <CreateTokenForm />
      </div>
      <h3 className="mt-6 text-lg font-semibold text-slate-900">{t("list.heading")}</h3>
      {tokens.length === 0 ? (
        <p className="mt-2 text-slate-700" data-testid="api-tokens-none">
          {t("list.none")}
        </p>
      ) : (
        <ul className="mt-3 space-y-3" data-testid="api-token-list">
          {tokens.map((tk) => (
            <TokenRow
              key={tk.id}
              id={tk.id}
              name={tk.name}
              created={t("list.created", { date: when(tk.createdAt) })}
              used={tk.lastUsedAt ? t("list.lastUsed", { date: when(tk.lastUsedAt) }) : t("list.neverUsed")}
              revoked={tk.revokedAt ? t("list.revokedOn", { date: when(tk.revokedAt) }) : null}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
