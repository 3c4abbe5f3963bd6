"use client";

import { endUserSessionAction } from "@/lib/sessions/actions/end-user-session-action";
import { EndSessionButton } from "./end-session-button";

/** An admin's "End" for one session of another user. */
export function UserSessionButton({ userId, sessionId, device }: { userId: string; sessionId: string; device: string }) {
  return <EndSessionButton label="End" device={device} end={() => endUserSessionAction({ userId, sessionId })} />;
}
