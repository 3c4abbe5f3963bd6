import type { DbOrTx } from "@/db";
import { checkSignInThrottle, recordSignInFailure, type ThrottleState } from "../throttle";

// Wrong second-factor codes count like wrong passwords: per account and per
// client address, through the sign-in throttle. Kept behind these two
// functions so the throttle's storage can change without touching MFA code.
const keyFor = (scope: string) => `mfa:${scope}`;

/** `subject` names what is being guessed at: a user id (sign-in, settings). */
export function checkMfaLimit(db: DbOrTx, { subject, ip }: { subject: string; ip: string }): Promise<ThrottleState> {
  return checkSignInThrottle(db, { email: keyFor(subject), ip });
}

export function recordMfaFailure(db: DbOrTx, { subject, ip }: { subject: string; ip: string }): Promise<void> {
  return recordSignInFailure(db, { email: keyFor(subject), ip });
}
