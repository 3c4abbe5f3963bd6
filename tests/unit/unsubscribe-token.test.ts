import { describe, expect, it } from "vitest";
import { createUnsubscribeToken, readUnsubscribeToken } from "@/lib/email/unsubscribe-token";

const secret = "unit-test-secret-0123456789-abcdefghijkl";
const alice = "3f1d6c1e-8a2b-4c3d-9e4f-5a6b7c8d9e0f";
const bob = "9b8a7c6d-5e4f-4a3b-8c2d-1e0f2a3b4c5d";

function swapPayload(token: string, userId: string, type: string) {
  const [, signature] = token.split(".");
  return `${Buffer.from(`${userId}:${type}`).toString("base64url")}.${signature}`;
}

describe("unsubscribe tokens", () => {
  it("reads back the user and type they were made for", () => {
    expect(readUnsubscribeToken(createUnsubscribeToken({ userId: alice, type: "grade.released" }, secret), secret)).toEqual({
      userId: alice,
      type: "grade.released",
    });
    expect(readUnsubscribeToken(createUnsubscribeToken({ userId: bob, type: "all" }, secret), secret)).toEqual({ userId: bob, type: "all" });
  });

  it("refuses a tampered signature or payload", () => {
    const token = createUnsubscribeToken({ userId: alice, type: "grade.released" }, secret);
    const [payload, signature] = token.split(".") as [string, string];
    const flipped = signature.slice(0, -2) + (signature.endsWith("A") ? "B" : "A") + signature.slice(-1);
    expect(readUnsubscribeToken(`${payload}.${flipped}`, secret)).toBeNull();
    expect(readUnsubscribeToken(`${payload}.${signature.slice(0, -4)}`, secret)).toBeNull();
    expect(readUnsubscribeToken(`${payload}x.${signature}`, secret)).toBeNull();
    expect(readUnsubscribeToken(`${token}.extra`, secret)).toBeNull();
  });

  it("cannot be reused for another user or another type", () => {
    const token = createUnsubscribeToken({ userId: alice, type: "grade.released" }, secret);
    expect(readUnsubscribeToken(swapPayload(token, bob, "grade.released"), secret)).toBeNull();
    expect(readUnsubscribeToken(swapPayload(token, alice, "all"), secret)).toBeNull();
    expect(readUnsubscribeToken(swapPayload(token, alice, "lesson.published"), secret)).toBeNull();
  });

  it("is not valid under another secret, and junk never throws", () => {
    const token = createUnsubscribeToken({ userId: alice, type: "all" }, secret);
    expect(readUnsubscribeToken(token, "another-secret-0123456789-abcdefghijklmn")).toBeNull();
    for (const junk of ["", ".", "abc", "a.b", "%%%.%%%", null, undefined, "x".repeat(2000)]) {
      expect(readUnsubscribeToken(junk, secret)).toBeNull();
    }
  });

  it("refuses a validly signed token for an unknown type or a malformed user id", () => {
    expect(readUnsubscribeToken(createUnsubscribeToken({ userId: alice, type: "nope" as "all" }, secret), secret)).toBeNull();
    expect(readUnsubscribeToken(createUnsubscribeToken({ userId: "not-a-uuid", type: "all" }, secret), secret)).toBeNull();
  });
});
