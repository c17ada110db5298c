"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { setActivityCatalogue } from "@/lib/collab/sub-goals";
import {
  catalogueEntry,
  catalogueFor,
  catalogueLabel,
  isOwnKey,
  pickFromCatalogue,
  weeksOverLimit,
  type CatalogueFacts,
} from "@/lib/plan/activity-catalogue";
import { EMPTY_OWN_CATALOGUE, ownKeyOf, pickOwnActivity } from "@/lib/plan/own-activity";
import type { Country } from "@/lib/organisation/country";
import { alertClass, buttonClass, labelClass, selectClass } from "@/app/_components/ui/classes";
import { DateField } from "./date-field";
import { NumberField } from "./number-field";
import { PlainTextInput } from "./plain-text-input";
import { useRoom } from "./room-context";

/** Only they decide what the workplace learns about the employee's health (docs/permissions.md). */
const MAY_SHARE_HEALTH = new Set(["employee", "caseworker"]);

/**
 * An activity picked from the country's catalogue or the organisation's own list (from the server,
 * RoomProps.ownCatalogue): what it is, the provider (the organisation's providers offered as
 * suggestions, anything else may be typed), hours a week, the period and whether it runs at the
 * workplace. A sensitive entry (a psychologist …) asks first
 * whether the employee agreed that the workplace may see what it is; if not, the shared plan
 * holds only "a health-related activity" — and only the employee or the caseworker may pick one.
 */
export function CatalogueActivityFields({
  subGoalId,
  activityId,
  facts,
  country,
}: {
  subGoalId: string;
  activityId: string;
  facts: CatalogueFacts | undefined;
  country: Country;
}) {
  const t = useTranslations("activityCatalogue");
  const tAll = useTranslations();
  const { conn, editable, me, ownCatalogue = EMPTY_OWN_CATALOGUE } = useRoom();
  const [asking, setAsking] = useState<string | null>(null);
  const base = `activity-${activityId}-catalogue`;
  const field = (f: string) => `activity:${activityId}.catalogue.${f}`;
  const mayPickSensitive = MAY_SHARE_HEALTH.has(me.role);
  const entries = catalogueFor(country).filter((e) => !e.sensitive || mayPickSensitive);
  const own = ownCatalogue.activities.filter((a) => !a.sensitive || mayPickSensitive);
  const ownOf = (key: string) => own.find((a) => ownKeyOf(a) === key);
  const labelOf = (key: string) => ownOf(key)?.name ?? t(`${key}.label`);
  const isSensitive = (key: string) => ownOf(key)?.sensitive ?? catalogueEntry(key)?.sensitive ?? false;
  const save = (next: CatalogueFacts | null) => setActivityCatalogue(conn.doc, subGoalId, activityId, next);
  const pick = (key: string, employeeAgreedToShare: boolean) => {
    setAsking(null);
    const ownActivity = ownOf(key);
    save(
      ownActivity
        ? pickOwnActivity(ownActivity, { employeeAgreedToShare })
        : key
          ? pickFromCatalogue(key, { employeeAgreedToShare })
          : null,
    );
  };
  const listed = entries.some((e) => e.key === facts?.key) || own.some((a) => ownKeyOf(a) === facts?.key);
  const over = facts ? weeksOverLimit(facts) : 0;
  return (
    <div className="mt-2 rounded-md border border-slate-200 bg-white p-2" data-testid="activity-catalogue">
      <label htmlFor={`${base}-key`} className={labelClass}>
        {t("pickLabel")}
      </label>
      <select
        id={`${base}-key`}
        className={selectClass}
        value={facts?.key ?? ""}
        disabled={!editable}
        onChange={(e) => {
          const key = e.target.value;
          if (isSensitive(key)) setAsking(key);
          else pick(key, true);
        }}
        data-testid="activity-catalogue-key"
      >
        <option value="">{t("none")}</option>
        {/* Picked earlier, and no longer offered (removed or renamed, or not for this role): still shown as it was picked. */}
        {facts && !listed ? <option value={facts.key}>{catalogueLabel(facts, tAll)}</option> : null}
        {entries.map((e) => (
          <option key={e.key} value={e.key}>
            {t(`${e.key}.label`)}
          </option>
        ))}
        {own.length > 0 ? (
          <optgroup label={t("ownGroup")}>
            {own.map((a) => (
              <option key={a.id} value={ownKeyOf(a)}>
                {a.name}
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
      {asking ? (
        <div className={`${alertClass} mt-2`} role="group" aria-label={labelOf(asking)} data-testid="activity-catalogue-ask">
          <p>{t("sensitiveQuestion")}</p>
          <div className="mt-2 flex flex-wrap gap-2">
            <button type="button" className={buttonClass} onClick={() => pick(asking, true)} data-testid="activity-catalogue-shared">
              {t("addShared")}
            </button>
            <button type="button" className={buttonClass} onClick={() => pick(asking, false)} data-testid="activity-catalogue-private">
              {t("addPrivate")}
            </button>
            <button type="button" className={buttonClass} onClick={() => setAsking(null)}>
              {t("cancel")}
            </button>
          </div>
        </div>
      ) : null}
      {facts ? (
        <div className="mt-2 space-y-2">
          <p className="text-sm text-slate-700">{isOwnKey(facts.key) ? t("ownHint") : t(`${facts.key}.hint`)}</p>
          <div className="grid gap-2 md:grid-cols-2">
            <PlainTextInput
              id={`${base}-provider`}
              field={field("provider")}
              label={t("provider")}
              value={facts.provider}
              maxLength={200}
              readOnly={!editable}
              onCommit={(v) => save({ ...facts, provider: v })}
              testId="activity-catalogue-provider"
              suggestions={ownCatalogue.providers}
            />
            <NumberField
              id={`${base}-hours`}
              field={field("hoursPerWeek")}
              label={t("hoursPerWeek")}
              value={facts.hoursPerWeek}
              readOnly={!editable}
              onCommit={(v) => save({ ...facts, hoursPerWeek: v })}
              invalidMessage={t("hoursPerWeek")}
              testId="activity-catalogue-hours"
            />
          </div>
          <div className="flex flex-wrap gap-3">
            <DateField
              id={`${base}-from`}
              field={field("from")}
              label={t("from")}
              value={facts.from}
              readOnly={!editable}
              onCommit={(v) => save({ ...facts, from: v })}
              testId="activity-catalogue-from"
            />
            <DateField
              id={`${base}-to`}
              field={field("to")}
              label={t("to")}
              value={facts.to}
              readOnly={!editable}
              onCommit={(v) => save({ ...facts, to: v })}
              testId="activity-catalogue-to"
            />
          </div>
          {over > 0 ? (
            <p className={alertClass} role="status" data-testid="activity-catalogue-over">
              {t("overLimit", { weeks: over, max: catalogueEntry(facts.key)?.maxWeeks ?? 0 })}
            </p>
          ) : null}
          <label className="flex items-center gap-2 text-slate-900">
            <input
              type="checkbox"
              className="size-5 accent-blue-700"
              checked={facts.atWorkplace}
              disabled={!editable}
              onChange={(e) => save({ ...facts, atWorkplace: e.target.checked })}
              data-testid="activity-catalogue-workplace"
            />
            {t("atWorkplace")}
          </label>
        </div>
      ) : null}
    </div>
  );
}
