"use client";

import { useId, useState } from "react";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { can } from "@/lib/permissions";
import type { Role } from "@/lib/plan/roles";
import { buttonClass } from "@/app/_components/ui/classes";
import { SectionBoundary } from "../room/section-boundary";

// Loaded only when someone who may see the preparation opens it: the manager's, the union
// representative's and an observer's browsers never fetch this code, its ticket or its socket.
const PrepPanel = dynamic(() => import("./prep-panel").then((m) => m.PrepPanel), {
  ssr: false,
  loading: () => <PrepLoading />,
});

export type PrepSlotProps = {
  meetingId: string;
  employeeName: string;
  me: { id: string; role: Role; displayName: string; colorIndex: number };
};

/**
 * The private preparation's place in the meeting room: renders nothing at all unless this person
 * may read the preparation (employee, caseworker). Closed by default, because the room is often
 * on a shared screen; opening it connects, closing it disconnects and forgets the document.
 */
export function PrepSlot(props: PrepSlotProps) {
  if (!can(props.me.role, "read", "prep_doc")) return null;
  return <PrepSlotInner {...props} />;
}

function PrepSlotInner({ meetingId, employeeName, me }: PrepSlotProps) {
  const t = useTranslations("privacy");
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const isEmployee = me.role === "employee";
  return (
    <section aria-labelledby="prep-title" className="mb-4 rounded-xl border border-teal-700 bg-teal-50" data-testid="prep-slot">
      <div className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
        <div className="min-w-0">
          <h2 id="prep-title" className="flex items-center gap-2 text-base font-semibold text-teal-950">
            <LockIcon />
            {t("prep.title")}
          </h2>
          <p className="text-sm text-teal-950">
            {isEmployee ? t("prep.onlyYouEmployee") : t("prep.onlyYouCaseworker", { name: employeeName })}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          {/* A plain link: no prefetch, so the access log records only real visits. */}
          <a
            href={`/meetings/${meetingId}/access-log`}
            className="text-sm font-medium text-blue-800 underline underline-offset-2"
            data-testid="access-log-link"
          >
            {isEmployee ? t("accessLog.linkEmployee") : t("accessLog.linkCaseworker")}
          </a>
          <button
            type="button"
            className={buttonClass}
            aria-expanded={open}
            aria-controls={open ? panelId : undefined}
            onClick={() => setOpen((o) => !o)}
            data-testid="prep-toggle"
          >
            {open ? t("prep.hide") : t("prep.open")}
          </button>
        </div>
      </div>
      {open ? (
        <div id={panelId} className="rounded-b-xl border-t border-teal-700 bg-white p-4 sm:p-6">
          <SectionBoundary name={t("prep.title")} testId="prep-panel">
            <PrepPanel meetingId={meetingId} employeeName={employeeName} me={me} />
          </SectionBoundary>
        </div>
      ) : null}
    </section>
  );
}

function PrepLoading() {
  const t = useTranslations("privacy.prep");
  return (
    <p className="text-slate-800" data-testid="prep-loading">
      {t("loading")}
    </p>
  );
}

export function LockIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 shrink-0 fill-current">
      <path d="M10 1.5a4.5 4.5 0 0 0-4.5 4.5v2H5a2 2 0 0 0-2 2v6.5a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V10a2 2 0 0 0-2-2h-.5V6A4.5 4.5 0 0 0 10 1.5Zm-2.5 4.5a2.5 2.5 0 0 1 5 0v2h-5V6Z" />
    </svg>
  );
}
