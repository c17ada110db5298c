"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { confirmClosing, reopenClosing } from "@/lib/collab/meeting-flow";
import { can } from "@/lib/permissions";
import { buttonClass, primaryButtonClass } from "@/app/_components/ui/classes";
import { useFlow, useMeetingView } from "./flow-context";
import { useClosingCheck } from "./consent-board";
import { useConsentLabel } from "./consent-labels";
import { useNames } from "./use-names";
import { useScreenText } from "./screen-text";

export { wallClockDate } from "./wall-clock";
import { wallClockDate } from "./wall-clock";

/**
 * The closing step (the guide: close with the agreements made, make sure everyone agrees, agree the
 * next meeting). It names every item that still has reservations and everyone who has not marked,
 * and only then offers to prepare the agreement.
 */
export function ClosingCheck({ size = "normal" }: { size?: "normal" | "large" }) {
  const t = useTranslations("meeting.closing");
  const format = useFormatter();
  const f = useFlow();
  const view = useMeetingView();
  const { withRole } = useNames();
  const check = useClosingCheck();
  const shown = useScreenText();
  const large = size === "large";
  const confirmed = f.flow.closed !== null && check.ready;
  const staleConfirm = f.flow.closed !== null && !check.ready;
  const everyoneAgrees = check.items.length > 0 && check.missing.length === 0 && check.reservations.length === 0;
  const names = useConsentLabel();
  const label = (item: Parameters<typeof names.full>[0]) => names.full(item);
  const tDates = useTranslations("meeting.dates");
  const day = (d: string) => format.dateTime(wallClockDate(`${d}T00:00`), { dateStyle: "medium", timeZone: "UTC" });
  const missingByPerson = new Map<string, string[]>();
  for (const m of check.missing) missingByPerson.set(m.participantId, [...(missingByPerson.get(m.participantId) ?? []), label(m.item)]);

  return (
    <div
      className={`space-y-3 ${large ? "text-xl 2xl:text-2xl" : ""}`}
      data-testid="closing-check"
      data-ready={check.ready ? "true" : "false"}
      data-confirmed={confirmed ? "true" : "false"}
    >
      <ul className="space-y-3">
        <li className="flex gap-2" data-testid="closing-consent" data-ok={everyoneAgrees ? "true" : "false"}>
          <span aria-hidden="true" className="font-bold">
            {everyoneAgrees ? "✓" : "✗"}
          </span>
          <div>
            <p className="font-semibold">{everyoneAgrees ? t("allAgree") : t("notAllAgree")}</p>
            {check.items.length === 0 ? <p>{t("noItems")}</p> : null}
            {check.reservations.length > 0 ? (
              <div className="mt-1">
                <p>{t("reservationsTitle")}</p>
                <ul className="ml-5 list-disc" data-testid="closing-reservations">
                  {check.reservations.map((r) => (
                    <li key={`${r.item.id}:${r.participantId}`} data-testid="closing-reservation">
                      {r.comment
                        ? t("reservationComment", { item: label(r.item), name: withRole(r.participantId), comment: shown(r.comment) })
                        : t("reservation", { item: label(r.item), name: withRole(r.participantId) })}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {missingByPerson.size > 0 ? (
              <div className="mt-1">
                <p>{t("missingTitle")}</p>
                <ul className="ml-5 list-disc" data-testid="closing-missing">
                  {[...missingByPerson].map(([p, items]) => (
                    <li key={p}>{t("missing", { name: withRole(p), items: items.join("; ") })}</li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
        </li>
        <li className="flex gap-2" data-testid="closing-dates" data-ok={check.dateWarnings.length === 0 ? "true" : "false"}>
          <span aria-hidden="true" className="font-bold">
            {check.dateWarnings.length === 0 ? "✓" : "!"}
          </span>
          <div>
            {check.dateWarnings.length === 0 ? (
              <p className="font-semibold">{t("datesOk")}</p>
            ) : (
              <>
                <p className="font-semibold">{t("datesTitle")}</p>
                <ul className="ml-5 list-disc" data-testid="closing-date-warnings">
                  {check.dateWarnings.map((w, i) => (
                    <li key={i} data-testid="closing-date-warning">
                      {w.kind === "beforeMeeting"
                        ? tDates("beforeMeeting", {
                            what:
                              w.field === "goalTargetDate"
                                ? tDates("what.goalTargetDate")
                                : tDates(w.field === "action.due" ? "what.action" : "what.subGoal", { item: w.text.trim() || "…" }),
                            date: day(w.date),
                            meeting: day(w.meetingDate),
                          })
                        : tDates("targetBeforeSubGoal", { date: day(w.date), item: w.text.trim() || "…", subGoalDate: day(w.subGoalDate) })}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        </li>
        <li className="flex gap-2" data-testid="closing-next-meeting" data-ok={check.nextMeetingSet ? "true" : "false"}>
          <span aria-hidden="true" className="font-bold">
            {check.nextMeetingSet ? "✓" : "✗"}
          </span>
          <div>
            {view.followUp.nextMeetingAt ? (
              <p className="font-semibold">
                {t("nextMeetingSet", {
                  when: format.dateTime(wallClockDate(view.followUp.nextMeetingAt), {
                    dateStyle: "full",
                    timeStyle: "short",
                    timeZone: "UTC",
                  }),
                })}
              </p>
            ) : (
              <>
                <p className="font-semibold">{t("nextMeetingMissing")}</p>
                {f.surface === "room" ? (
                  <a
                    href="#followup-next-meeting"
                    className="text-blue-800 underline underline-offset-2"
                    data-testid="closing-set-next-meeting"
                  >
                    {t("setNextMeeting")}
                  </a>
                ) : null}
              </>
            )}
          </div>
        </li>
      </ul>

      {confirmed ? (
        <p className="rounded-lg border-2 border-green-800 bg-green-50 p-3 font-semibold text-green-950" data-testid="closing-confirmed">
          <span aria-hidden="true">✓ </span>
          {t("confirmed", { name: withRole(f.flow.closed!.by) })}
        </p>
      ) : null}
      {staleConfirm ? <p className="rounded-lg border border-amber-700 bg-amber-50 p-3 text-amber-950">{t("changedSince")}</p> : null}

      {f.isChair && check.ready && !confirmed ? (
        <button
          type="button"
          className={primaryButtonClass}
          onClick={() => confirmClosing(f.conn.doc, f.actor())}
          data-testid="closing-confirm"
        >
          {t("confirm")}
        </button>
      ) : null}
      {f.isChair && !check.ready ? <p className="text-slate-800">{t("notReadyHint")}</p> : null}
      {f.isChair && staleConfirm ? (
        <button type="button" className={buttonClass} onClick={() => reopenClosing(f.conn.doc)}>
          {t("reopen")}
        </button>
      ) : null}
      {confirmed && f.surface === "room" && can(f.me.role, "prepare", "agreement") ? (
        <Link href={`/meetings/${f.meetingId}/agreement`} className={primaryButtonClass} data-testid="closing-prepare">
          {t("prepare")}
        </Link>
      ) : null}
    </div>
  );
}
