"use client";

import { useMemo, useSyncExternalStore } from "react";
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
import { BusinessCaseToggle } from "./business-case-panel";
import { ClosingCheck } from "./closing-check";
import { ConsentBoard } from "./consent-board";
import { useFlow, useMeetingView } from "./flow-context";
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
    <div className="mx-auto max-w-[110rem] px-4 pt-4 pb-10 text-slate-950 lg:px-8" data-testid="present-view">
      <PresentHeader {...props} />
      {conn ? <Connected conn={conn} props={props} user={user} /> : null}
    </div>
  );
}

function PresentHeader({ meeting, employeeName }: PresentProps) {
  const t = useTranslations("meeting.present");
  const masked = useTranslations("meeting.guard")("masked");
  // The title is not in the shared document, so nobody can "leave" a flagged passage of it here.
  const title = maskFlagged(meeting.title, () => false)
    .map((s) => (s.kind === "text" ? s.text : masked))
    .join("");
  return (
    <header className="mb-4">
      <p className="text-lg font-medium text-slate-800">{t("kicker", { name: employeeName })}</p>
      <h1 className="text-3xl font-bold lg:text-4xl">{title}</h1>
    </header>
  );
}

function Connected({ conn, props, user }: { conn: RoomConnection; props: PresentProps; user: PresenceUser }) {
  const snapshot = useSyncExternalStore(conn.subscribe, conn.getSnapshot, conn.getSnapshot);
  const lost = snapshot.phase === "sessionEnded" || snapshot.phase === "accessLost";
  const over = props.meeting.completed || snapshot.meetingCompleted;
  const editable = props.me.canEdit && !lost && !over;
  const ctx = useMemo<RoomContextValue>(
    () => ({ conn, editable, me: props.me, user, participants: props.participants }),
    [conn, editable, props.me, user, props.participants],
  );
  return (
    <RoomProvider value={ctx}>
      <div className="mb-3">
        <ConnectionStatus snapshot={snapshot} canEdit={props.me.canEdit && !over} meetingOver={over} onRetry={() => conn.retry()} />
      </div>
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
          meetingDate={props.meeting.startsAtIso ? dateInZone(new Date(props.meeting.startsAtIso)) : null}
        >
          <PresentBody qr={props.qr} />
        </MeetingFlowRoot>
      ) : null}
    </RoomProvider>
  );
}

/**
 * The shared screen in parts, each behind its own boundary: the meeting's steps, the flow (item,
 * round, summary, consent, closing), and the plan with who is here.
 */
function PresentBody({ qr }: { qr: PresentProps["qr"] }) {
  const t = useTranslations("meeting.present");
  const tm = useTranslations("meeting.panel");
  return (
    <div className="space-y-6">
      <SectionBoundary name={t("steps")} testId="present-steps">
        <PresentSteps />
      </SectionBoundary>
      <div className="grid gap-6 xl:grid-cols-[3fr_2fr]">
        <SectionBoundary name={tm("title")} testId="present-flow">
          <PresentFlow />
        </SectionBoundary>
        <SectionBoundary name={t("plan.title")} testId="present-plan-section">
          <div className="space-y-6">
            <PresentPlan />
            <div className="text-lg">
              <PresenceList />
            </div>
            <JoinQr qr={qr} />
          </div>
        </SectionBoundary>
      </div>
    </div>
  );
}

function PresentSteps() {
  const t = useTranslations("meeting.present");
  const f = useFlow();
  return (
    <section aria-labelledby="present-steps" className="space-y-2">
      <h2 id="present-steps" className="sr-only">
        {t("steps")}
      </h2>
      <PhaseStepper phase={f.flow.phase} size="large" />
      <div className="text-xl">
        <PhaseControls />
      </div>
    </section>
  );
}

function PresentFlow() {
  const t = useTranslations("meeting.present");
  const f = useFlow();
  const phase = f.flow.phase;
  return (
    <div className="space-y-6">
      <NowCard />
      <SpeakingRound size="large" />
      <SummaryCard />
      {phase === "agreements" || phase === "closing" ? (
        <section aria-labelledby="present-consent" className="rounded-xl border-2 border-slate-900 bg-white p-5">
          <h2 id="present-consent" className="text-3xl font-bold">
            {t("consent")}
          </h2>
          <div className="mt-3">
            <ConsentBoard size="large" />
          </div>
        </section>
      ) : null}
      {phase === "closing" ? (
        <section aria-labelledby="present-closing" className="rounded-xl border-2 border-slate-900 bg-white p-5">
          <h2 id="present-closing" className="text-3xl font-bold">
            {t("closing")}
          </h2>
          <div className="mt-3">
            <ClosingCheck size="large" />
          </div>
        </section>
      ) : null}
      {mayChair(f.me.role) ? <BusinessCaseToggle size="large" /> : null}
    </div>
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
    <section aria-labelledby="present-now" className="rounded-xl border-2 border-slate-900 bg-white p-5" data-testid="present-now">
      <h2 id="present-now" className="text-2xl font-semibold text-slate-800">
        {t("now")}
      </h2>
      {item && timer ? (
        <>
          <p className="mt-1 text-4xl font-bold lg:text-5xl" data-testid="present-item">
            {t("item", { n: index + 1, title: shown(item.title.trim()) || t("untitled") })}
          </p>
          <div className="mt-3">
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
              <button type="button" className={`${primaryButtonClass} text-lg`} onClick={() => coverAndAdvance(doc, f.actor())} data-testid="item-cover-next">
                {t("coverNext")}
              </button>
              {timer.startedAt === null ? (
                <button type="button" className={`${buttonClass} text-lg`} onClick={() => startTimer(doc, item.id, f.actor())} data-testid="timer-start">
                  {t("startClock")}
                </button>
              ) : (
                <button type="button" className={`${buttonClass} text-lg`} onClick={() => pauseTimer(doc, item.id, f.actor())} data-testid="timer-pause">
                  {t("pauseClock")}
                </button>
              )}
            </>
          ) : next ? (
            <button type="button" className={`${primaryButtonClass} text-lg`} onClick={() => setCurrentItem(doc, next.id, f.actor())} data-testid="item-start-first">
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
    <ol className="mt-5 grid gap-1 text-xl" aria-label={t("agenda")} data-testid="present-agenda">
      {view.agenda.map((i, n) => {
        const now = i.id === f.flow.currentItemId;
        return (
          <li key={i.id} aria-current={now ? "true" : undefined} className={`flex gap-2 ${now ? "font-bold" : i.done ? "text-slate-700" : ""}`}>
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
  const f = useFlow();
  const shown = useScreenText();
  if (!f.flow.summary.trim()) return null;
  return (
    <section aria-labelledby="present-summary" className="rounded-xl border-2 border-slate-900 bg-white p-5">
      <h2 id="present-summary" className="text-3xl font-bold">
        {t("summary")}
      </h2>
      <p className="mt-2 text-2xl whitespace-pre-wrap" data-testid="present-summary-text">
        {shown(f.flow.summary)}
      </p>
    </section>
  );
}

function JoinQr({ qr }: { qr: PresentProps["qr"] }) {
  const t = useTranslations("meeting.present");
  return (
    <section aria-labelledby="present-qr" className="rounded-xl border-2 border-slate-900 bg-white p-5" data-testid="present-qr">
      <h2 id="present-qr" className="text-2xl font-bold">
        {t("qrTitle")}
      </h2>
      <div className="mt-3 flex flex-wrap items-center gap-4">
        <div
          role="img"
          aria-label={t("qrAlt")}
          className="size-44 shrink-0 bg-white [&>svg]:size-full"
          data-testid="present-qr-code"
          // A server-drawn SVG of the meeting's address (lib/invites/meeting-room-qr.ts): no token.
          dangerouslySetInnerHTML={{ __html: qr.svg }}
        />
        <div className="min-w-0 text-lg">
          <p>{t("qrBody")}</p>
          <p className="mt-2 break-all font-mono text-base" data-testid="present-qr-url">
            {qr.url}
          </p>
        </div>
      </div>
    </section>
  );
}
