import { randomBytes } from "node:crypto";

// A certificate's code: 16 characters of Crockford base32 (80 bits from the
// system's random source), so it cannot be guessed or counted up to. Shown in
// groups of four; typed back in any case, with or without dashes, and with the
// letters Crockford reads as digits (I, L → 1, O → 0).

const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const codeLength = 16;

/** A new code, as stored: 16 upper-case characters, no dashes. */
export function generateCertificateCode(): string {
  const bytes = randomBytes(codeLength);
  // 256 is a multiple of 32, so taking each byte modulo 32 keeps every character equally likely.
  return Array.from(bytes, (byte) => alphabet[byte % 32]).join("");
}

/** "7KQ2-M9XD-4TRC-0B1H": how a code is printed and shown. */
export function formatCertificateCode(code: string): string {
  return code.match(/.{1,4}/g)?.join("-") ?? code;
}

/** The stored form of what someone typed, or null when it cannot be a code. */
export function normalizeCertificateCode(input: string): string | null {
  const compact = input
    .trim()
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/[IL]/g, "1")
    .replace(/O/g, "0");
  if (compact.length !== codeLength) return null;
  return [...compact].every((char) => alphabet.includes(char)) ? compact : null;
}
