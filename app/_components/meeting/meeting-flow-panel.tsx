"use client";

import { useTranslations } from "next-intl";
import { mayChair } from "@/lib/collab/flow-schema";
import { Section } from "@/app/_components/ui/section";
import { BusinessCaseToggle } from "./business-case-toggle";
import { ChairPicker } from "./chair-picker";
import { ClosingCheck } from "./closing-check";
import { ConsentBoard } from "./consent-board";
import { CurrentItemPanel } from "./current-item-panel";
import { useFlow } from "./flow-context";
import { PhaseControls } from "./phase-controls";
import { PhaseStepper } from "./phase-stepper";
import { RunningSummary } from "./running-summary";
import { SpeakingRound } from "./speaking-round";

/**
 * The meeting itself, at the top of the room: who chairs, the step the room is on, the item and
 * its clock, the speaking round, the running summary, and — when the meeting gets there — consent
 * per item and the closing check. Everyone sees all of it; only the chair has the buttons that
 * move the meeting on. `currentItem={false}`: the room shows the item above this panel (a phone).
 */
export function MeetingFlowPanel({ currentItem = true }: { currentItem?: boolean }) {
  const t = useTranslations("meeting.panel");
  const f = useFlow();
  const phase = f.flow.phase;
  return (
    <Section id="meeting" title={t("title")} testId="meeting-flow" intro={<p>{t("intro")}</p>}>
      <div className="space-y-5">
        <ChairPicker />
        <PhaseStepper phase={phase} />
        <PhaseControls />
        <div className="grid gap-4 lg:grid-cols-2">
          {currentItem ? <CurrentItemPanel /> : null}
          <SpeakingRound />
        </div>
        <RunningSummary />
        {phase === "agreements" || phase === "closing" ? (
          <section aria-labelledby="consent-title" className="space-y-2">
            <h3 id="consent-title" className="text-lg font-semibold text-slate-900">
              {t("consentTitle")}
            </h3>
            <ConsentBoard />
          </section>
        ) : null}
        {phase === "closing" ? (
          <section aria-labelledby="closing-title" className="space-y-2">
            <h3 id="closing-title" className="text-lg font-semibold text-slate-900">
              {t("closingTitle")}
            </h3>
            <ClosingCheck />
          </section>
        ) : null}
        <div className="flex flex-wrap items-start gap-x-6 gap-y-3 border-t border-slate-200 pt-4">
          <a
            href={`/meetings/${f.meetingId}/present`}
            target="_blank"
            rel="noopener"
            className="inline-flex min-h-10 items-center font-medium text-blue-800 underline underline-offset-2"
            data-testid="open-present"
          >
            {t("openPresent")}
            <span className="sr-only"> {t("newWindow")}</span>
          </a>
          {mayChair(f.me.role) ? <BusinessCaseToggle /> : null}
        </div>
      </div>
    </Section>
  );
}
