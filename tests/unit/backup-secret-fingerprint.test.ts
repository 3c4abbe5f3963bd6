import { afterEach, describe, expect, it } from "vitest";
import { authSecretFingerprint } from "@/lib/backup/secret-fingerprint";

const previous = process.env.AUTH_SECRET;
afterEach(() => {
  if (previous === undefined) delete process.env.AUTH_SECRET;
  else process.env.AUTH_SECRET = previous;
});

describe("authSecretFingerprint", () => {
  it("is stable for one secret, differs for another, and shows nothing of the secret", () => {
    process.env.AUTH_SECRET = "first-secret-of-the-site-0123456789";
    const first = authSecretFingerprint();
    expect(first).toMatch(/^[0-9a-f]{16}$/);
    expect(authSecretFingerprint()).toBe(first);
    expect(first).not.toContain("first");

    process.env.AUTH_SECRET = "second-secret-of-the-site-0123456789";
    expect(authSecretFingerprint()).not.toBe(first);
  });
});
