import { generateSecret, generateURI, verify } from "otplib";

// RFC 6238 with the defaults every authenticator app understands: SHA-1,
// 6 digits, 30-second steps. One step of drift either way is accepted.
export const totpPeriodSeconds = 30;
const driftSeconds = totpPeriodSeconds;

export const totpCodePattern = /^\d{6}$/;

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri({ issuer, accountName, secret }: { issuer: string; accountName: string; secret: string }): string {
  return generateURI({ issuer, label: accountName, secret });
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: "invalid" | "replayed" };

/**
 * Checks a code against the secret at `now`, with ±1 step of drift. A code from
 * a step at or before `lastUsedStep` is refused even when it is otherwise right,
 * so a code seen over someone's shoulder cannot be used a second time.
 */
export async function checkTotpCode({
  secret,
  code,
  lastUsedStep,
  now = new Date(),
}: {
  secret: string;
  code: string;
  lastUsedStep: number | null;
  now?: Date;
}): Promise<TotpCheck> {
  const token = code.replace(/\s+/g, "");
  if (!totpCodePattern.test(token)) return { ok: false, reason: "invalid" };
  const result = await verify({ secret, token, epoch: Math.floor(now.getTime() / 1000), epochTolerance: driftSeconds });
  if (!result.valid || !("timeStep" in result)) return { ok: false, reason: "invalid" };
  if (lastUsedStep !== null && result.timeStep <= lastUsedStep) return { ok: false, reason: "replayed" };
  return { ok: true, step: result.timeStep };
}
