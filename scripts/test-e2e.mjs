// npm run test:e2e: make sure a browser exists, build, then run Playwright.
import { execSync, spawnSync } from "node:child_process";
import fs from "node:fs";

const has = (command) => spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
const run = (command, args, env = process.env) => spawnSync(command, args, { stdio: "inherit", env }).status === 0;

function browserAvailable() {
  if (process.env.CHROMIUM_PATH && fs.existsSync(process.env.CHROMIUM_PATH)) return true;
  return has("chromium-headless-shell") || has("chromium") || has("chromium-browser");
}

function playwrightBrowserInstalled() {
  try {
    const output = execSync("node -e \"console.log(require('@playwright/test').chromium.executablePath())\"", {
      encoding: "utf8",
    }).trim();
    return fs.existsSync(output);
  } catch {
    return false;
  }
}

if (!browserAvailable() && !playwrightBrowserInstalled()) {
  console.log("No Chromium found: installing Debian's chromium-headless-shell...");
  const sudo = process.getuid?.() === 0 ? [] : has("sudo") ? ["sudo", "-n"] : null;
  const aptOk =
    sudo !== null &&
    has("apt-get") &&
    run(sudo[0] ?? "apt-get", [...sudo.slice(1), ...(sudo.length ? ["apt-get"] : []), "update", "-qq"]) &&
    ["chromium-headless-shell", "chromium"].some((name) =>
      run(sudo[0] ?? "apt-get", [...sudo.slice(1), ...(sudo.length ? ["apt-get"] : []), "install", "-y", "-qq", name], {
        ...process.env,
        DEBIAN_FRONTEND: "noninteractive",
      }),
    );
  if (!aptOk || !browserAvailable()) {
    console.log("Debian's chromium is not available here; trying Playwright's own browser download...");
    if (!run("npx", ["playwright", "install", "chromium"]) || !playwrightBrowserInstalled()) {
      console.error(
        "\nThe end-to-end tests need Chromium and none could be installed.\n" +
          "Install one yourself: `sudo apt-get install chromium-headless-shell` (Debian/Ubuntu) or `npx playwright install chromium`,\n" +
          "or point CHROMIUM_PATH at a Chromium or Chrome binary.\n",
      );
      process.exit(1);
    }
  }
}

if (!process.env.E2E_SKIP_BUILD && !run(process.execPath, ["node_modules/next/dist/bin/next", "build"])) process.exit(1);
process.exit(run("npx", ["playwright", "test", ...process.argv.slice(2)]) ? 0 : 1);
