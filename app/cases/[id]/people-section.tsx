"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { flushSync } from "react-dom";
import { useTranslations } from "next-intl";
import { ROLES } from "@/lib/plan/roles";
import type { ActionResult } from "@/app/_server/action";
import { cardClass, errorClass } from "@/app/_components/ui/classes";
import { reissueAction, removeAction, revokeAction, showAgainAction } from "./actions";
import { ConfirmButton } from "./confirm-button";
import { InviteForm } from "./invite-form";
import { IssuedLink } from "./issued-link";
import type { IssuedView, PersonView } from "./view-types";

/**
 * The people of the case by role, each with their link's state and what the caseworker can do:
 * show their link again (a link beside theirs, with QR code — theirs keeps working), a new link
 * that replaces theirs, withdraw the link, or take the person off the case.
 */
export function PeopleSection({
  caseId,
  people,
  canManage,
  canRemove,
  inviteMeeting,
}: {
  caseId: string;
  people: PersonView[];
  canManage: boolean;
  canRemove: boolean;
  inviteMeeting: { title: string; when: string } | null;
}) {
  const t = useTranslations("staff.people");
  const [issued, setIssued] = useState<IssuedView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const panelRef = useRef<HTMLDivElement>(null);
  const sectionRef = useRef<HTMLElement>(null);

  const showIssued = (v: IssuedView) => setIssued(v);
  // Focus moves to the link just shown once it is on the page (the button pressed was disabled
  // while the action ran, so the focus would otherwise be lost to the page).
  useEffect(() => {
    if (issued) panelRef.current?.focus();
  }, [issued]);
  const run = (fn: () => Promise<ActionResult<IssuedView | null>>) =>
    startTransition(async () => {
      setProblem(null);
      const r = await fn();
      if (!r.ok) setProblem(r.error === "NOT_FOUND" ? t("errors.gone") : r.error === "CONFLICT" ? t("errors.conflict") : t("errors.other"));
      else if (r.value) showIssued(r.value);
    });

  // "Done": the panel goes, the focus goes back to the person it was for (their first button).
  const done = () => {
    const who = issued?.participantId;
    flushSync(() => setIssued(null));
    const row = sectionRef.current?.querySelector<HTMLElement>(`[data-person-id="${who}"] button`);
    (row ?? sectionRef.current?.querySelector<HTMLElement>("#people-title"))?.focus();
  };

  const byRole = ROLES.map((role) => ({ role, list: people.filter((p) => p.role === role) })).filter((g) => g.list.length > 0);

  return (
    <section ref={sectionRef} aria-labelledby="people-title" className={cardClass} data-testid="people-section">
      <h2 id="people-title" tabIndex={-1} className="text-xl font-semibold text-slate-900 outline-none">
        {t("title")}
      </h2>
      <p className="mt-1 text-slate-700">{t("intro")}</p>

      {issued ? <IssuedLink ref={panelRef} issued={issued} onDone={done} /> : null}
      <p className={errorClass} role="alert" data-testid="people-error">
        {problem}
      </p>

      {byRole.map(({ role, list }) => (
        <div key={role} className="mt-4">
          <h3 className="text-base font-semibold text-slate-800">{list[0]!.roleLabel}</h3>
          <ul className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200">
            {list.map((p) => (
              <li
                key={p.id}
                className="flex flex-wrap items-start justify-between gap-3 p-3"
                data-testid="person"
                data-person-id={p.id}
                data-role={p.role}
                data-state={p.stateKind}
              >
                <div className="min-w-0">
                  <p className="font-medium text-slate-900">
                    {p.displayName}
                    {p.isMe ? <span className="ml-2 text-sm font-normal text-slate-600">{t("you")}</span> : null}
                  </p>
                  {p.email ? <p className="break-all text-sm text-slate-700">{p.email}</p> : null}
                  <p className="text-sm text-slate-700" data-testid="person-state">
                    {p.stateText}
                  </p>
                  {p.mailState ? (
                    <p
                      className={p.mailState === "failed" ? errorClass : "text-sm text-slate-700"}
                      data-testid="person-mail"
                      data-mail={p.mailState}
                    >
                      {p.mailText}
                    </p>
                  ) : null}
                </div>
                {canManage && !p.isMe ? (
                  <div className="flex flex-wrap gap-2">
                    {p.stateKind === "used" || p.stateKind === "unused" ? (
                      <ConfirmButton
                        label={t("showAgain")}
                        ariaLabel={t("showAgainFor", { name: p.displayName })}
                        confirm={null}
                        confirmLabel={t("showAgain")}
                        disabled={pending}
                        testId="person-show-again"
                        onConfirm={() => run(() => showAgainAction(caseId, p.id))}
                      />
                    ) : null}
                    <ConfirmButton
                      label={t("newLink")}
                      ariaLabel={t("newLinkFor", { name: p.displayName })}
                      confirm={p.stateKind === "used" || p.stateKind === "unused" ? t("newLinkConfirm", { name: p.displayName }) : null}
                      confirmLabel={t("newLinkYes")}
                      disabled={pending}
                      testId="person-reissue"
                      onConfirm={() => run(() => reissueAction(caseId, p.id))}
                    />
                    {p.stateKind === "used" || p.stateKind === "unused" ? (
                      <ConfirmButton
                        label={t("revoke")}
                        ariaLabel={t("revokeFor", { name: p.displayName })}
                        confirm={t("revokeConfirm", { name: p.displayName })}
                        confirmLabel={t("revokeYes")}
                        danger
                        disabled={pending}
                        testId="person-revoke"
                        onConfirm={() => run(() => revokeAction(caseId, p.id))}
                      />
                    ) : null}
                    {canRemove ? (
                      <ConfirmButton
                        label={t("remove")}
                        ariaLabel={t("removeFor", { name: p.displayName })}
                        confirm={t("removeConfirm", { name: p.displayName })}
                        confirmLabel={t("removeYes")}
                        danger
                        disabled={pending}
                        testId="person-remove"
                        onConfirm={() =>
                          run(async () => {
                            const r = await removeAction(caseId, p.id);
                            if (r.ok && issued?.participantId === p.id) setIssued(null);
                            return r;
                          })
                        }
                      />
                    ) : null}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ))}

      {canManage ? (
        <div className="mt-6 border-t border-slate-200 pt-4">
          <h3 className="text-lg font-semibold text-slate-900">{t("inviteTitle")}</h3>
          {inviteMeeting ? (
            <>
              <p className="mt-1 text-sm text-slate-700" data-testid="invite-meeting">
                {t("inviteFor", { title: inviteMeeting.title, when: inviteMeeting.when })}
              </p>
              <InviteForm caseId={caseId} onIssued={showIssued} />
            </>
          ) : (
            <p className="mt-2 text-slate-700" data-testid="invite-needs-meeting">
              {t("needsMeeting")}
            </p>
          )}
        </div>
      ) : null}
    </section>
  );
}
