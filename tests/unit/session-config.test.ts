import { describe, expect, it } from "vitest";
import { defaultSessionConfig, parseDuration, parseSessionConfig, SessionConfigError } from "@/lib/sessions/config";

const minute = 60_000;
const day = 24 * 60 * minute;

describe("parseDuration", () => {
  it.each([
    ["30d", 30 * day],
    ["12h", 12 * 60 * minute],
    ["90m", 90 * minute],
    ["45s", 45_000],
    ["3600", 3_600_000],
    [" 7D ", 7 * day],
  ])("reads %s", (raw, ms) => expect(parseDuration(raw)).toBe(ms));

  it.each(["", "d", "-5m", "1.5h", "30 days", "1w", "0x10"])("refuses %j", (raw) => expect(parseDuration(raw)).toBeNull());
});

describe("parseSessionConfig", () => {
  it("defaults to 30 days with 7 days idle", () => {
    expect(parseSessionConfig({})).toEqual({ maxAgeMs: 30 * day, idleTimeoutMs: 7 * day });
    expect(parseSessionConfig({ SESSION_MAX_AGE: "  ", SESSION_IDLE_TIMEOUT: "" })).toEqual(defaultSessionConfig);
  });

  it("takes both variables", () => {
    expect(parseSessionConfig({ SESSION_MAX_AGE: "8h", SESSION_IDLE_TIMEOUT: "30m" })).toEqual({ maxAgeMs: 8 * 60 * minute, idleTimeoutMs: 30 * minute });
  });

  it.each(["off", "OFF", "0"])("turns the idle timeout off with %s", (raw) => {
    expect(parseSessionConfig({ SESSION_IDLE_TIMEOUT: raw }).idleTimeoutMs).toBeNull();
  });

  it("an idle timeout no shorter than the lifetime could never fire, so it is off", () => {
    expect(parseSessionConfig({ SESSION_MAX_AGE: "1d", SESSION_IDLE_TIMEOUT: "2d" })).toEqual({ maxAgeMs: day, idleTimeoutMs: null });
  });

  it.each([
    ["SESSION_MAX_AGE", "thirty days"],
    ["SESSION_MAX_AGE", "0"],
    ["SESSION_MAX_AGE", "4m"],
    ["SESSION_MAX_AGE", "401d"],
    ["SESSION_IDLE_TIMEOUT", "soon"],
    ["SESSION_IDLE_TIMEOUT", "1m"],
  ])("refuses %s=%s with a message naming the variable", (variable, raw) => {
    expect(() => parseSessionConfig({ [variable]: raw })).toThrow(SessionConfigError);
    expect(() => parseSessionConfig({ [variable]: raw })).toThrow(new RegExp(`^${variable} must be a duration`));
  });
});
