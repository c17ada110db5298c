"use client";

import dynamic from "next/dynamic";
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/app/_components/ui/classes";

/** The calculator's code is fetched when it is first opened: most meetings never open it (issue 19). */
const BusinessCasePanel = dynamic(() => import("./business-case-panel").then((m) => m.BusinessCasePanel));

/**
 * The employer's business case (the guide's three-month table): keeping the employee on partial
 * return, full-time sick, or dismissing and hiring — every number editable, the rest computed as
 * one types. Kept in this browser only: pay figures are the employer's business and have no place
 * in the shared document everyone (and its history) receives. The caseworker opens it on the
 * screen the manager looks at.
 */
export function BusinessCaseToggle({ size = "normal" }: { size?: "normal" | "large" }) {
  const t = useTranslations("meeting.business");
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div>
      <button
        type="button"
        className={buttonClass}
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen((o) => !o)}
        data-testid="business-case-toggle"
      >
        {open ? t("hide") : t("open")}
      </button>
      {open ? (
        <div id={id} className="mt-3">
          <BusinessCasePanel size={size} />
        </div>
      ) : null}
    </div>
  );
}
