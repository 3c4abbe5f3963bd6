"use client";

import { endSessionAction } from "@/lib/sessions/actions/end-session-action";
import { EndSessionButton } from "./end-session-button";

/** Ends one of the signed-in user's sessions; ending this device's signs it out. */
export function OwnSessionButton({ sessionId, device, current }: { sessionId: string; device: string; current: boolean }) {
  return <EndSessionButton label={current ? "Sign out" : "End"} device={device} end={() => endSessionAction({ sessionId })} />;
}
