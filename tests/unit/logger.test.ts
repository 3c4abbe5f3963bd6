import { describe, expect, it } from "vitest";
import { createLogger, formatPretty, logFormatFrom, logLevelFrom } from "@/lib/logging/logger.mjs";

function capture(level: "debug" | "info" = "info") {
  const lines: string[] = [];
  const log = createLogger({ level, destination: { write: (line: string) => lines.push(line) } });
  return { log, entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>), raw: () => lines.join("") };
}

describe("the logger", () => {
  it("writes one JSON line per entry with the level, time and message", () => {
    const { log, entries } = capture();
    log.info({ route: "/courses/[courseId]", status: 200 }, "request");
    const [entry] = entries();
    expect(entry).toMatchObject({ level: 30, levelName: "info", msg: "request", route: "/courses/[courseId]", status: 200 });
    expect(typeof entry!.time).toBe("string");
  });

  it("never writes passwords, tokens, cookies, codes or answers, at the top level or nested", () => {
    const { log, raw } = capture();
    log.info(
      {
        password: "hunter2-top",
        token: "tok-top",
        input: { newPassword: "hunter2-nested", answers: ["the-answer"], totp: "123456" },
        request: { headers: { authorization: "Bearer secret-bearer", cookie: "authjs.session-token=cookie-value" } },
      },
      "something happened",
    );
    const text = raw();
    for (const secret of ["hunter2-top", "tok-top", "hunter2-nested", "the-answer", "123456", "secret-bearer", "cookie-value"]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain("[Redacted]");
    expect(text).toContain("something happened");
  });

  it("removes a failed statement's parameters from an error's message and stack, and keeps the rest", () => {
    const { log, raw, entries } = capture();
    const error = Object.assign(new Error("Failed query: update users set password_hash = $1\nparams: $argon2id$secret-hash"), {
      code: "23505",
    });
    log.error({ err: error }, "action: unexpected error");
    expect(raw()).not.toContain("secret-hash");
    const err = entries()[0]!.err as Record<string, string>;
    expect(err.message).toBe("Failed query: update users set password_hash = $1\nparams: [Redacted]");
    expect(err.stack).toContain("at ");
    expect(err.code).toBe("23505");
  });

  it("removes the values PostgreSQL and the drivers attach to an error, also in its cause", () => {
    const { log, raw, entries } = capture();
    const cause = Object.assign(new Error('invalid input syntax for type integer: "answer-in-cause"'), {
      detail: "Key (email)=(someone@example.com) already exists.",
    });
    const error = Object.assign(new Error("Failed query: select $1::int\nparams: answer-in-params", { cause }), {
      params: ["answer-in-property"],
      parameters: ["answer-in-parameters"],
      detail: "Key (email)=(someone@example.com) already exists.",
    });
    log.error({ err: error }, "failed");
    for (const secret of ["answer-in-cause", "answer-in-params", "answer-in-property", "answer-in-parameters", "someone@example.com"]) {
      expect(raw()).not.toContain(secret);
    }
    const err = entries()[0]!.err as Record<string, string>;
    expect(err.detail).toBe("Key (email)=([Redacted]) already exists.");
    expect(err.stack).toContain('invalid input syntax for type integer: "[Redacted]"');
  });

  it("respects the level", () => {
    const { log, entries } = capture("info");
    log.debug("hidden");
    log.info("shown");
    expect(entries().map((entry) => entry.msg)).toEqual(["shown"]);
  });

  it("reads LOG_LEVEL and LOG_FORMAT, and says so when LOG_LEVEL is unknown", () => {
    expect(logLevelFrom({})).toEqual({ level: "info", problem: null });
    expect(logLevelFrom({ LOG_LEVEL: " Debug " })).toEqual({ level: "debug", problem: null });
    expect(logLevelFrom({ LOG_LEVEL: "verbose" })).toMatchObject({ level: "info", problem: expect.stringMatching(/LOG_LEVEL=verbose/) });
    expect(logFormatFrom({ NODE_ENV: "production" })).toBe("json");
    expect(logFormatFrom({ NODE_ENV: "development" })).toBe("pretty");
    expect(logFormatFrom({ NODE_ENV: "development", LOG_FORMAT: "json" })).toBe("json");
    expect(logFormatFrom({ NODE_ENV: "production", LOG_FORMAT: "pretty" })).toBe("pretty");
  });

  it("formats a line for a developer's terminal, redacted like the JSON", () => {
    const lines: string[] = [];
    const log = createLogger({ format: "pretty", destination: { write: (line: string) => lines.push(line) } });
    log.info({ route: "/sign-in", status: 303, password: "pretty-secret" }, "request");
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO {2}request route=\/sign-in status=303 password=\[Redacted\]\n$/);
    expect(formatPretty("not json")).toBe("not json");
  });
});
