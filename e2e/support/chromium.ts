import { execFileSync } from "node:child_process";
import fs from "node:fs";

/**
 * The browser Playwright drives: CHROMIUM_PATH when set, else Debian's headless
 * shell, else Debian's chromium on the PATH, else (undefined) Playwright's own download.
 * The headless shell comes first because it is the browser without its own user
 * interface: the full chromium in headless mode still runs the browser's WebUI
 * renderers, and on a 2-core machine the suite took about a quarter longer with it.
 */
export function resolveChromiumPath(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
  for (const name of ["chromium-headless-shell", "chromium", "chromium-browser"]) {
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
