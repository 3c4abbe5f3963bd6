import { like } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rateCounters } from "@/db/schema";
import { POST } from "@/app/api/csp-report/route";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { clientAddressHeader } from "@/lib/security/trust-proxy.mjs";
import { maxCspReportBytes, reportsPerMinutePerAddress } from "@/lib/security/csp-report";
import { captureLogs } from "../support/capture-logs";
import { testDb } from "./helpers";

let logs: ReturnType<typeof captureLogs>;
beforeEach(() => {
  logs = captureLogs();
});
afterEach(() => logs.restore());

let address = 0;
/** Each test reports from its own address, so their budgets do not mix. */
const nextAddress = () => `203.0.113.${++address}`;

function report(body: BodyInit, contentType: string, from = nextAddress(), extra: Record<string, string> = {}) {
  return POST(
    new Request("http://localhost:3000/api/csp-report", {
      method: "POST",
      headers: { "Content-Type": contentType, [clientAddressHeader]: from, Cookie: "authjs.session-token=secret-session", ...extra },
      body,
      duplex: "half",
    } as RequestInit),
  );
}

const legacyBody = JSON.stringify({
  "csp-report": {
    "document-uri": "http://localhost:3000/reset-password?token=reset-secret",
    "effective-directive": "script-src-elem",
    "violated-directive": "script-src-elem",
    "blocked-uri": "https://evil.example/x.js?session=abc",
    disposition: "enforce",
  },
});

const logged = () => logs.at("warn").map((entry) => entry.msg);

describe("POST /api/csp-report", () => {
  it("logs a report-uri report as one line, without query strings or cookies, and answers 204", async () => {
    const response = await report(legacyBody, "application/csp-report");
    expect(response.status).toBe(204);
    expect(logged()).toEqual(["[csp] script-src-elem blocked https://evil.example/x.js on http://localhost:3000/reset-password"]);
    expect(logs.text()).not.toMatch(/secret|session=/);
  });

  it("logs each csp-violation of a Reporting API batch and ignores other report types", async () => {
    const batch = JSON.stringify([
      { type: "csp-violation", url: "http://localhost:3000/learn/a/1", body: { effectiveDirective: "frame-src", blockedURL: "https://evil.example/embed", disposition: "enforce" } },
      { type: "deprecation", url: "http://localhost:3000/", body: { id: "x", message: "y" } },
      { type: "csp-violation", url: "http://localhost:3000/admin", body: { effectiveDirective: "img-src", blockedURL: "data", disposition: "report" } },
    ]);
    const response = await report(batch, "application/reports+json; charset=utf-8");
    expect(response.status).toBe(204);
    expect(logged()).toEqual([
      "[csp] frame-src blocked https://evil.example/embed on http://localhost:3000/learn/a/1",
      "[csp] img-src blocked data on http://localhost:3000/admin (report only)",
    ]);
  });

  it.each([
    ["not JSON", "{csp-report", "application/csp-report"],
    ["JSON of another shape", JSON.stringify({ hello: "world" }), "application/csp-report"],
    ["a field of the wrong type", JSON.stringify({ "csp-report": { "blocked-uri": { nested: true } } }), "application/csp-report"],
    ["a batch that is not an array", JSON.stringify({ type: "csp-violation" }), "application/reports+json"],
    ["a batch of non-reports", JSON.stringify(["x", 1, null]), "application/reports+json"],
    ["an empty body", "", "application/csp-report"],
  ])("refuses %s with 400 and logs nothing", async (_label, body, contentType) => {
    const response = await report(body, contentType);
    expect(response.status).toBe(400);
    expect(logged()).toEqual([]);
  });

  it("refuses other content types with 415", async () => {
    expect((await report(legacyBody, "text/plain")).status).toBe(415);
    expect((await report(legacyBody, "application/x-www-form-urlencoded")).status).toBe(415);
    expect(logged()).toEqual([]);
  });

  it("refuses a body over the cap, declared or streamed without a length, with 413", async () => {
    const padding = "x".repeat(maxCspReportBytes);
    const oversized = JSON.stringify({ "csp-report": { "blocked-uri": "inline", "document-uri": padding } });
    expect((await report(oversized, "application/csp-report")).status).toBe(413);

    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode("x".repeat(1024)));
        controller.close();
      },
    });
    expect((await report(stream, "application/csp-report")).status).toBe(413);
    expect(logged()).toEqual([]);
  });

  it("limits each client address per minute in the shared database counter", async () => {
    const from = nextAddress();
    for (let i = 0; i < reportsPerMinutePerAddress; i++) {
      expect((await report(legacyBody, "application/csp-report", from)).status).toBe(204);
    }
    const refused = await report(legacyBody, "application/csp-report", from);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(logged()).toHaveLength(reportsPerMinutePerAddress);

    const bucket = `api:csp-report:${clientIpFrom(new Headers({ [clientAddressHeader]: from }))}`;
    const rows = await testDb().select().from(rateCounters).where(like(rateCounters.bucket, "api:csp-report:%"));
    expect(rows.find((row) => row.bucket === bucket)?.count).toBe(reportsPerMinutePerAddress + 1);
  });
});
