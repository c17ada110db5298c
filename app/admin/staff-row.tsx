"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { buttonClass, dangerButtonClass, errorClass, labelClass, selectClass } from "@/app/_components/ui/classes";
import type { StaffMember } from "@/lib/staff/list-staff";
import { changeStaffRoleAction, setStaffActiveAction } from "./actions";

const ROLES = ["caseworker", "team_lead", "admin"] as const;

/** One colleague: name, e-mail, role (changeable), access (close / reopen). Not for oneself. */
export function StaffRow({ person }: { person: StaffMember }) {
  const t = useTranslations("admin");
  const [roleState, roleAction, rolePending] = useActionState(changeStaffRoleAction, null);
  const [activeState, activeAction, activePending] = useActionState(setStaffActiveAction, null);
  const status = useRef<HTMLParagraphElement>(null);
  const name = person.name ?? person.email ?? "";
  const message = roleState?.ok
    ? t("list.roleChanged", { name, role: t(`roles.${person.role}`) })
    : activeState?.ok
      ? t(activeState.value.active ? "list.reactivated" : "list.closedDone", { name })
      : null;
  const failed = (roleState && !roleState.ok) || (activeState && !activeState.ok) ? t("errors.other") : null;

  // After either action, focus its outcome, so a screen reader hears it and the keyboard stays here.
  useEffect(() => {
    if (roleState || activeState) status.current?.focus();
  }, [roleState, activeState]);

  return (
    <li className="rounded-lg border border-slate-200 bg-white p-3" data-testid="staff-row" data-email={person.email ?? ""}>
      <p className="font-medium text-slate-900">
        {name} {person.isMe ? <span className="text-slate-700">{t("list.you")}</span> : null}
      </p>
      <p className="text-sm text-slate-700">{person.email}</p>
      <p className="text-sm text-slate-700" data-testid="staff-status">
        {t("list.status")}: {person.active ? t("list.active") : t("list.closed")} · {t("list.role")}: {t(`roles.${person.role}`)}
      </p>
      {person.isMe ? null : (
        <div className="mt-2 flex flex-wrap items-end gap-3">
          <form action={roleAction} className="flex flex-wrap items-end gap-2">
            <input type="hidden" name="staffId" value={person.id} />
            <div>
              <label htmlFor={`role-${person.id}`} className={labelClass}>
                {t("list.roleOf", { name })}
              </label>
              <select
                id={`role-${person.id}`}
                name="role"
                defaultValue={person.role}
                className={`mt-1 ${selectClass}`}
                data-testid="staff-role"
              >
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`roles.${r}`)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className={buttonClass} disabled={rolePending} data-testid="staff-change-role">
              {t("list.changeRole")}
            </button>
          </form>
          <form action={activeAction}>
            <input type="hidden" name="staffId" value={person.id} />
            <input type="hidden" name="active" value={person.active ? "0" : "1"} />
            <button
              type="submit"
              className={person.active ? dangerButtonClass : buttonClass}
              disabled={activePending}
              data-testid={person.active ? "staff-deactivate" : "staff-reactivate"}
            >
              {t(person.active ? "list.deactivate" : "list.reactivate", { name })}
            </button>
          </form>
        </div>
      )}
      <p
        ref={status}
        tabIndex={-1}
        role="status"
        className={failed ? errorClass : "mt-1 text-sm text-slate-800"}
        data-testid="staff-row-status"
      >
        {failed ?? message}
      </p>
    </li>
  );
}
