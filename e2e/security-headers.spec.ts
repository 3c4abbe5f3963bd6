import type { APIResponse, Page } from "@playwright/test";
import { chromiumArgs, resolveChromiumPath } from "./support/chromium";
import { watchPolicyViolations } from "./support/csp-watch";
import { expect, test } from "./support/fixtures";

// Every kind of response carries the security headers, a foreign site cannot
// frame the app, and signed-in pages (video, charts, Markdown preview, drag
// and drop) run under the policy without a single violation. Read-only, so
// the desktop and mobile runs can share the database.

// The framing test serves its "other site" from Playwright, which Chromium
// counts as a public address and then refuses to let frame a local server at
// all (Local Network Access), whatever the headers say. Turning that check off
// leaves the site's own headers as the only thing that can refuse the frame.
test.use({
  launchOptions: {
    executablePath: resolveChromiumPath(),
    args: [...chromiumArgs, "--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessForNavigations"],
  },
});

function expectSecurityHeaders(response: APIResponse, what: string) {
  const headers = response.headers();
  expect(headers["content-security-policy"], what).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"], what).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], what).toContain("camera=()");
  expect(headers["x-frame-options"], what).toBe("DENY");
  // The e2e server is plain http: no HSTS.
  expect(headers["strict-transport-security"], what).toBeUndefined();
}

test("pages, API answers, static and public files, 404s and errors all carry the headers", { tag: "@one-width" }, async ({ request }) => {
  const page = await request.get("/sign-in");
  expect(page.status()).toBe(200);
  expectSecurityHeaders(page, "a page");

  // The nonce in the policy is on every script Next.js wrote into the page, and is new each time.
  const nonce = /'nonce-([^']+)'/.exec(page.headers()["content-security-policy"]!)![1]!;
  const html = await page.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  const again = await request.get("/sign-in");
  expect(again.headers()["content-security-policy"]).not.toContain(nonce);

  const staticFile = /\/_next\/static\/[^"]+\.js/.exec(html)![0];
  const checks: [string, string, number][] = [
    ["an API answer", "/api/v1/openapi.json", 200],
    ["a static file", staticFile, 200],
    ["a public file", "/icon.svg", 200],
    ["a missing page", "/no-such-page", 404],
    ["a missing static file", "/_next/static/no-such-file.js", 404],
    ["an API error", "/api/v1/me", 401],
    ["a guest redirect", "/admin/users", 307],
  ];
  for (const [what, path, status] of checks) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), what).toBe(status);
    expectSecurityHeaders(response, what);
  }

  const badReport = await request.post("/api/csp-report", { headers: { "Content-Type": "application/csp-report" }, data: "{not json" });
  expect(badReport.status()).toBe(400);
  expectSecurityHeaders(badReport, "a refused CSP report");
});

test("a foreign site cannot show the admin pages in a frame", { tag: "@one-width" }, async ({ page, signInAs, baseURL }) => {
  await signInAs("admin");
  const target = `${baseURL}/admin/users`;
  const framer = "http://framer.example/";
  await page.route(framer, (route) =>
    route.fulfill({ contentType: "text/html", body: `<!doctype html><title>Framer</title><iframe src="${target}" width="800" height="600"></iframe>` }),
  );
  const framedDocument = () => page.waitForResponse((response) => response.url() === target && response.request().frame() !== page.mainFrame());

  const answered = framedDocument();
  await page.goto(framer);
  const framed = await answered;
  expect((await framed.allHeaders())["content-security-policy"]).toContain("frame-ancestors 'none'");
  const frame = page.frames().find((candidate) => candidate !== page.mainFrame())!;
  await expect.poll(() => frame.url()).not.toBe(target);
  await expect(page.frameLocator("iframe").getByRole("link", { name: "Skip to content" })).not.toBeAttached();

  // A control: the same document with the two framing headers taken off does
  // load in the frame, so the check above would notice if framing were allowed.
  await page.route(target, async (route) => {
    if (route.request().frame() === page.mainFrame()) return route.fallback();
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers["content-security-policy"];
    delete headers["x-frame-options"];
    await route.fulfill({ response, headers });
  });
  const unprotected = framedDocument();
  await page.goto(framer);
  await unprotected;
  await expect(page.frameLocator("iframe").getByRole("link", { name: "Skip to content" })).toBeAttached();
});

async function expectNoViolations(found: string[], page: Page) {
  // Violation events are queued as tasks: let the page finish loading and paint once more.
  await page.waitForLoadState("load");
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
  expect(found, found.join("\n")).toEqual([]);
}

test("a student's lesson with a video embed runs under the policy", { tag: "@one-width" }, async ({ page, signInAs, baseURL }) => {
  const found = await watchPolicyViolations(page, baseURL!);
  await signInAs("student");
  await page.goto("/learn/mechanics-motion-and-forces");
  // The lesson outline is folded away on narrow screens: follow its link.
  const lesson = await page.locator("a", { hasText: "Velocity and speed" }).first().getAttribute("href");
  await page.goto(lesson!);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Velocity and speed");
  const player = page.locator('iframe[src^="https://www.youtube-nocookie.com/embed/"]');
  await expect(player).toBeVisible();
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome, Arjun Mehta");
  await expectNoViolations(found, page);
});

test("a teacher's Markdown preview and drag and drop run under the policy", { tag: "@one-width" }, async ({ page, signInAs, baseURL }) => {
  const found = await watchPolicyViolations(page, baseURL!);
  await signInAs("teacher");
  await page.goto("/teacher/courses/new");
  await page.getByLabel("Description", { exact: true }).fill("Waves carry **energy**, not matter.");
  await expect(page.getByRole("region", { name: "Preview of description" }).locator("strong")).toHaveText("energy");

  // The structure editor's drag and drop: pick a lesson up and put it back, changing nothing.
  await page.goto("/courses/thermodynamics");
  await page.getByRole("link", { name: "Edit modules and lessons" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Modules and lessons");
  const handle = page.getByRole("button", { name: /^Drag / }).first();
  await handle.focus();
  await page.keyboard.press("Space");
  await expect(page.getByRole("status").filter({ hasText: /Picked up|is over position/ })).toBeAttached();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("status").filter({ hasText: /cancelled; it is back where it was/ })).toBeAttached();
  await expectNoViolations(found, page);
});

test("an admin's report charts and user list run under the policy", { tag: "@one-width" }, async ({ page, signInAs, baseURL }) => {
  const found = await watchPolicyViolations(page, baseURL!);
  await signInAs("admin");
  await page.goto("/admin/report");
  await expect(page.getByRole("figure", { name: "Enrolments per week" }).locator("svg").first()).toBeVisible();
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoViolations(found, page);
});
