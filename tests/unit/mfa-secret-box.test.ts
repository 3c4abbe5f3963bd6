import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "@/lib/auth/mfa/secret-box";

const key = "unit-test-auth-secret-0123456789abcdef";

describe("the TOTP secret box (AES-256-GCM under AUTH_SECRET)", () => {
  it("round-trips, and never shows the secret in what it stores", () => {
    const sealed = encryptSecret("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", key);
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain("JBSWY3DP");
    expect(decryptSecret(sealed, key)).toBe("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
  });

  it("uses a fresh IV each time", () => {
    expect(encryptSecret("same", key)).not.toBe(encryptSecret("same", key));
  });

  it("refuses another AUTH_SECRET", () => {
    const sealed = encryptSecret("JBSWY3DPEHPK3PXP", key);
    expect(() => decryptSecret(sealed, `${key}-rotated`)).toThrow();
  });

  it("refuses a tampered value (the tag authenticates it)", () => {
    const [version, iv, tag, ciphertext] = encryptSecret("JBSWY3DPEHPK3PXP", key).split(".");
    const flipped = Buffer.from(ciphertext!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => decryptSecret([version, iv, tag, flipped.toString("base64url")].join("."), key)).toThrow();
    expect(() => decryptSecret("v0.a.b.c", key)).toThrow();
  });
});
