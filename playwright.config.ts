import { defineConfig, devices } from "@playwright/test";
import { chromiumArgs, resolveChromiumPath } from "./e2e/support/chromium";
import { multiProcessOrigin, multiProcessPorts } from "./e2e/support/multi-process";

const port = Number(process.env.E2E_PORT ?? 3100);
const executablePath = resolveChromiumPath();
const launchOptions = { executablePath, args: chromiumArgs };
// Two web processes and a worker on one PostgreSQL database: only with a server to put it on.
const multiProcess = Boolean(process.env.E2E_DATABASE_URL);
const multiProcessSpec = /multi-process\.spec\.ts$/;

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // Recording a trace costs every test a DOM snapshot per action (about a third of
    // the suite's time here): record one only when a test is run again after a failure.
    // Locally, `npx playwright test --trace=retain-on-failure` keeps one for each failure.
    trace: "on-first-retry",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "desktop", testIgnore: multiProcessSpec, use: { ...devices["Desktop Chrome"], channel: undefined, launchOptions } },
    // A test tagged @one-width checks what no screen width changes (headers, redirects, refusals,
    // address parameters, its own viewport): the phone run would only repeat it.
    { name: "mobile", testIgnore: multiProcessSpec, grepInvert: /@one-width/, use: { ...devices["Pixel 7"], launchOptions } },
    ...(multiProcess
      ? [{ name: "multi-process", testMatch: multiProcessSpec, use: { ...devices["Desktop Chrome"], channel: undefined, launchOptions } }]
      : []),
  ],
  // A production build on its own fresh embedded database with the demo data; and, with
  // E2E_DATABASE_URL, the multi-process site (scripts/multi-process-site.mjs).
  webServer: [
    {
      command: "node scripts/e2e-server.mjs",
      url: `http://127.0.0.1:${port}/sign-in`,
      env: { E2E_PORT: String(port) },
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: "pipe",
      stderr: "pipe",
    },
    ...(multiProcess
      ? [
          {
            command: `node scripts/multi-process-site.mjs ${multiProcessPorts.webA} ${multiProcessPorts.webB}`,
            url: `${multiProcessOrigin("webB")}/sign-in`,
            reuseExistingServer: false,
            timeout: 180_000,
            stdout: "pipe" as const,
            stderr: "pipe" as const,
          },
        ]
      : []),
  ],
});
