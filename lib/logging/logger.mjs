// The server's one logger: JSON lines (pino) an operator can search, or short
// readable lines on a developer's terminal. Plain JavaScript so scripts/serve.mjs
// loads it without a build step; lib/logging/logger.d.mts types it.
import { pino } from "pino";

export const logLevels = ["trace", "debug", "info", "warn", "error", "fatal", "silent"];

/**
 * Field names whose values never reach a log line, at the top level and one or
 * two objects down (pino's redact paths have no "any depth" form). Passwords,
 * tokens, secrets, cookies, second-factor codes and quiz answers.
 */
const secretKeys = [
  "password",
  "newPassword",
  "currentPassword",
  "passwordHash",
  "token",
  "accessToken",
  "refreshToken",
  "secret",
  "authorization",
  "cookie",
  "totp",
  "otp",
  "mfaCode",
  "recoveryCode",
  "answer",
  "answers",
  "acceptedAnswers",
];
export const redactPaths = secretKeys.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

/**
 * Database errors carry the values of the statement that failed: Drizzle puts
 * its parameters in the message (and in `params`), postgres.js in
 * `parameters`, and PostgreSQL quotes a rejected value in its message
 * (`invalid input syntax for type integer: "…"`) and a conflicting key in its
 * detail (`Key (email)=(…) already exists`). Any of them can be a password
 * hash, a token or a quiz answer.
 */
function scrub(text) {
  if (typeof text !== "string") return text;
  return text
    .replace(/\nparams: [\s\S]*?(?=\n {4}at |\ncaused by: |$)/g, "\nparams: [Redacted]")
    .replace(/: "[^"\n]*"/g, ': "[Redacted]"')
    .replace(/=\([^\n]*?\)(?= |$)/g, "=([Redacted])");
}

const valueKeys = ["params", "parameters", "where", "internalQuery"];

/** pino's error serializer, minus the values of failed statements (in messages, stacks, details and causes). */
export function serializeError(error) {
  const serialized = pino.stdSerializers.err(error);
  const clean = (value, depth = 0) => {
    if (!value || typeof value !== "object" || depth > 5) return value;
    for (const key of ["message", "stack", "detail"]) if (key in value) value[key] = scrub(value[key]);
    for (const key of valueKeys) delete value[key];
    if (value.cause) clean(value.cause, depth + 1);
    return value;
  };
  return clean(serialized);
}

/** LOG_LEVEL, or info; an unknown value is reported once and treated as info. */
export function logLevelFrom(env = process.env) {
  const wanted = (env.LOG_LEVEL ?? "").trim().toLowerCase();
  if (wanted === "") return { level: "info", problem: null };
  if (logLevels.includes(wanted)) return { level: wanted, problem: null };
  return { level: "info", problem: `LOG_LEVEL=${env.LOG_LEVEL} is not one of ${logLevels.join(", ")}; using info.` };
}

/** LOG_FORMAT (json or pretty); by default pretty only under `next dev` (NODE_ENV=development). */
export function logFormatFrom(env = process.env) {
  const wanted = (env.LOG_FORMAT ?? "").trim().toLowerCase();
  if (wanted === "json" || wanted === "pretty") return wanted;
  return env.NODE_ENV === "development" ? "pretty" : "json";
}

const levelNames = { 10: "TRACE", 20: "DEBUG", 30: "INFO", 40: "WARN", 50: "ERROR", 60: "FATAL" };

/** One JSON line as a developer reads it: time, level, message, then the fields (an error's stack last). */
export function formatPretty(line) {
  let entry;
  try {
    entry = JSON.parse(line);
  } catch {
    return line;
  }
  const { time, level, levelName: _name, msg, err, pid: _pid, ...fields } = entry;
  const clock = new Date(time ?? Date.now()).toISOString().slice(11, 23);
  const rest = Object.entries(fields)
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(" ");
  const stack = err ? `\n    ${String(err.stack ?? err.message).replace(/\n/g, "\n    ")}` : "";
  return `${clock} ${(levelNames[level] ?? String(level)).padEnd(5)} ${msg ?? ""}${rest ? ` ${rest}` : ""}${stack}\n`;
}

/**
 * A logger writing to `destination` (stdout by default). Tests pass their own
 * destination to read what would be written.
 */
export function createLogger({ level = "info", format = "json", destination } = {}) {
  const out = destination ?? process.stdout;
  const stream = format === "pretty" ? { write: (line) => out.write(formatPretty(line)) } : out;
  return pino(
    {
      level,
      base: { pid: process.pid },
      redact: { paths: redactPaths, censor: "[Redacted]" },
      serializers: { err: serializeError, error: serializeError },
      formatters: { level: (label, number) => ({ level: number, levelName: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    stream,
  );
}

const store = globalThis;

/**
 * The process's logger, shared by the server (scripts/serve.mjs) and every
 * copy of the app's modules the bundler makes: one stream, one level.
 */
export function logger() {
  if (!store.__jeeviLogger) {
    const { level, problem } = logLevelFrom();
    store.__jeeviLogger = createLogger({ level, format: logFormatFrom() });
    if (problem) store.__jeeviLogger.warn(problem);
  }
  return store.__jeeviLogger;
}
