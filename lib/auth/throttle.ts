import { createHash } from "node:crypto";
import type { DbOrTx } from "@/db";
import { clearBuckets, countHit, refundHit, type BucketCount } from "@/lib/security/rate-counter";

// Limits on sign-in attempts, per account (the email typed) and per client address.
export const throttleWindowMs = 15 * 60 * 1000;
export const maxFailuresPerAccount = 5;
export const maxFailuresPerIp = 30;

/** The account's bucket: the email is hashed, so the counter table holds no address book. */
export function signInAccountBucket(email: string): string {
  return `sign-in:account:${createHash("sha256").update(email.trim().toLowerCase()).digest("hex")}`;
}

export const signInIpBucket = (ip: string) => `sign-in:ip:${ip}`;

export type SignInReservation =
  | { blocked: false; account: BucketCount; ip: BucketCount }
  | { blocked: true; retryAfterMs: number };

/**
 * Reserves one attempt for the account and the address before the password
 * is checked, in one atomic statement: of N parallel attempts at most the
 * limit get through to a password verification. Unknown emails reserve the
 * same way as known ones, so the answer tells nothing about which exist.
 */
export function reserveSignInAttempt(
  db: DbOrTx,
  { email, ip }: { email: string; ip: string },
  now = new Date(),
): Promise<SignInReservation> {
  return reserveAttempt(db, { account: signInAccountBucket(email), address: signInIpBucket(ip) }, now);
}

/** One try against an account's and an address's buckets, under the sign-in limits (second factors use it too). */
export async function reserveAttempt(
  db: DbOrTx,
  { account, address }: { account: string; address: string },
  now = new Date(),
): Promise<SignInReservation> {
  const verdict = await countHit(
    db,
    [
      { bucket: account, limit: maxFailuresPerAccount, windowMs: throttleWindowMs },
      { bucket: address, limit: maxFailuresPerIp, windowMs: throttleWindowMs },
    ],
    now,
  );
  if (verdict.limited) {
    // A refused attempt checks no password: it is taken back from the bucket
    // that is still under its limit, so a blocked address cannot lock accounts
    // out and a blocked account does not use up its address's allowance.
    for (const counted of verdict.buckets) if (counted.count <= counted.limit) await refundHit(db, counted);
    return { blocked: true, retryAfterMs: verdict.retryAfterMs };
  }
  const find = (bucket: string) => verdict.buckets.find((counted) => counted.bucket === bucket.slice(0, 200))!;
  return { blocked: false, account: find(account), ip: find(address) };
}

/**
 * A successful sign-in forgives the account's earlier failures, and takes
 * back its own reservation from the address (a school behind one address
 * signs in many pupils; only failures should count against it).
 */
export async function forgiveSignIn(db: DbOrTx, reservation: Extract<SignInReservation, { blocked: false }>) {
  await clearBuckets(db, [reservation.account.bucket]);
  await refundHit(db, reservation.ip);
}
