"use client";

import { useRef, useState } from "react";
import { flushSync } from "react-dom";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { PartyStatus } from "@/lib/agreements/agreement-state";
import { buttonClass } from "@/app/_components/ui/classes";
import { DecisionForm } from "./decision-form";

type Props = {
  agreementId: string;
  /** The fingerprint of the version this page displays; posted back with every decision. */
  fingerprint: string;
  /** The version still takes signatures (newest, not sealed). */
  open: boolean;
  me: { participantId: string; name: string; party: PartyStatus | null; canWitness: boolean };
  parties: PartyStatus[];
  /** The room of the meeting this version was prepared in, if any. */
  roomHref?: string | null;
};

/**
 * Signing: on one's own device, and — on the caseworker's device, which is the shared screen in
 * the meeting room — in turn, one person after the other, each typing their own name while the
 * caseworker confirms they checked the person's identity.
 */
export function SignPanel({ agreementId, fingerprint, open, me, parties, roomHref }: Props) {
  const t = useTranslations("agreement");
  const roles = useTranslations("roles");
  const router = useRouter();
  const [turn, setTurn] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const announcementRef = useRef<HTMLParagraphElement>(null);
  // The last signature closes the version: the panel stays with its result, so the focus that
  // went to it stays on the page.
  if (!open && !announcement) return null;

  const others = parties.filter((p) => p.participantId !== me.participantId && p.state !== "signed");
  const mine = me.party && me.party.state !== "signed" ? me.party : null;
  const turnParty = others.find((p) => p.participantId === turn) ?? null;

  // The form that had the focus is gone: the focus goes to what happened ("Kurt Hansen has signed").
  const done = (name: string, decision: "signed" | "declined") => {
    flushSync(() => {
      setAnnouncement(t(decision === "signed" ? "doneSigned" : "doneDeclined", { name }));
      setTurn(null);
    });
    announcementRef.current?.focus();
    router.refresh();
  };

  return (
    <section
      id="sign"
      aria-labelledby="sign-title"
      className="scroll-mt-4 rounded-xl border-2 border-blue-700 bg-white p-4 shadow-sm sm:p-6"
      data-testid="sign-panel"
    >
      <h2 id="sign-title" className="text-xl font-semibold text-slate-900">
        {t("signTitle")}
      </h2>
      <p className="mt-1 text-slate-700">{t("signIntro")}</p>
      <p
        ref={announcementRef}
        tabIndex={-1}
        role="status"
        aria-live="polite"
        className="mt-2 font-medium text-green-800"
        data-testid="sign-announcement"
      >
        {announcement}
      </p>

      {!open ? null : mine ? (
        <div className="mt-4">
          <h3 className="text-lg font-semibold text-slate-900">{t("ownTitle", { name: mine.name })}</h3>
          <DecisionForm
            key={`own-${mine.participantId}`}
            agreementId={agreementId}
            fingerprint={fingerprint}
            signer={mine}
            mode="own-device"
            roomHref={roomHref}
            onDone={done}
          />
        </div>
      ) : me.party?.state === "signed" ? (
        <p className="mt-4 text-slate-800">{t("youSigned")}</p>
      ) : null}

      {open && me.canWitness && others.length > 0 ? (
        <div className="mt-6 border-t border-slate-200 pt-4" data-testid="shared-screen">
          <h3 className="text-lg font-semibold text-slate-900">{t("turnTitle")}</h3>
          <p className="mt-1 text-slate-700">{t("turnIntro")}</p>
          <ul className="mt-3 flex flex-wrap gap-2">
            {others.map((p) => (
              <li key={p.participantId}>
                <button
                  type="button"
                  className={buttonClass}
                  aria-pressed={turn === p.participantId}
                  data-testid={`turn-${p.role}`}
                  onClick={() => setTurn(turn === p.participantId ? null : p.participantId)}
                >
                  {t("turnButton", { name: p.name, role: roles(p.role) })}
                </button>
              </li>
            ))}
          </ul>
          {turnParty ? (
            <div className="mt-4 rounded-lg border border-slate-300 bg-slate-50 p-4">
              <h4 className="text-lg font-semibold text-slate-900">
                {t("turnFor", { name: turnParty.name, role: roles(turnParty.role) })}
              </h4>
              <p className="mt-1 text-slate-800">{t("handOver", { name: turnParty.name })}</p>
              <DecisionForm
                key={`turn-${turnParty.participantId}`}
                agreementId={agreementId}
                fingerprint={fingerprint}
                signer={turnParty}
                mode="shared-screen"
                witnessName={me.name}
                onDone={done}
              />
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
