"use client";

import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { mayChair } from "@/lib/collab/flow-schema";
import { setChair } from "@/lib/collab/meeting-flow";
import { buttonClass, primaryButtonClass } from "@/app/_components/ui/classes";
import { closeAndFocus } from "@/app/_components/ui/close-and-focus";
import { useFlow } from "./flow-context";
import { useNames } from "./use-names";

/**
 * Who chairs this meeting: the caseworker or the manager, chosen per meeting by either of them.
 * Everyone else sees the chair's name; the chair can be changed at any time (someone has to leave).
 */
export function ChairPicker() {
  const t = useTranslations("meeting.chair");
  const f = useFlow();
  const { withRole } = useNames();
  const [changing, setChanging] = useState(false);
  const changeRef = useRef<HTMLButtonElement>(null);
  const candidates = f.participants.filter((p) => mayChair(p.role));
  // The chosen chair's line replaces the buttons: the focus goes to its "Change" button, not <body>.
  const choose = (id: string) => {
    closeAndFocus(() => {
      setChair(f.conn.doc, id, f.actor());
      setChanging(false);
    }, changeRef);
  };
  const keep = () => closeAndFocus(() => setChanging(false), changeRef);
  const chair = f.flow.chairId;

  if (chair && !changing) {
    return (
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1" data-testid="chair-line">
        <p className="text-base text-slate-900">
          <span className="font-semibold">{t("label")}</span> <span data-testid="chair-name">{withRole(chair)}</span>
        </p>
        {f.mayChooseChair ? (
          <button ref={changeRef} type="button" className={buttonClass} onClick={() => setChanging(true)} data-testid="chair-change">
            {t("change")}
          </button>
        ) : null}
      </div>
    );
  }
  if (!f.mayChooseChair) {
    return (
      <p className="text-slate-800" data-testid="chair-line">
        {t("notChosen")}
      </p>
    );
  }
  return (
    <fieldset
      className="rounded-lg border border-slate-400 p-3"
      data-testid="chair-picker"
      onKeyDown={(e) => {
        if (changing && e.key === "Escape") keep();
      }}
    >
      <legend className="px-1 text-base font-semibold text-slate-900">{t("question")}</legend>
      <p className="text-sm text-slate-700">{t("hint")}</p>
      <div className="mt-2 flex flex-wrap gap-2">
        {candidates.map((p) => (
          <button
            key={p.id}
            type="button"
            className={p.id === f.me.id ? primaryButtonClass : buttonClass}
            onClick={() => choose(p.id)}
            data-testid={`chair-choose-${p.role}`}
          >
            {t("choose", { name: withRole(p.id) })}
          </button>
        ))}
        {changing ? (
          <button type="button" className={buttonClass} onClick={keep}>
            {t("keep")}
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}
