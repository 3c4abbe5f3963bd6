import type { DbOrTx } from "@/db";
import { clearBuckets, countHit, refundHit, type BucketCount } from "@/lib/security/rate-counter";
import { maxFailuresPerAccount, maxFailuresPerIp, throttleWindowMs } from "../throttle";

// Second-factor codes are limited like passwords, per account and per client
// address, on the one atomic counter: each try is reserved before the code is
// checked, so N parallel guesses check at most the limit; a right code
// forgives the account's tries.
const accountBucket = (subject: string) => `mfa:account:${subject}`;
const addressBucket = (ip: string) => `mfa:ip:${ip}`;

export type MfaReservation = { blocked: false; account: BucketCount; ip: BucketCount } | { blocked: true; retryAfterMs: number };

/** `subject` names what is being guessed at: a user id (sign-in, settings). */
export async function reserveMfaAttempt(
  db: DbOrTx,
  { subject, ip }: { subject: string; ip: string },
  now = new Date(),
): Promise<MfaReservation> {
  const account = accountBucket(subject);
  const address = addressBucket(ip);
  const verdict = await countHit(
    db,
    [
      { bucket: account, limit: maxFailuresPerAccount, windowMs: throttleWindowMs },
      { bucket: address, limit: maxFailuresPerIp, windowMs: throttleWindowMs },
    ],
    now,
  );
  if (verdict.limited) {
    // A refused try checks no code: it is taken back where it was still under the limit.
    for (const counted of verdict.buckets) if (counted.count <= counted.limit) await refundHit(db, counted);
    return { blocked: true, retryAfterMs: verdict.retryAfterMs };
  }
  const find = (bucket: string) => verdict.buckets.find((counted) => counted.bucket === bucket.slice(0, 200))!;
  return { blocked: false, account: find(account), ip: find(address) };
}

/** A right code: the account's tries are forgiven and this one is taken back from the address. */
export async function forgiveMfaAttempt(db: DbOrTx, reservation: Extract<MfaReservation, { blocked: false }>) {
  await clearBuckets(db, [reservation.account.bucket]);
  await refundHit(db, reservation.ip);
}
