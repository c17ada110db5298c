"use client";

import { useTranslations } from "next-intl";
import { useFlow } from "../meeting/flow-context";
import { useClosingCheck } from "../meeting/consent-board";
import { useMySignatureDue } from "../agreement/use-my-signature-due";

const SECTIONS = ["agenda", "plan", "actions", "follow-up", "agreement"] as const;
const link = "inline-flex min-h-10 items-center text-blue-800 underline-offset-2 hover:underline sm:min-h-0";

/**
 * The room's parts, on every screen size (on a phone one line that scrolls sideways): what is
 * waiting for this person first (their turn, their marks, their signature, the progress they
 * record), then the meeting, the agenda, the plan, the actions, the follow-up and the agreement —
 * each one tap away from anywhere in the room.
 */
export function SectionMenu({ progressHref = null }: { progressHref?: string | null }) {
  const t = useTranslations("room");
  const tm = useTranslations("meeting.panel");
  const f = useFlow();
  const check = useClosingCheck();
  const myTurn = f.flow.round?.endedAt === null && f.flow.round.current === f.me.id;
  const marking = f.flow.phase === "agreements" || f.flow.phase === "closing";
  const myMarks = marking ? check.missing.filter((m) => m.participantId === f.me.id).length : 0;
  const toSign = useMySignatureDue(f.meetingId);
  return (
    <nav aria-label={t("sectionsNav")} className="-mx-4 mt-1 overflow-x-auto px-4" data-testid="section-menu">
      <ul className="flex gap-x-4 text-sm whitespace-nowrap sm:flex-wrap sm:gap-y-1">
        {myTurn ? (
          <li>
            <a href="#meeting" className={`${link} font-semibold`} data-testid="waiting-turn">
              {t("waiting.turn")}
            </a>
          </li>
        ) : null}
        {myMarks > 0 ? (
          <li>
            <a href="#meeting" className={`${link} font-semibold`} data-testid="waiting-marks">
              {t("waiting.marks", { count: myMarks })}
            </a>
          </li>
        ) : null}
        {toSign ? (
          <li>
            <a href={`/meetings/${f.meetingId}/agreement#sign`} className={`${link} font-semibold`} data-testid="waiting-sign">
              {t("waiting.sign")}
            </a>
          </li>
        ) : null}
        {progressHref ? (
          <li>
            <a href={progressHref} className={`${link} font-semibold`} data-testid="waiting-progress">
              {t("waiting.progress")}
            </a>
          </li>
        ) : null}
        <li>
          <a href="#meeting" className={link}>
            {tm("nav")}
          </a>
        </li>
        {SECTIONS.map((id) => (
          <li key={id}>
            <a href={`#${id}`} className={link}>
              {t(`nav.${id}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
