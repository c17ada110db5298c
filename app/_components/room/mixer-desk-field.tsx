"use client";

import { useTranslations } from "next-intl";
import { setMixer } from "@/lib/collab";
import { MIXER_DIMENSIONS, MIXER_MAX, MIXER_MIN, type MixerDimension } from "@/lib/plan/mixer-desk";
import { useRoom } from "./room-context";
import { EditingMarker } from "@/app/_components/room/field-label";

const CHIP =
  "inline-flex h-11 min-w-14 cursor-pointer items-center justify-center gap-2 rounded-md border border-slate-500 bg-white px-3 text-base font-semibold text-slate-900 has-checked:border-blue-800 has-checked:bg-blue-50 has-checked:ring-2 has-checked:ring-blue-700 has-disabled:cursor-default";
const VALUES = Array.from({ length: MIXER_MAX - MIXER_MIN + 1 }, (_, i) => MIXER_MIN + i);

/**
 * The mixer desk (mixerpulten): six dimensions, each a labelled radio group from 1 "needs
 * accommodation" to 5 "ordinary terms", or "not set". The chosen value is also written out.
 */
export function MixerDeskField({ mixer }: { mixer: Partial<Record<MixerDimension, number>> }) {
  const t = useTranslations("room.plan");
  return (
    <div>
      <p className="text-sm text-slate-700">{t("mixerHint")}</p>
      <div className="mt-3 grid gap-4 lg:grid-cols-2">
        {MIXER_DIMENSIONS.map((d) => (
          <MixerDimensionField key={d} dimension={d} value={mixer[d] ?? null} />
        ))}
      </div>
    </div>
  );
}

function MixerDimensionField({ dimension, value }: { dimension: MixerDimension; value: number | null }) {
  const t = useTranslations("room.plan");
  const tm = useTranslations("mixer");
  const { conn, editable } = useRoom();
  const field = `plan.mixer.${dimension}`;
  const name = `mixer-${dimension}`;
  const set = (v: number | null) => {
    if (editable) setMixer(conn.doc, dimension, v);
  };
  return (
    <fieldset className="rounded-lg border border-slate-300 p-3" data-field={field} data-testid={`mixer-${dimension}`}>
      <legend className="px-1 font-semibold text-slate-900">
        <span className="mr-2">{tm(dimension)}</span>
        <EditingMarker field={field} />
      </legend>
      <p className="text-sm text-slate-800" data-testid={`mixer-${dimension}-value`}>
        {value === null ? t("mixerNotSet") : t("mixerValue", { value, max: MIXER_MAX, meaning: tm(`level.${value}`) })}
      </p>
      <div className="mt-2 flex flex-wrap gap-1.5">
        {VALUES.map((v) => (
          <label key={v} htmlFor={`${name}-${v}`} className={CHIP}>
            <input
              id={`${name}-${v}`}
              type="radio"
              name={name}
              className="size-4 accent-blue-700"
              checked={value === v}
              disabled={!editable}
              onChange={() => set(v)}
              data-testid={`${name}-${v}`}
            />
            <span aria-hidden="true">{v}</span>
            <span className="sr-only">{t("mixerOption", { value: v, meaning: tm(`level.${v}`) })}</span>
          </label>
        ))}
        <label htmlFor={`${name}-unset`} className={`${CHIP} border-dashed text-sm font-normal`}>
          <input
            id={`${name}-unset`}
            type="radio"
            name={name}
            className="size-4 accent-slate-700"
            checked={value === null}
            disabled={!editable}
            onChange={() => set(null)}
            data-testid={`${name}-unset`}
          />
          {t("mixerUnset")}
        </label>
      </div>
      <div className="mt-1 flex justify-between gap-2 text-xs text-slate-700" aria-hidden="true">
        <span>{tm("low")}</span>
        <span>{tm("high")}</span>
      </div>
    </fieldset>
  );
}
