import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

export const demoPassword = "jeevi-demo-2026";
export const demoUsers = {
  student: { email: "student@jeevi.example", name: "Arjun Mehta", dashboard: "/dashboard", heading: "Welcome, Arjun Mehta" },
  teacher: { email: "teacher@jeevi.example", name: "Meera Kapoor", dashboard: "/teacher", heading: "My courses" },
  // Teaches other demo courses than `teacher`: the one to try someone else's course with.
  teacher2: { email: "teacher2@jeevi.example", name: "Daniel Okafor", dashboard: "/teacher", heading: "My courses" },
  admin: { email: "admin@jeevi.example", name: "Asha Raman", dashboard: "/admin", heading: "Administration" },
} as const;
export type DemoRole = keyof typeof demoUsers;

/** The sign-in page, as a user sees it. */
export class SignInPage {
  constructor(readonly page: Page) {}

  async goto(callbackUrl?: string) {
    await this.page.goto(callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in");
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in", exact: true }).click();
  }
}

/**
 * A second person at the same time: a browser context of its own (pass the
 * test's viewport and user agent to keep its width), signed in as `email`.
 * Close it with `page.context().close()`.
 */
export async function signedInPage(browser: Browser, email: string, contextOptions: Parameters<Browser["newContext"]>[0]) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(email, demoPassword);
  await expect(page).not.toHaveURL(/\/sign-in/);
  return page;
}

/** The header's account controls, on a wide screen or behind the mobile menu. */
export async function openAccountMenu(page: Page) {
  // Wide screens show the account menu; narrow ones show "Menu" instead.
  await page.locator("header summary:visible").first().click();
}

export async function signOut(page: Page) {
  await openAccountMenu(page);
  await page.getByRole("button", { name: "Sign out", exact: true }).filter({ visible: true }).click();
  // Signing out ends on the home page as a guest; wait for it before going on.
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "Sign in" }).filter({ visible: true }).first()).toBeVisible();
}

export type Cookies = Awaited<ReturnType<BrowserContext["cookies"]>>;

/** The session `page` is signed in with now: hand it to `useSession` to come back to it later without signing in again. */
export const sessionOf = (page: Page): Promise<Cookies> => page.context().cookies();

/**
 * Makes `page`'s browser the one holding `session` (from `sessionOf`), as if that person
 * came back to it; the session it held before stays open on the server. Switching people
 * this way instead of signing out and in again spares a sign-out, a sign-in form and its
 * password hash each time; auth.spec.ts tests the form and signing out themselves.
 */
export async function useSession(page: Page, session: Cookies) {
  await page.context().clearCookies();
  await page.context().addCookies(session);
}

/** Signs `page` in through the form as the demo `role` and waits for its dashboard. */
async function signInThroughForm(page: Page, role: DemoRole) {
  const user = demoUsers[role];
  const signInPage = new SignInPage(page);
  await signInPage.goto();
  await signInPage.signIn(user.email, demoPassword);
  await expect(page).toHaveURL(new RegExp(`${user.dashboard}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(user.heading);
}

/** `page` signed in as `role` on its dashboard: with the worker's saved session if it is still open, else through the form. */
async function becomeDemoUser(page: Page, role: DemoRole, demoSessions: Map<DemoRole, Cookies>) {
  const user = demoUsers[role];
  const context = page.context();
  await context.clearCookies();
  const saved = demoSessions.get(role);
  if (saved) {
    await context.addCookies(saved);
    await page.goto(user.dashboard);
    // A session ended since (signed out, expired) lands on the sign-in page instead: sign in again.
    if (new URL(page.url()).pathname === user.dashboard) {
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(user.heading);
      return;
    }
    await context.clearCookies();
  }
  await signInThroughForm(page, role);
  demoSessions.set(role, await context.cookies());
}

export const test = base.extend<
  { signInAs: (role: DemoRole) => Promise<void>; pageAs: (role: DemoRole) => Promise<Page> },
  { demoSessions: Map<DemoRole, Cookies> }
>({
  // One sign-in per demo role per worker, kept for the worker's later tests: signing in through the form in
  // every test cost a page, a password hash and a redirect each time. auth.spec.ts covers the form itself.
  // Per worker, not shared: a worker runs one test at a time, so a test that signs out (and so may end the
  // session on the server) cannot pull a session from under another test that is using it.
  demoSessions: [
    // Playwright's fixture callback is named `use`, which the React hooks rule mistakes for React's.
    async ({}, provide) => provide(new Map()),
    { scope: "worker" },
  ],
  /** Signs the test's own `page` in as a demo role, on its dashboard. */
  signInAs: async ({ page, demoSessions }, provide) => {
    await provide((role) => becomeDemoUser(page, role, demoSessions));
  },
  /**
   * A second person at the same time: a new browser of the test's own width, signed in as a demo
   * role (the worker's saved session, as signInAs) and on its dashboard. Closed when the test ends.
   * The same role in `page` and in a `pageAs` browser share one session: sign neither out.
   */
  pageAs: async ({ browser, demoSessions, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, baseURL }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (role) => {
      const context = await browser.newContext({ viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, baseURL });
      contexts.push(context);
      const page = await context.newPage();
      await becomeDemoUser(page, role, demoSessions);
      return page;
    });
    for (const context of contexts) await context.close();
  },
});

export { expect };
