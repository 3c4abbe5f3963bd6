import { describe, expect, it } from "vitest";
import {
  generateRecoveryCodes,
  hashRecoveryCode,
  normalizeRecoveryCode,
  recoveryCodeCount,
  recoveryCodePattern,
} from "@/lib/auth/mfa/recovery-codes";

describe("recovery codes", () => {
  it("are ten distinct codes like abcde-23456, without look-alike characters", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(recoveryCodeCount);
    expect(new Set(codes).size).toBe(recoveryCodeCount);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
      expect(code).toMatch(recoveryCodePattern);
      expect(code).not.toMatch(/[01ilo]/);
    }
  });

  it("differ between calls (random, not derived)", () => {
    const first = generateRecoveryCodes();
    const second = generateRecoveryCodes();
    expect(first.filter((code) => second.includes(code))).toEqual([]);
  });

  it("read the same typed in any case, with or without the dash", () => {
    expect(normalizeRecoveryCode("  ABCDE-23456 ")).toBe("abcde-23456");
    expect(normalizeRecoveryCode("abcde23456")).toBe("abcde-23456");
    expect(normalizeRecoveryCode("abcde 23456")).toBe("abcde-23456");
  });

  it("refuse what cannot be a code", () => {
    for (const input of ["", "abcde-2345", "abcde-234567", "abcde-2345l", "hello world!"]) {
      expect(normalizeRecoveryCode(input)).toBeNull();
    }
  });

  it("are stored as a SHA-256 hex digest, never as themselves", () => {
    const hash = hashRecoveryCode("abcde-23456");
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(hashRecoveryCode("abcde-23456"));
    expect(hash).not.toBe(hashRecoveryCode("abcde-23457"));
    expect(hash).not.toContain("abcde");
  });
});
