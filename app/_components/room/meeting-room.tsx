"use client";

import { useMemo, useState, useSyncExternalStore, type FocusEvent, type SyntheticEvent } from "react";
import Link from "next/link";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import type { PresenceUser } from "@/lib/collab";
import { ActionsSection } from "./actions-section";
import { AgendaSection } from "./agenda-section";
import { ConnectionStatus } from "./connection-status";
import { FollowUpSection } from "./follow-up-section";
import { PlanSection } from "./plan-section";
import { PresenceList } from "./presence-list";
import { ReviewPanel } from "./review-panel";
import { FrozenDriftNotice } from "./frozen-drift-notice";
import { PrepSlot } from "../prep/prep-slot";
import { RoomConnection } from "./room-connection";
import { useConnection } from "../collab/use-connection";
import { RoomProvider, type RoomContextValue } from "./room-context";
import type { RoomProps } from "./room-types";
import { UndoControls } from "./undo-controls";
import { SectionBoundary } from "./section-boundary";
import { AgreementEntry } from "@/app/_components/agreement/agreement-entry";
import { SectionMenu } from "./section-menu";
import { can } from "@/lib/permissions";
import { CatchUpNotice } from "../meeting/catch-up";
import { MeetingFlowPanel } from "../meeting/meeting-flow-panel";
import { CurrentItemPanel } from "../meeting/current-item-panel";
import { usePhone } from "./use-phone";
import { MeetingFlowRoot } from "../meeting/meeting-flow-root";
import { NowBar } from "../meeting/now-bar";
import { CompleteMeeting, MeetingOverNotice } from "./meeting-over";
import { dateInZone } from "@/lib/time/zoned";

/**
 * NAV's follow-up plan is Norwegian law: a Danish case's room never shows it, so its code is its
 * own chunk, fetched only by a Norwegian room (issue 19: the room's JavaScript as sent).
 */
const FollowUpPlanSection = dynamic(() => import("./follow-up-plan-section").then((m) => m.FollowUpPlanSection));

/**
 * The live meeting room. The Y.Doc and its connection are created in an effect (never during
 * render, never on the server) and destroyed when the person leaves the page.
 */
export function MeetingRoom(props: RoomProps) {
  const { meeting, me } = props;
  const { conn, user } = useConnection(RoomConnection, meeting.id, me);
  // Completed from this page: say so at once (the server also tells every socket, ours included).
  const [completedHere, setCompletedHere] = useState(false);

  return (
    <div className="mx-auto max-w-5xl px-4 pb-16">
      <MeetingHeader {...props} />
      <PrepSlot meetingId={meeting.id} employeeName={props.employeeName} me={me} />
      {conn ? <ConnectedRoom conn={conn} props={props} user={user} completedHere={completedHere} /> : <RoomLoading />}
      <div className="mt-6">
        <AgreementEntry meetingId={meeting.id} canPrepare={can(me.role, "prepare", "agreement")} />
      </div>
      {can(me.role, "manage", "meeting") && !meeting.completed && !completedHere ? (
        <div className="mt-6">
          <CompleteMeeting meetingId={meeting.id} onCompleted={() => setCompletedHere(true)} />
        </div>
      ) : null}
    </div>
  );
}

function MeetingHeader({ meeting, employeeName, employer, caseHref }: RoomProps) {
  const t = useTranslations("room");
  const tm = useTranslations("meeting.panel");
  return (
    <header className="pt-6 pb-4">
      {caseHref ? (
        <p className="mb-2">
          <Link
            href={caseHref}
            className="inline-flex min-h-10 items-center font-medium text-blue-800 underline underline-offset-2"
            data-testid="room-case-link"
          >
            <span aria-hidden="true">←&nbsp;</span>
            {tm("caseLink")}
          </Link>
        </p>
      ) : null}
      <p className="text-sm font-medium text-slate-700">{t("kicker", { name: employeeName })}</p>
      <h1 className="mt-1 text-2xl font-semibold text-slate-900 sm:text-3xl">{meeting.title}</h1>
      <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-slate-800">
        <div className="flex gap-1">
          <dt className="font-medium">{t("when")}</dt>
          <dd>
            <time dateTime={meeting.startsAtIso}>{meeting.startsAtText}</time>
            {" · "}
            {t("duration", { minutes: meeting.durationMinutes })}
          </dd>
        </div>
        {meeting.location ? (
          <div className="flex gap-1">
            <dt className="font-medium">{t("where")}</dt>
            <dd>{meeting.location}</dd>
          </div>
        ) : null}
        {employer ? (
          <div className="flex gap-1">
            <dt className="font-medium">{t("workplace")}</dt>
            <dd>{employer}</dd>
          </div>
        ) : null}
        {meeting.videoUrl ? (
          <div className="flex gap-1">
            <dt className="font-medium">{t("video")}</dt>
            <dd>
              <a href={meeting.videoUrl} className="text-blue-800 underline" rel="noreferrer noopener" target="_blank">
                {t("videoLink")}
              </a>
            </dd>
          </div>
        ) : null}
      </dl>
    </header>
  );
}

function RoomLoading() {
  const t = useTranslations("room");
  return (
    <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-800" data-testid="room-loading">
      {t("loading")}
    </p>
  );
}

/** Field key (for "who is editing what") of the element that has focus. */
function fieldOf(target: EventTarget | null): string | null {
  if (!(target instanceof Element)) return null;
  return target.closest("[data-field]")?.getAttribute("data-field") ?? null;
}

function ConnectedRoom({
  conn,
  props,
  user,
  completedHere,
}: {
  conn: RoomConnection;
  props: RoomProps;
  user: PresenceUser;
  completedHere: boolean;
}) {
  const t = useTranslations("room");
  const tm = useTranslations("meeting.panel");
  const snapshot = useSyncExternalStore(conn.subscribe, conn.getSnapshot, conn.getSnapshot);
  const view = useSyncExternalStore(conn.view.subscribe, conn.view.getSnapshot, conn.view.getSnapshot);
  const lost = snapshot.phase === "sessionEnded" || snapshot.phase === "accessLost";
  // A completed or cancelled meeting's room, and any room of a closed case, is read-only for
  // everyone (the server enforces it; this says so).
  const over = props.meeting.completed || snapshot.meetingCompleted || completedHere;
  const editable = props.me.canEdit && !lost && !over;
  const ctx = useMemo<RoomContextValue>(
    () => ({ conn, editable, me: props.me, user, participants: props.participants, ownCatalogue: props.ownCatalogue }),
    [conn, editable, props.me, user, props.participants, props.ownCatalogue],
  );

  const onFocus = (e: FocusEvent) => {
    conn.setEditing(editable ? fieldOf(e.target) : null);
    // Changes in different fields are separate undo steps.
    conn.undo.stopCapturing();
  };
  // A choice (select, checkbox, radio, date) or a button press is one undo step of its own,
  // never merged with typing or another choice made within the capture window.
  const separateDiscrete = (e: SyntheticEvent) => {
    const el = e.target as HTMLElement;
    const typing = el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && el.type === "text");
    if (!typing) conn.undo.stopCapturing();
  };
  const onBlur = (e: FocusEvent) => {
    if (!e.relatedTarget || !(e.currentTarget as Element).contains(e.relatedTarget as Node)) conn.setEditing(null);
  };
  const tracking = { onFocus, onBlur, onChangeCapture: separateDiscrete, onClickCapture: separateDiscrete };
  // On a phone the item the meeting is on comes first, right under the menu (then the rest).
  const phone = usePhone();

  return (
    <RoomProvider value={ctx}>
      <MeetingFlowRoot
        conn={conn}
        meetingId={props.meeting.id}
        me={props.me}
        user={user}
        participants={props.participants}
        editable={editable}
        surface="room"
        meetingDate={dateInZone(new Date(props.meeting.startsAtIso))}
      >
        <div className="sticky top-0 z-20 -mx-4 mb-4 border-b border-slate-300 bg-white px-4 py-2 shadow-sm" data-testid="room-bar">
          <div className="flex items-center justify-between gap-2">
            <ConnectionStatus snapshot={snapshot} canEdit={props.me.canEdit && !over} meetingOver={over} onRetry={() => conn.retry()} />
            <UndoControls />
          </div>
          {snapshot.loaded ? (
            <SectionBoundary name={tm("title")} testId="now-bar">
              <NowBar />
            </SectionBoundary>
          ) : null}
          {snapshot.loaded ? (
            <SectionBoundary name={t("sectionsNav")} testId="section-menu">
              <SectionMenu progressHref={props.progressHref} />
            </SectionBoundary>
          ) : null}
        </div>

        {snapshot.phase === "sessionEnded" ? (
          <Notice title={t("sessionEnded.title")} body={t("sessionEnded.body")} testId="notice-session-ended" />
        ) : null}
        {snapshot.phase === "accessLost" ? (
          <Notice title={t("accessLost.title")} body={t("accessLost.body")} testId="notice-access-lost" />
        ) : null}
        {over ? <MeetingOverNotice unsaved={snapshot.unsaved} reason={props.meeting.closedReason} /> : null}
        {phone && snapshot.loaded ? (
          <SectionBoundary name={tm("title")} testId="current-item-first">
            <div className="mb-4" data-testid="current-item-first" {...tracking}>
              <CurrentItemPanel first />
            </div>
          </SectionBoundary>
        ) : null}
        {!props.me.canEdit && !over ? <p className="mb-4 rounded-lg bg-slate-100 p-3 text-slate-800">{t("readOnlyNotice")}</p> : null}

        <SectionBoundary name={tm("title")} testId="catch-up">
          <CatchUpNotice />
        </SectionBoundary>
        {snapshot.loaded ? (
          <SectionBoundary name={tm("title")} testId="frozen-drift">
            <FrozenDriftNotice meetingId={props.meeting.id} canPrepare={can(props.me.role, "prepare", "agreement")} view={view} />
          </SectionBoundary>
        ) : null}

        <div className="mb-6">
          <PresenceList />
        </div>

        {snapshot.loaded ? (
          <div className="space-y-6" {...tracking}>
            {/* Each part behind its own boundary: one that cannot be shown never blanks the room. */}
            <SectionBoundary name={tm("title")} testId="meeting-flow-section">
              <MeetingFlowPanel currentItem={!phone} />
            </SectionBoundary>
            <SectionBoundary name={t("sectionBroken.reviewName")} testId="review-section">
              <ReviewPanel meetingId={props.meeting.id} view={view} />
            </SectionBoundary>
            <SectionBoundary name={t("agenda.title")} testId="agenda-section">
              <AgendaSection items={view.agenda} />
            </SectionBoundary>
            <SectionBoundary name={t("plan.title")} testId="plan-section">
              <PlanSection plan={view.plan} country={props.country} />
            </SectionBoundary>
            {props.country === "NO" ? (
              <SectionBoundary name={t("plan.title")} testId="nav-plan-boundary">
                <FollowUpPlanSection plan={view.plan.followUpPlan} />
              </SectionBoundary>
            ) : null}
            <SectionBoundary name={t("actions.title")} testId="actions-section">
              <ActionsSection actions={view.actions} />
            </SectionBoundary>
            <SectionBoundary name={t("followUp.title")} testId="follow-up-section">
              <FollowUpSection followUp={view.followUp} />
            </SectionBoundary>
          </div>
        ) : lost ? null : (
          <RoomLoading />
        )}
      </MeetingFlowRoot>
    </RoomProvider>
  );
}

function Notice({ title, body, testId }: { title: string; body: string; testId: string }) {
  return (
    <div className="mb-4 rounded-xl border border-amber-700 bg-amber-50 p-4 text-amber-950" data-testid={testId}>
      <h2 className="text-lg font-semibold">{title}</h2>
      <p className="mt-1">{body}</p>
    </div>
  );
}
