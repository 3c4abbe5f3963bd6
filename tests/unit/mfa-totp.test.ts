import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { checkTotpCode, newTotpSecret, totpPeriodSeconds, totpUri } from "@/lib/auth/mfa/totp";

const secret = newTotpSecret();
// The start of a time step, so that ±1 step is exactly ±30 seconds.
const now = new Date(1_800_000_000 * 1000 - ((1_800_000_000 % totpPeriodSeconds) * 1000));
const step = Math.floor(now.getTime() / 1000 / totpPeriodSeconds);
const codeAt = (offsetSteps: number) => generate({ secret, epoch: now.getTime() / 1000 + offsetSteps * totpPeriodSeconds });

describe("checkTotpCode", () => {
  it("accepts the current code and answers with its time step", async () => {
    expect(await checkTotpCode({ secret, code: await codeAt(0), lastUsedStep: null, now })).toEqual({ ok: true, step });
  });

  it("accepts one step of drift either way, and no more", async () => {
    expect(await checkTotpCode({ secret, code: await codeAt(-1), lastUsedStep: null, now })).toEqual({ ok: true, step: step - 1 });
    expect(await checkTotpCode({ secret, code: await codeAt(1), lastUsedStep: null, now })).toEqual({ ok: true, step: step + 1 });
    expect(await checkTotpCode({ secret, code: await codeAt(-2), lastUsedStep: null, now })).toEqual({ ok: false, reason: "invalid" });
    expect(await checkTotpCode({ secret, code: await codeAt(2), lastUsedStep: null, now })).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a code used before, and any code of an earlier step (replay)", async () => {
    const code = await codeAt(0);
    expect(await checkTotpCode({ secret, code, lastUsedStep: step, now })).toEqual({ ok: false, reason: "replayed" });
    expect(await checkTotpCode({ secret, code: await codeAt(-1), lastUsedStep: step, now })).toEqual({ ok: false, reason: "replayed" });
    // The next step's code is still good after the current one was used.
    expect(await checkTotpCode({ secret, code: await codeAt(1), lastUsedStep: step, now })).toEqual({ ok: true, step: step + 1 });
  });

  it("refuses malformed input without throwing, and tolerates spaces", async () => {
    for (const code of ["", "12345", "1234567", "abcdef", "12 34 5"]) {
      expect(await checkTotpCode({ secret, code, lastUsedStep: null, now })).toEqual({ ok: false, reason: "invalid" });
    }
    const spaced = (await codeAt(0)).replace(/^(\d{3})/, "$1 ");
    expect((await checkTotpCode({ secret, code: spaced, lastUsedStep: null, now })).ok).toBe(true);
  });

  it("refuses a code made with another secret", async () => {
    const other = await generate({ secret: newTotpSecret(), epoch: now.getTime() / 1000 });
    expect((await checkTotpCode({ secret, code: other, lastUsedStep: null, now })).ok).toBe(false);
  });
});

describe("totpUri", () => {
  it("names the site and the account for the authenticator app", () => {
    const uri = totpUri({ issuer: "Jeevi Academy", accountName: "meera@school.example", secret });
    expect(uri).toMatch(/^otpauth:\/\/totp\/Jeevi%20Academy:meera%40school\.example\?/);
    expect(new URL(uri).searchParams.get("secret")).toBe(secret);
    expect(new URL(uri).searchParams.get("issuer")).toBe("Jeevi Academy");
  });
});
