import { describe, expect, it } from "vitest";
import { maxEmailAttempts, retryDelayMs } from "@/lib/email/backoff";
import { escapeHtml } from "@/lib/email/render";
import { digestWindowStart } from "@/lib/email/send-digests";

describe("email scheduling", () => {
  it("backs off 1, 5, 25, 125 minutes, then at most 6 hours", () => {
    expect(Array.from({ length: maxEmailAttempts }, (_, i) => retryDelayMs(i + 1) / 60_000)).toEqual([1, 5, 25, 125, 360, 360]);
  });

  it("opens the day's digest at the digest hour, UTC", () => {
    expect(digestWindowStart(new Date("2030-01-10T23:30:00Z"), 7).toISOString()).toBe("2030-01-10T07:00:00.000Z");
    expect(digestWindowStart(new Date("2030-01-11T00:10:00Z"), 7).toISOString()).toBe("2030-01-11T07:00:00.000Z");
    expect(digestWindowStart(new Date("2030-01-11T00:10:00Z"), 0).toISOString()).toBe("2030-01-11T00:00:00.000Z");
  });

  it("escapes everything HTML would read as markup", () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });
});
