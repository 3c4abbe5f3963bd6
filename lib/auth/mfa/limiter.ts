import type { DbOrTx } from "@/db";
import { forgiveSignIn, reserveAttempt, type SignInReservation } from "../throttle";

// Second-factor codes are limited like passwords, per account and per client
// address, on the one atomic counter: each try is reserved before the code is
// checked, so N parallel guesses check at most the limit; a right code
// forgives the account's tries.
export type MfaReservation = SignInReservation;

/** `subject` names what is being guessed at: a user id (sign-in, settings). */
export function reserveMfaAttempt(db: DbOrTx, { subject, ip }: { subject: string; ip: string }, now = new Date()) {
  return reserveAttempt(db, { account: `mfa:account:${subject}`, address: `mfa:ip:${ip}` }, now);
}

/** A right code: the account's tries are forgiven and this one is taken back from the address. */
export const forgiveMfaAttempt = forgiveSignIn;
