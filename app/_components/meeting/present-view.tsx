"use client";

import { useMemo, useState, useSyncExternalStore, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { PresenceUser } from "@/lib/collab/presence";
import { mayChair } from "@/lib/collab/flow-schema";
import { RoomConnection } from "../room/room-connection";
import { useConnection } from "../collab/use-connection";
import { RoomProvider, type RoomContextValue } from "../room/room-context";
import type { RoomMe, RoomParticipant } from "../room/room-types";
import { PresenceList } from "../room/presence-list";
import { ConnectionStatus } from "../room/connection-status";
import { MeetingOverNotice } from "../room/meeting-over";
import { BusinessCaseToggle } from "./business-case-toggle";
import { ClosingCheck } from "./closing-check";
import { ConsentBoard } from "./consent-board";
import { useFlow, useFlowSummary, useMeetingView } from "./flow-context";
import { ItemTimer } from "./item-timer";
import { MeetingFlowRoot } from "./meeting-flow-root";
import { PhaseControls } from "./phase-controls";
import { PhaseStepper } from "./phase-stepper";
import { PresentPlan } from "./present-plan";
import { SpeakingRound } from "./speaking-round";
import { coverAndAdvance, pauseTimer, setCurrentItem, startTimer } from "@/lib/collab/meeting-flow";
import { buttonClass, primaryButtonClass } from "@/app/_components/ui/classes";
import { dateInZone } from "@/lib/time/zoned";
import { SectionBoundary } from "../room/section-boundary";
import { useScreenText } from "./screen-text";
import { maskFlagged } from "@/lib/privacy/flagged-passages";
import { WallAgreement } from "./wall-agreement";

export type PresentProps = {
  /** `completed`: the meeting is over, its room read-only for everyone. */
  meeting: { id: string; title: string; completed: boolean; startsAtIso?: string };
  employeeName: string;
  me: RoomMe;
  participants: RoomParticipant[];
  qr: { url: string; svg: string };
};

/**
 * The shared screen. It connects to the SHARED meeting document only (the same connection the
 * room uses), and never imports anything of the private preparation, so none of its bytes can
 * reach this page whoever opened it. The chair can run the meeting from here: the buttons that
 * move it on are the chair's only.
 */
export function PresentView(props: PresentProps) {
  const { meeting, me } = props;
  const { conn, user } = useConnection(RoomConnection, meeting.id, me);
  return (
    <div className="mx-auto max-w-[120rem] px-4 pt-3 pb-4 text-slate-950 lg:flex lg:h-full lg:flex-col lg:px-6" data-testid="present-view">
      {conn ? <Connected conn={conn} props={props} user={user} /> : <PresentHeader {...props} toggle={null} />}
    </div>
  );
}

function PresentHeader({ meeting, employeeName, status, toggle }: PresentProps & { status?: ReactNode; toggle: ReactNode }) {
  const t = useTranslations("meeting.present");
  const masked = useTranslations("meeting.guard")("masked");
  // The title is not in the shared document, so nobody can "leave" a flagged passage of it here.
  const title = maskFlagged(meeting.title, () => false)
    .map((s) => (s.kind === "text" ? s.text : masked))
    .join("");
  return (
    <header className="mb-2 flex shrink-0 flex-wrap items-center gap-x-4 gap-y-1 lg:flex-nowrap">
      <div className="min-w-0 grow">
        <p className="text-sm font-medium text-slate-800 lg:truncate 2xl:text-lg">{t("kicker", { name: employeeName })}</p>
        <h1 className="text-2xl font-bold [overflow-wrap:anywhere] lg:truncate 2xl:text-3xl">{title}</h1>
      </div>
      <div className="flex shrink-0 flex-wrap items-center gap-2 lg:mr-64 lg:self-end">
        {status}
        {toggle}
      </div>
    </header>
  );
}

/**
 * The wall shows nothing of the device that opened it: the chair's buttons appear only when asked
 * for here, and only to someone who may change the meeting. Off on every load.
 */
function ControlsToggle({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  const t = useTranslations("meeting.present");
  return (
    <button
      type="button"
      aria-pressed={on}
      className={`${buttonClass} text-base`}
      onClick={() => onChange(!on)}
      data-testid="present-controls-toggle"
    >
      <span aria-hidden="true">{on ? "☑" : "☐"}</span>
      {t("controls")}
    </button>
  );
}

function Connected({ conn, props, user }: { conn: RoomConnection; props: PresentProps; user: PresenceUser }) {
  const snapshot = useSyncExternalStore(conn.subscribe, conn.getSnapshot, conn.getSnapshot);
  const [controls, setControls] = useState(false);
  const lost = snapshot.phase === "sessionEnded" || snapshot.phase === "accessLost";
  const over = props.meeting.completed || snapshot.meetingCompleted;
  const editable = props.me.canEdit && !lost && !over;
  const ctx = useMemo<RoomContextValue>(
    () => ({ conn, editable, me: props.me, user, participants: props.participants }),
    [conn, editable, props.me, user, props.participants],
  );
  return (
    <RoomProvider value={ctx}>
      <PresentHeader
        {...props}
        status={
          <ConnectionStatus snapshot={snapshot} canEdit={props.me.canEdit && !over} meetingOver={over} onRetry={() => conn.retry()} />
        }
        toggle={editable ? <ControlsToggle on={controls} onChange={setControls} /> : null}
      />
      {over ? <MeetingOverNotice unsaved={snapshot.unsaved} /> : null}
      {snapshot.loaded ? (
        <MeetingFlowRoot
          conn={conn}
          meetingId={props.meeting.id}
          me={props.me}
          user={user}
          participants={props.participants}
          editable={editable}
          surface="present"
          controls={controls}
          meetingDate={props.meeting.startsAtIso ? dateInZone(new Date(props.meeting.startsAtIso)) : null}
        >
          <PresentBody qr={props.qr} meetingId={props.meeting.id} />
        </MeetingFlowRoot>
      ) : null}
    </RoomProvider>
  );
}

/** A column of the wall: on a large screen it never grows past the screen, its content scrolls inside. */
const column = "flex flex-col gap-3 lg:min-h-0 lg:overflow-hidden";
/** A panel that takes what is left of its column and scrolls inside when its content is longer. */
export const scrollPanel = "rounded-xl border-2 border-slate-900 bg-white p-3 lg:min-h-24 lg:flex-1 lg:overflow-y-auto 2xl:p-4";

/**
 * The shared screen in parts, each behind its own boundary: the meeting's steps; the item, its
 * clock and whose turn it is; the summary and the agreement's state; the plan, who is here and
 * the QR code. On a screen 1024 px wide or more it fills the screen exactly and never scrolls:
 * long content scrolls inside its own panel.
 */
function PresentBody({ qr, meetingId }: { qr: PresentProps["qr"]; meetingId: string }) {
  const t = useTranslations("meeting.present");
  const tm = useTranslations("meeting.panel");
  return (
    <div className="space-y-3 lg:flex lg:min-h-0 lg:flex-1 lg:flex-col lg:space-y-3" data-testid="present-wall">
      <SectionBoundary name={t("steps")} testId="present-steps" className="shrink-0">
        <PresentSteps />
      </SectionBoundary>
      <div className="grid gap-3 lg:min-h-0 lg:flex-1 lg:grid-cols-[minmax(0,5fr)_minmax(0,4fr)_minmax(0,4fr)]">
        <SectionBoundary name={tm("title")} testId="present-flow" className={column}>
          <PresentFlow />
        </SectionBoundary>
        <SectionBoundary name={t("summary")} testId="present-summary-section" className={column}>
          <WallAgreement meetingId={meetingId} />
          <SummaryCard />
          <ConsentAndClosing />
          <PresenceList personal={false} compact className="shrink-0 rounded-xl border-2 border-slate-900 bg-white p-3" />
        </SectionBoundary>
        <SectionBoundary name={t("plan.title")} testId="present-plan-section" className={column}>
          <PresentPlan className={scrollPanel} />
          <JoinQr qr={qr} />
        </SectionBoundary>
      </div>
    </div>
  );
}

function PresentSteps() {
  const t = useTranslations("meeting.present");
  const f = useFlow();
  return (
    <section aria-labelledby="present-steps" className="space-y-1">
      <h2 id="present-steps" className="sr-only">
        {t("steps")}
      </h2>
      <PhaseStepper phase={f.flow.phase} size="large" />
      <div className="text-sm 2xl:text-lg">
        <PhaseControls />
      </div>
    </section>
  );
}

function PresentFlow() {
  const f = useFlow();
  return (
    <>
      <NowCard />
      <div tabIndex={0} className="lg:min-h-0 lg:flex-[2] lg:basis-0 lg:overflow-y-auto" data-testid="present-round">
        <SpeakingRound size="large" />
      </div>
      {mayChair(f.me.role) ? (
        <div className="shrink-0">
          <BusinessCaseToggle size="large" />
        </div>
      ) : null}
    </>
  );
}

/** In the agreements and closing steps: everyone's marks, then the closing check, each scrolling inside. */
function ConsentAndClosing() {
  const t = useTranslations("meeting.present");
  const phase = useFlow().flow.phase;
  return (
    <>
      {phase === "agreements" || phase === "closing" ? (
        <section aria-labelledby="present-consent" tabIndex={0} className={scrollPanel}>
          <h2 id="present-consent" className="text-xl font-bold 2xl:text-2xl">
            {t("consent")}
          </h2>
          <div className="mt-2">
            <ConsentBoard size="large" />
          </div>
        </section>
      ) : null}
      {phase === "closing" ? (
        <section aria-labelledby="present-closing" tabIndex={0} className={scrollPanel}>
          <h2 id="present-closing" className="text-xl font-bold 2xl:text-2xl">
            {t("closing")}
          </h2>
          <div className="mt-2">
            <ClosingCheck size="large" />
          </div>
        </section>
      ) : null}
    </>
  );
}

function NowCard() {
  const t = useTranslations("meeting.present");
  const f = useFlow();
  const view = useMeetingView();
  const index = view.agenda.findIndex((i) => i.id === f.flow.currentItemId);
  const item = index >= 0 ? view.agenda[index]! : null;
  const timer = item ? (f.flow.timers[item.id] ?? { startedAt: null, elapsedMs: 0 }) : null;
  const next = view.agenda.find((i) => !i.done);
  const doc = f.conn.doc;
  const shown = useScreenText();
  return (
    <section
      aria-labelledby="present-now"
      className="flex flex-col rounded-xl border-2 border-slate-900 bg-white p-3 lg:min-h-0 lg:flex-[3] lg:basis-0 lg:overflow-y-auto 2xl:p-4"
      data-testid="present-now"
    >
      <h2 id="present-now" className="text-xl font-semibold text-slate-800 2xl:text-2xl">
        {t("now")}
      </h2>
      {item && timer ? (
        <>
          <p
            className="mt-1 line-clamp-2 shrink-0 text-2xl font-bold 2xl:line-clamp-3 [overflow-wrap:anywhere] 2xl:text-4xl"
            data-testid="present-item"
          >
            {t("item", { n: index + 1, title: shown(item.title.trim()) || t("untitled") })}
          </p>
          <div className="mt-2 shrink-0">
            <ItemTimer timer={timer} minutes={item.minutes} size="large" />
          </div>
        </>
      ) : (
        <p className="mt-1 text-3xl">{view.agenda.length === 0 ? t("noAgenda") : t("noItem")}</p>
      )}
      {f.isChair && view.agenda.length > 0 ? (
        <div className="mt-4 flex flex-wrap gap-3 text-lg" role="group" aria-label={t("chairControls")}>
          {item && timer ? (
            <>
              <button
                type="button"
                className={`${primaryButtonClass} text-lg`}
                onClick={() => coverAndAdvance(doc, f.actor())}
                data-testid="item-cover-next"
              >
                {t("coverNext")}
              </button>
              {timer.startedAt === null ? (
                <button
                  type="button"
                  className={`${buttonClass} text-lg`}
                  onClick={() => startTimer(doc, item.id, f.actor())}
                  data-testid="timer-start"
                >
                  {t("startClock")}
                </button>
              ) : (
                <button
                  type="button"
                  className={`${buttonClass} text-lg`}
                  onClick={() => pauseTimer(doc, item.id, f.actor())}
                  data-testid="timer-pause"
                >
                  {t("pauseClock")}
                </button>
              )}
            </>
          ) : next ? (
            <button
              type="button"
              className={`${primaryButtonClass} text-lg`}
              onClick={() => setCurrentItem(doc, next.id, f.actor())}
              data-testid="item-start-first"
            >
              {t("startWith", { title: shown(next.title.trim()) || t("untitled") })}
            </button>
          ) : null}
        </div>
      ) : null}
      <AgendaStrip />
    </section>
  );
}

/** The whole agenda in one line each: covered (✓, in words), now (▶), to come. */
function AgendaStrip() {
  const t = useTranslations("meeting.present");
  const f = useFlow();
  const view = useMeetingView();
  const shown = useScreenText();
  if (view.agenda.length === 0) return null;
  return (
    <ol
      tabIndex={0}
      className="mt-3 grid content-start gap-1 text-lg lg:min-h-0 lg:flex-1 lg:overflow-y-auto 2xl:text-xl"
      aria-label={t("agenda")}
      data-testid="present-agenda"
    >
      {view.agenda.map((i, n) => {
        const now = i.id === f.flow.currentItemId;
        return (
          <li
            key={i.id}
            aria-current={now ? "true" : undefined}
            className={`flex gap-2 ${now ? "font-bold" : i.done ? "text-slate-700" : ""}`}
          >
            <span aria-hidden="true" className="w-6">
              {now ? "▶" : i.done ? "✓" : `${n + 1}.`}
            </span>
            <span>{shown(i.title.trim()) || t("untitled")}</span>
            <span className="text-base font-normal text-slate-700">{now ? t("stateNow") : i.done ? t("stateDone") : ""}</span>
          </li>
        );
      })}
    </ol>
  );
}

function SummaryCard() {
  const t = useTranslations("meeting.present");
  const summary = useFlowSummary();
  const shown = useScreenText();
  if (!summary.trim()) return null;
  return (
    <section aria-labelledby="present-summary" tabIndex={0} className={scrollPanel} data-testid="present-summary">
      <h2 id="present-summary" className="text-xl font-bold 2xl:text-2xl">
        {t("summary")}
      </h2>
      <p className="mt-2 text-lg whitespace-pre-wrap [overflow-wrap:anywhere] 2xl:text-2xl" data-testid="present-summary-text">
        {shown(summary)}
      </p>
    </section>
  );
}

function JoinQr({ qr }: { qr: PresentProps["qr"] }) {
  const t = useTranslations("meeting.present");
  return (
    <section aria-labelledby="present-qr" className="shrink-0 rounded-xl border-2 border-slate-900 bg-white p-3" data-testid="present-qr">
      <h2 id="present-qr" className="text-lg font-bold 2xl:text-xl">
        {t("qrTitle")}
      </h2>
      <div className="mt-2 flex items-center gap-3">
        <div
          role="img"
          aria-label={t("qrAlt")}
          className="size-24 shrink-0 bg-white 2xl:size-36 [&>svg]:size-full"
          data-testid="present-qr-code"
          // A server-drawn SVG of the meeting's address (lib/invites/meeting-room-qr.ts): no token.
          dangerouslySetInnerHTML={{ __html: qr.svg }}
        />
        <div className="min-w-0 text-sm 2xl:text-base">
          <p>{t("qrBody")}</p>
          <p className="mt-1 break-all font-mono text-xs 2xl:text-sm" data-testid="present-qr-url">
            {qr.url}
          </p>
        </div>
      </div>
    </section>
  );
}
