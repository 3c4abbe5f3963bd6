// Session lifetime, from SESSION_MAX_AGE and SESSION_IDLE_TIMEOUT, parsed once
// and validated so that a typo stops the server with a clear message instead
// of silently giving sessions a lifetime nobody chose.

export interface SessionConfig {
  /** How long a session lasts from sign-in, whatever its activity. */
  maxAgeMs: number;
  /** How long a session may go unused before it ends; null when off. */
  idleTimeoutMs: number | null;
}

export class SessionConfigError extends Error {}

const unitMs = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const durationShape = /^(\d{1,7})\s*([smhd]?)$/i;

const minuteMs = unitMs.m;
// Browsers keep a cookie at most 400 days, so a longer session could not be kept anyway.
const longestMs = 400 * unitMs.d;
export const defaultSessionConfig: SessionConfig = { maxAgeMs: 30 * unitMs.d, idleTimeoutMs: 7 * unitMs.d };

/** "30d", "12h", "90m", "45s", or a bare number of seconds; null for anything else. */
export function parseDuration(raw: string): number | null {
  const match = durationShape.exec(raw.trim());
  if (!match) return null;
  const unit = (match[2] || "s").toLowerCase() as keyof typeof unitMs;
  return Number(match[1]) * unitMs[unit];
}

function durationFrom(variable: string, raw: string): number {
  const ms = parseDuration(raw);
  if (ms === null || ms < 5 * minuteMs || ms > longestMs) {
    throw new SessionConfigError(
      `${variable} must be a duration from 5 minutes to 400 days, such as "30d", "12h" or "90m" (a bare number is seconds), not "${raw}".`,
    );
  }
  return ms;
}

/** Reads the two variables; unset means the defaults (30 days, 7 days idle). */
export function parseSessionConfig(env: Record<string, string | undefined>): SessionConfig {
  const maxAgeRaw = env.SESSION_MAX_AGE?.trim();
  const idleRaw = env.SESSION_IDLE_TIMEOUT?.trim();
  const maxAgeMs = maxAgeRaw ? durationFrom("SESSION_MAX_AGE", maxAgeRaw) : defaultSessionConfig.maxAgeMs;
  let idleTimeoutMs: number | null = defaultSessionConfig.idleTimeoutMs;
  if (idleRaw) idleTimeoutMs = /^(off|0)$/i.test(idleRaw) ? null : durationFrom("SESSION_IDLE_TIMEOUT", idleRaw);
  // An idle timeout at least as long as the lifetime can never fire: say so rather than pretend.
  if (idleTimeoutMs !== null && idleTimeoutMs >= maxAgeMs) idleTimeoutMs = null;
  return { maxAgeMs, idleTimeoutMs };
}

let cached: SessionConfig | undefined;

/** The running server's session settings, read from the environment on first use. */
export function sessionConfig(): SessionConfig {
  cached ??= parseSessionConfig(process.env);
  return cached;
}
