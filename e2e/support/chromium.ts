import { execFileSync } from "node:child_process";
import fs from "node:fs";

/**
 * The browser Playwright drives: CHROMIUM_PATH when set, else Debian's chromium
 * on the PATH, else (undefined) Playwright's own download.
 */
export function resolveChromiumPath(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
  for (const name of ["chromium", "chromium-browser"]) {
    try {
      const found = execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim();
      if (found) return found;
    } catch {
      // Not on the PATH.
    }
  }
  return undefined;
}

// Flags for a sandboxed CI container with no network but the loopback.
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
