"use client";

import { useTranslations } from "next-intl";
import { setStep } from "@/lib/collab";
import { stepsForTrack } from "@/lib/plan/staircase";
import type { Track } from "@/lib/plan/track";
import { useRoom } from "./room-context";
import { EditingMarker } from "@/app/_components/room/field-label";
import { useLogChange } from "../meeting/use-log-change";

/**
 * The staircase (trappemodellen): one radio per step of the case's track, highest first, since
 * the effort starts at the highest step the person can manage. Each step says what it means.
 */
export function StaircaseField({ track, step }: { track: Track; step: number | null }) {
  const t = useTranslations("room.plan");
  const ts = useTranslations("staircase");
  const { conn, editable } = useRoom();
  const log = useLogChange();
  const steps = [...stepsForTrack(track)].reverse();
  const choose = (v: number | null) => {
    if (!editable) return;
    setStep(conn.doc, v);
    log("step_set", null, v);
  };
  return (
    <fieldset data-field="plan.step" data-testid="plan-step">
      <legend className="text-base font-semibold text-slate-900">
        <span className="mr-2">{t("step")}</span>
        <EditingMarker field="plan.step" />
      </legend>
      <p className="mt-1 text-sm text-slate-700">{t(track === "employed" ? "stepHintEmployed" : "stepHintUnemployed")}</p>
      <div className="mt-3 space-y-2">
        {steps.map((s) => {
          const id = `plan-step-${s}`;
          return (
            <div key={s} className={`flex gap-3 rounded-lg border p-3 ${step === s ? "border-blue-700 bg-blue-50" : "border-slate-300"}`}>
              <input
                id={id}
                type="radio"
                name="plan-step"
                className="mt-1 size-5 shrink-0 accent-blue-700"
                checked={step === s}
                disabled={!editable}
                onChange={() => choose(s)}
                aria-describedby={`${id}-meaning`}
                data-testid={`step-radio-${s}`}
              />
              <div>
                <label htmlFor={id} className="font-semibold text-slate-900">
                  {t("stepLabel", { step: s })}
                </label>
                {step === s ? <span className="ml-2 text-sm font-medium text-blue-900">{t("chosen")}</span> : null}
                <p id={`${id}-meaning`} className="text-sm text-slate-700">
                  {ts(`${track}.${s}`)}
                </p>
              </div>
            </div>
          );
        })}
        <div className="flex items-center gap-3 p-3">
          <input
            id="plan-step-none"
            type="radio"
            name="plan-step"
            className="size-5 accent-blue-700"
            checked={step === null}
            disabled={!editable}
            onChange={() => choose(null)}
            data-testid="step-radio-none"
          />
          <label htmlFor="plan-step-none" className="text-slate-800">
            {t("stepNone")}
          </label>
        </div>
      </div>
    </fieldset>
  );
}
