"use client";

import { useTranslations } from "next-intl";
import type { ConsentKind } from "@/lib/collab/flow-schema";
import { ConsentMarks, useClosingCheck } from "./consent-board";
import { useFlow, useOptionalFlowContext } from "./flow-context";

/**
 * The consent marks of one plan item, on the item's own card (NAV's follow-up plan): while the
 * meeting is at "agreements" or "closing", as on the board. Each person marks for themself here;
 * the chair records for someone else on the board.
 */
export function ItemConsentMarks({ kind, itemId }: { kind: ConsentKind; itemId: string }) {
  // Outside a meeting (a read-only view of the plan) there are no marks to show.
  if (!useOptionalFlowContext()) return null;
  return <InMeeting kind={kind} itemId={itemId} />;
}

function InMeeting({ kind, itemId }: { kind: ConsentKind; itemId: string }) {
  const t = useTranslations("meeting.consent");
  const f = useFlow();
  const check = useClosingCheck();
  if (f.flow.phase !== "agreements" && f.flow.phase !== "closing") return null;
  const consent = check.perItem.find((c) => c.item.kind === kind && c.item.id === itemId);
  if (!consent) return null;
  const canMark = f.editable && f.me.role !== "observer" && f.surface === "room";
  return (
    <div className="mt-3 rounded-md border border-slate-200 bg-slate-50 p-3" data-testid="item-consent" data-kind={kind}>
      <p className="text-sm font-semibold text-slate-900">{t("onItemTitle")}</p>
      <ConsentMarks consent={consent} people={check.people} subject={canMark ? f.me.id : null} />
    </div>
  );
}
