"use client";

import { useId, useState, useTransition } from "react";
import type { UserRole } from "@/db/schema/enums";
import { roleLabels, roles } from "@/lib/auth/roles";
import { changeRoleAction } from "@/lib/users/actions/change-role-action";
import { setActiveAction } from "@/lib/users/actions/set-active-action";

interface Props {
  userId: string;
  userLabel: string;
  role: UserRole;
  isActive: boolean;
  isSelf: boolean;
}

/** Role and active controls for one user; the server re-checks every change. */
export function UserRowControls({ userId, userLabel, role, isActive, isSelf }: Props) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const selectId = useId();

  if (isSelf) return <span className="text-xs text-ink-muted">This is you</span>;

  const changeRole = (next: UserRole) =>
    startTransition(async () => {
      const result = await changeRoleAction({ userId, role: next });
      setMessage(result.ok ? null : result.error);
    });
  const toggleActive = () =>
    startTransition(async () => {
      const result = await setActiveAction({ userId, active: !isActive });
      setMessage(result.ok ? null : result.error);
    });

  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor={selectId} className="sr-only">
        Role of {userLabel}
      </label>
      <select
        id={selectId}
        defaultValue={role}
        disabled={pending}
        onChange={(event) => changeRole(event.target.value as UserRole)}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
      >
        {roles.map((value) => (
          <option key={value} value={value}>
            {roleLabels[value]}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={pending}
        onClick={toggleActive}
        className="rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100"
      >
        {isActive ? "Deactivate" : "Reactivate"}
        <span className="sr-only"> {userLabel}</span>
      </button>
      {message ? (
        <p role="alert" className="w-full text-xs text-danger-700">
          {message}
        </p>
      ) : null}
    </div>
  );
}
