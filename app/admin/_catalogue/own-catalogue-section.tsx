"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { cardClass, errorClass } from "@/app/_components/ui/classes";
import type { OwnActivity, OwnProvider } from "@/lib/plan/own-activity";
import {
  addOwnActivityAction,
  addProviderAction,
  changeOwnActivityAction,
  removeOwnActivityAction,
  removeProviderAction,
  renameProviderAction,
} from "../catalogue-actions";
import { ACTIVITY_FIELDS, ActivityFields } from "./activity-fields";
import { EntryForm } from "./entry-form";
import { EntryRow } from "./entry-row";
import { PROVIDER_FIELDS, ProviderFields } from "./provider-fields";

/**
 * The admin page's part for the organisation's own catalogue (issue 17): the providers it works
 * with (offered as suggestions for an activity's provider in the meeting room) and its own
 * activities (offered beside the country's catalogue). Add, change, remove; a removal is said in
 * the list's status line, which gets the focus (the removed row and its buttons are gone).
 */
export function OwnCatalogueSection({ providers, activities }: { providers: OwnProvider[]; activities: OwnActivity[] }) {
  const t = useTranslations("admin.catalogue");
  const [announced, setAnnounced] = useState<{ text: string; failed: boolean } | null>(null);
  const [, startTransition] = useTransition();
  const status = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (announced) status.current?.focus();
  }, [announced]);

  const remove = (run: () => Promise<{ ok: boolean }>, name: string) =>
    startTransition(async () => {
      const answer = await run();
      setAnnounced(answer.ok ? { text: t("removed", { name }), failed: false } : { text: t("failed"), failed: true });
    });

  return (
    <section aria-labelledby="catalogue-heading" className="mt-8" data-testid="own-catalogue">
      <h2 id="catalogue-heading" className="text-xl font-semibold text-slate-900">
        {t("heading")}
      </h2>
      <p className="mt-2 max-w-2xl text-slate-700">{t("intro")}</p>
      <p
        ref={status}
        tabIndex={-1}
        role="status"
        className={announced?.failed ? errorClass : "mt-2 text-slate-800"}
        data-testid="own-catalogue-status"
      >
        {announced?.text}
      </p>

      <div className="mt-4 grid gap-6 lg:grid-cols-2">
        <div>
          <h3 className="text-lg font-semibold text-slate-900">{t("provider.heading")}</h3>
          <div className={`mt-3 ${cardClass}`}>
            <h4 className="font-medium text-slate-900">{t("provider.add")}</h4>
            <EntryForm
              idPrefix="provider-new"
              fields={PROVIDER_FIELDS}
              run={addProviderAction}
              submitLabel={t("provider.addSubmit")}
              doneMessage={(name) => t("provider.added", { name })}
              testId="provider-add-form"
            >
              {(error) => <ProviderFields idPrefix="provider-new" error={error} />}
            </EntryForm>
          </div>
          {providers.length === 0 ? <p className="mt-3 text-slate-700">{t("provider.none")}</p> : null}
          <ul className="mt-3 space-y-3" data-testid="provider-list">
            {providers.map((p) => (
              <EntryRow
                key={p.id}
                name={p.name}
                details={p.note ? <p className="text-sm text-slate-700">{p.note}</p> : null}
                testId="provider-row"
                onRemove={() => remove(() => removeProviderAction(p.id), p.name)}
                form={(changed) => (
                  <EntryForm
                    idPrefix={`provider-${p.id}`}
                    fields={PROVIDER_FIELDS}
                    run={renameProviderAction}
                    submitLabel={t("save")}
                    onDone={changed}
                    testId="provider-change-form"
                  >
                    {(error) => (
                      <>
                        <input type="hidden" name="id" value={p.id} />
                        <ProviderFields idPrefix={`provider-${p.id}`} error={error} value={p} />
                      </>
                    )}
                  </EntryForm>
                )}
              />
            ))}
          </ul>
        </div>

        <div>
          <h3 className="text-lg font-semibold text-slate-900">{t("activity.heading")}</h3>
          <div className={`mt-3 ${cardClass}`}>
            <h4 className="font-medium text-slate-900">{t("activity.add")}</h4>
            <EntryForm
              idPrefix="activity-new"
              fields={ACTIVITY_FIELDS}
              run={addOwnActivityAction}
              submitLabel={t("activity.addSubmit")}
              doneMessage={(name) => t("activity.added", { name })}
              testId="activity-add-form"
            >
              {(error) => <ActivityFields idPrefix="activity-new" error={error} />}
            </EntryForm>
          </div>
          {activities.length === 0 ? <p className="mt-3 text-slate-700">{t("activity.none")}</p> : null}
          <ul className="mt-3 space-y-3" data-testid="own-activity-list">
            {activities.map((a) => (
              <EntryRow
                key={a.id}
                name={a.name}
                details={<ActivitySummary activity={a} />}
                testId="own-activity-row"
                onRemove={() => remove(() => removeOwnActivityAction(a.id), a.name)}
                form={(changed) => (
                  <EntryForm
                    idPrefix={`activity-${a.id}`}
                    fields={ACTIVITY_FIELDS}
                    run={changeOwnActivityAction}
                    submitLabel={t("save")}
                    onDone={changed}
                    testId="activity-change-form"
                  >
                    {(error) => (
                      <>
                        <input type="hidden" name="id" value={a.id} />
                        <ActivityFields idPrefix={`activity-${a.id}`} error={error} value={a} />
                      </>
                    )}
                  </EntryForm>
                )}
              />
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}

/** Kind, hours, where, and whether it is health-related: one line. */
function ActivitySummary({ activity: a }: { activity: OwnActivity }) {
  const t = useTranslations("admin.catalogue.activity");
  const parts = [
    t(`kinds.${a.kind}`),
    a.hoursPerWeek !== null ? t("hoursValue", { hours: a.hoursPerWeek }) : null,
    a.atWorkplace ? t("atWorkplace") : null,
    a.sensitive ? t("sensitiveShort") : null,
  ].filter(Boolean);
  return <p className="text-sm text-slate-700">{parts.join(" · ")}</p>;
}
