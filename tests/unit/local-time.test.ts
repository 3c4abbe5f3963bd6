import { describe, expect, it } from "vitest";
import { formatLocalTime } from "@/components/ui/local-time";

describe("formatLocalTime", () => {
  it("names the zone it shows a moment in", () => {
    const at = new Date("2026-12-10T17:00:00Z");
    expect(formatLocalTime(at, "UTC")).toBe("10 Dec 2026, 17:00 UTC");
    expect(formatLocalTime(at, "Asia/Kolkata")).toBe("10 Dec 2026, 22:30 GMT+5:30");
  });
});
