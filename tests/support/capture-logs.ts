import { createLogger } from "@/lib/logging/logger.mjs";

export interface LogEntry {
  levelName: string;
  msg: string;
  [field: string]: unknown;
}

/**
 * Points the process's logger (lib/logging/logger.mjs) at a list for the
 * test's duration, at debug level; `restore()` puts the real one back.
 */
export function captureLogs() {
  const store = globalThis as unknown as { __jeeviLogger?: unknown };
  const previous = store.__jeeviLogger;
  const lines: string[] = [];
  store.__jeeviLogger = createLogger({ level: "debug", destination: { write: (line: string) => lines.push(line) } });
  const entries = () => lines.map((line) => JSON.parse(line) as LogEntry);
  return {
    entries,
    /** Entries at one level (error, warn…). */
    at: (level: string) => entries().filter((entry) => entry.levelName === level),
    text: () => lines.join(""),
    clear: () => void lines.splice(0),
    restore: () => void (store.__jeeviLogger = previous),
  };
}
