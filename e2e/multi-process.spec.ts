import { expect, test, type Browser, type Page } from "@playwright/test";
import postgres from "postgres";
import { demoPassword, demoUsers, SignInPage, signOut } from "./support/fixtures";
import { multiProcessDatabaseUrl, multiProcessOrigin } from "./support/multi-process";

// Two web processes (WORKER=off) and one worker on one PostgreSQL database, as
// docs/deployment.md runs a site on more than one server. What one process does,
// the other must see: notifications, throttles, signed-out sessions; and
// background work runs once, in the worker.
test.describe.configure({ mode: "serial" });

const webA = multiProcessOrigin("webA");
const webB = multiProcessOrigin("webB");
const sql = postgres(multiProcessDatabaseUrl()!, { max: 2, onnotice: () => {} });
test.afterAll(() => sql.end());

async function signedIn(browser: Browser, origin: string, email: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: origin })).newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(email, demoPassword);
  await expect(page).not.toHaveURL(/\/sign-in/);
  return page;
}

const badgeCount = async (page: Page) => {
  const badge = page.getByRole("link", { name: /^Notifications, / }).first();
  await expect(badge).toBeVisible();
  const name = await badge.getAttribute("aria-label");
  const match = /(\d+) unread/.exec(name ?? "");
  return match ? Number(match[1]) : 0;
};

test("an announcement posted through one web process reaches a student's live badge on the other, delivered once by the worker", async ({ browser }) => {
  test.setTimeout(120_000);
  const [course] = await sql<{ id: string }[]>`
    SELECT c.id FROM courses c
    JOIN users t ON t.id = c.teacher_id AND t.email = ${demoUsers.teacher.email}
    JOIN enrollments e ON e.course_id = c.id AND e.status = 'active'
    JOIN users s ON s.id = e.user_id AND s.email = ${demoUsers.student.email}
    WHERE c.status = 'published' LIMIT 1`;
  expect(course, "a published demo course of the teacher with the demo student in it").toBeDefined();

  // The student watches the dashboard on B; its badge is fed by B's own LISTEN.
  const student = await signedIn(browser, webB, demoUsers.student.email);
  await student.goto("/dashboard");
  const before = await badgeCount(student);

  // The teacher posts on A.
  const teacher = await signedIn(browser, webA, demoUsers.teacher.email);
  const title = `Two servers ${Date.now().toString(36)}`;
  await teacher.goto(`/teacher/courses/${course!.id}/announcements`);
  const form = teacher.getByRole("region", { name: "Post an announcement" });
  await form.getByLabel("Announcement title").fill(title);
  await form.getByLabel("Announcement message (Markdown)", { exact: true }).fill("Posted on A, read on B.");
  await form.getByRole("button", { name: "Post announcement" }).click();
  await expect(form.getByRole("status")).toHaveText("Posted: students will be notified.");

  // No reload: the worker's fan-out reaches B's stream.
  await expect(student.getByRole("link", { name: `Notifications, ${before + 1} unread`, exact: true }).first()).toBeVisible({ timeout: 30_000 });

  // The worker ran the fan-out once: one notification per student, and no student has two emails of it.
  const [counts] = await sql<{ notifications: number; students: number; emails: number; emailed: number }[]>`
    WITH posted AS (SELECT '/announcements/' || id AS tail FROM announcements WHERE title = ${title})
    SELECT
      (SELECT count(*)::int FROM notifications n, posted p WHERE n.link LIKE '%' || p.tail) AS notifications,
      (SELECT count(DISTINCT n.user_id)::int FROM notifications n, posted p WHERE n.link LIKE '%' || p.tail) AS students,
      (SELECT count(*)::int FROM email_deliveries d, posted p WHERE d.link LIKE '%' || p.tail) AS emails,
      (SELECT count(DISTINCT d.user_id)::int FROM email_deliveries d, posted p WHERE d.link LIKE '%' || p.tail) AS emailed`;
  expect(counts!.students).toBeGreaterThan(0);
  expect(counts!.notifications).toBe(counts!.students);
  expect(counts!.emails).toBe(counts!.emailed);
});

test("sign-in throttles count failures from both web processes together", async ({ browser }) => {
  const email = `nobody-${Date.now().toString(36)}@school.example`;
  const page = await (await browser.newContext()).newPage();
  // Five failures alternate between A and B; the sixth try, on B, is refused as throttled.
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.goto(`${attempt % 2 === 0 ? webA : webB}/sign-in`);
    await new SignInPage(page).signIn(email, "not-the-password");
    await expect(page.getByText("The email or password is not correct.")).toBeVisible();
  }
  await page.goto(`${webB}/sign-in`);
  await new SignInPage(page).signIn(email, "not-the-password");
  await expect(page.getByText(/Too many failed sign-in attempts/)).toBeVisible();
});

test("a session signed out on one web process is refused on the other", async ({ browser }) => {
  const student = await signedIn(browser, webA, "student2@jeevi.example");
  const copied = await student.context().cookies();

  // Cookies belong to the host, not the port: the same session works on B.
  await student.goto(`${webB}/dashboard`);
  await expect(student).toHaveURL(`${webB}/dashboard`);
  await signOut(student);

  // A copy of the cookie taken before signing out no longer works on A.
  const thief = await browser.newContext({ baseURL: webA });
  await thief.addCookies(copied);
  const page = await thief.newPage();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
});
