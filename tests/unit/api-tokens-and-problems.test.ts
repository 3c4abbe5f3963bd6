import { describe, expect, it } from "vitest";
import { failureKindOf } from "@/lib/actions/result";
import { problemOf, problemTypes } from "@/lib/api/problem";
import { rateLimits } from "@/lib/api/rate-limit";
import { createApiTokenSchema, expiryOf } from "@/lib/api/token-schemas";

describe("token form", () => {
  it("needs a name of 1-100 characters and a lifetime from the list", () => {
    expect(createApiTokenSchema.parse({ name: "  Nightly export  ", lifetime: "90" })).toEqual({ name: "Nightly export", lifetime: "90" });
    const empty = createApiTokenSchema.safeParse({ name: "   ", lifetime: "90" });
    expect(empty.error?.issues[0]?.message).toBe("Give the token a name, such as the app or script that uses it.");
    expect(createApiTokenSchema.safeParse({ name: "x".repeat(101), lifetime: "90" }).success).toBe(false);
    expect(createApiTokenSchema.safeParse({ name: "x", lifetime: "1000" }).success).toBe(false);
  });

  it("expires after the chosen number of days, or never", () => {
    const now = new Date("2026-12-02T10:00:00Z");
    expect(expiryOf("7", now)).toEqual(new Date("2026-12-09T10:00:00Z"));
    expect(expiryOf("365", now)).toEqual(new Date("2027-12-02T10:00:00Z"));
    expect(expiryOf("never", now)).toBeNull();
  });
});

describe("problems", () => {
  it("carry the RFC 9457 members, and field errors only when there are some", () => {
    expect(problemOf("not_found", "This course does not exist.", { instance: "/api/v1/courses/x" })).toEqual({
      type: "/developers/api#problem-not-found",
      title: "Not found",
      status: 404,
      detail: "This course does not exist.",
      instance: "/api/v1/courses/x",
    });
    expect(problemOf("invalid", "Fix it.", { errors: {} })).not.toHaveProperty("errors");
    expect(problemOf("invalid", "Fix it.", { errors: { name: ["Enter a name."] } }).errors).toEqual({ name: ["Enter a name."] });
  });

  it("a domain refusal maps to its status: its kind, else field errors are 422 and the rest 409", () => {
    const status = (failure: Parameters<typeof failureKindOf>[0]) => problemTypes[failureKindOf(failure)].status;
    expect(status({ fieldErrors: {}, kind: "not_found" })).toBe(404);
    expect(status({ fieldErrors: {}, kind: "forbidden" })).toBe(403);
    expect(status({ fieldErrors: {}, kind: "unauthenticated" })).toBe(401);
    expect(status({ fieldErrors: { key: ["Wrong."] } })).toBe(422);
    expect(status({ fieldErrors: {} })).toBe(409);
  });
});

describe("rate limits", () => {
  it("default to 300 a minute per token and 600 per address, and take positive whole numbers from the environment", () => {
    expect(rateLimits({})).toEqual({ perToken: 300, perIp: 600 });
    expect(rateLimits({ API_RATE_LIMIT_PER_TOKEN: "50", API_RATE_LIMIT_PER_IP: "70" })).toEqual({ perToken: 50, perIp: 70 });
    expect(rateLimits({ API_RATE_LIMIT_PER_TOKEN: "-1", API_RATE_LIMIT_PER_IP: "lots" })).toEqual({ perToken: 300, perIp: 600 });
  });
});
