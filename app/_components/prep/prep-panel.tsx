"use client";

import { useMemo, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { prepNoteText } from "@/lib/collab/prep-notes";
import { PREP_NOTE_GROUPS, type PrepNoteGroup } from "@/lib/collab/prep-schema";
import { can } from "@/lib/permissions";
import { useConnection } from "../collab/use-connection";
import { buttonClass, labelClass } from "@/app/_components/ui/classes";
import { YTextField } from "../room/y-text-field";
import { PrepConnection, type PrepSnapshot } from "./prep-connection";
import type { PrepSlotProps } from "./prep-slot";
import { SharingList } from "./sharing-list";

/**
 * The private preparation panel: notes in the guide's three groups and the list of what may be
 * shared with the workplace. Its Y.Doc and socket are created when the panel mounts and destroyed
 * when it unmounts (closed, or the page left).
 */
export function PrepPanel({ meetingId, me }: PrepSlotProps) {
  const t = useTranslations("privacy.prep");
  const { conn } = useConnection(PrepConnection, meetingId, me);

  return (
    <div data-testid="prep-panel">
      <p className="text-slate-700">{t("notShared")}</p>
      {conn ? <ConnectedPrep conn={conn} canEdit={can(me.role, "write", "prep_doc")} /> : null}
    </div>
  );
}

function ConnectedPrep({ conn, canEdit }: { conn: PrepConnection; canEdit: boolean }) {
  const t = useTranslations("privacy.prep");
  const snap = useSyncExternalStore(conn.subscribe, conn.getSnapshot, conn.getSnapshot);
  const view = useSyncExternalStore(conn.subscribe, conn.getView, conn.getView);
  const peers = useSyncExternalStore(conn.subscribe, conn.getPeers, conn.getPeers);
  const lost = snap.phase === "sessionEnded" || snap.phase === "accessLost";
  const editable = canEdit && !lost;
  return (
    <>
      <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-1">
        <PrepStatus snap={snap} onRetry={() => conn.retry()} />
        {peers.length > 0 ? (
          <p className="text-sm text-slate-700" data-testid="prep-peers">
            {t("alsoHere", { names: peers.map((p) => p.name).join(", ") })}
          </p>
        ) : null}
      </div>
      {snap.loaded && !lost ? (
        <div className="mt-4 space-y-6">
          <div>
            <h3 className="text-lg font-semibold text-slate-900">{t("notesTitle")}</h3>
            <p className="text-slate-700">{t("notesIntro")}</p>
            <div className="mt-3 space-y-4">
              {PREP_NOTE_GROUPS.map((g) => (
                <NoteField key={g} conn={conn} group={g} readOnly={!editable} />
              ))}
            </div>
          </div>
          <SharingList doc={conn.doc} items={view.sharing} editable={editable} />
        </div>
      ) : null}
    </>
  );
}

function NoteField({ conn, group, readOnly }: { conn: PrepConnection; group: PrepNoteGroup; readOnly: boolean }) {
  const t = useTranslations("privacy.prep.groups");
  const text = useMemo(() => prepNoteText(conn.doc, group), [conn, group]);
  const id = `prep-note-${group}`;
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {t(`${group}.title`)}
      </label>
      <p id={`${id}-hint`} className="mb-1 text-sm text-slate-700">
        {t(`${group}.hint`)}
      </p>
      <YTextField text={text} id={id} multiline rows={4} readOnly={readOnly} aria-describedby={`${id}-hint`} testId={id} />
    </div>
  );
}

type PrepStatusKey = "saved" | "sending" | "waiting" | Exclude<PrepSnapshot["phase"], "online">;

function PrepStatus({ snap, onRetry }: { snap: PrepSnapshot; onRetry: () => void }) {
  const t = useTranslations("privacy.prep.status");
  const key: PrepStatusKey = snap.phase === "online" ? (snap.unsaved ? (snap.waiting ? "waiting" : "sending") : "saved") : snap.phase;
  const label = t(key);
  const calm = key === "saved";
  return (
    <p
      role="status"
      className={`flex items-center gap-2 text-sm font-medium ${calm ? "text-emerald-900" : "text-slate-800"}`}
      data-testid="prep-status"
      data-status={key}
    >
      <span
        aria-hidden="true"
        className={`inline-block size-2.5 shrink-0 rounded-full ${calm ? "bg-emerald-700" : key === "failed" || key === "accessLost" ? "bg-red-700" : "bg-amber-600"}`}
      />
      {label}
      {snap.phase === "failed" ? (
        <button type="button" className={buttonClass} onClick={onRetry}>
          {t("retry")}
        </button>
      ) : null}
    </p>
  );
}
