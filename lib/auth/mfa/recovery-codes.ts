import { createHash, randomInt } from "node:crypto";

// Ten codes of ten characters from an alphabet without look-alikes (no 0/o,
// 1/l/i), shown as xxxxx-xxxxx: about 50 bits each, too many to guess, so a
// plain SHA-256 is enough to store them (a slow hash protects low-entropy input).
export const recoveryCodeCount = 10;
const alphabet = "23456789abcdefghjkmnpqrstuvwxyz";
const half = 5;

export const recoveryCodePattern = /^[2-9a-hjkmnp-z]{5}-?[2-9a-hjkmnp-z]{5}$/;

export function generateRecoveryCode(): string {
  let raw = "";
  for (let index = 0; index < half * 2; index++) raw += alphabet[randomInt(alphabet.length)];
  return `${raw.slice(0, half)}-${raw.slice(half)}`;
}

export function generateRecoveryCodes(count = recoveryCodeCount): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(generateRecoveryCode());
  return [...codes];
}

/** What a person may type: any case, with or without the dash, spaces around. */
export function normalizeRecoveryCode(input: string): string | null {
  const compact = input.trim().toLowerCase().replace(/[\s-]+/g, "");
  if (compact.length !== half * 2 || !recoveryCodePattern.test(compact)) return null;
  return `${compact.slice(0, half)}-${compact.slice(half)}`;
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(code).digest("hex");
}
