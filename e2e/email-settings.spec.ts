import type { Page } from "@playwright/test";
import { createUnsubscribeToken } from "../lib/email/unsubscribe-token";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";
import { registerStudent, uniqueId } from "./support/register";

// The secret scripts/e2e-server.mjs gives the server, so the test can sign a
// link exactly as an email would carry it.
const e2eSecret = "e2e-only-secret-not-for-production-0123456789";

async function newStudent(page: Page, projectName: string) {
  await page.goto("/register");
  await registerStudent(page, uniqueId(projectName));
  await expect(page).toHaveURL(/\/dashboard$/);
  const session = (await (await page.request.get("/api/auth/session")).json()) as { user: { id: string } };
  return session.user.id;
}

const channelGroup = (page: Page, label: string) => page.getByRole("group", { name: label });

test("a student chooses how to hear of each kind of notification, and the choice is kept", async ({ page }, testInfo) => {
  await newStudent(page, testInfo.project.name);
  await page.goto("/settings/notifications");
  await expect(page.getByRole("heading", { level: 1, name: "Notification settings" })).toBeVisible();
  await expect(channelGroup(page, "Grades").getByLabel("In-app and email")).toBeChecked();
  await expectNoSeriousA11yViolations(page);

  await channelGroup(page, "Grades").getByLabel("In-app only").check();
  await channelGroup(page, "New lessons").getByLabel("None").check();
  await page.getByLabel("Send me one daily digest instead of separate emails").check();
  await page.getByRole("button", { name: "Save choices" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your choices are saved." })).toBeVisible();

  await page.reload();
  await expect(channelGroup(page, "Grades").getByLabel("In-app only")).toBeChecked();
  await expect(channelGroup(page, "New lessons").getByLabel("None")).toBeChecked();
  await expect(channelGroup(page, "Announcements").getByLabel("In-app and email")).toBeChecked();
  await expect(page.getByLabel("Send me one daily digest instead of separate emails")).toBeChecked();
});

test("the unsubscribe link asks first, then turns that email off, and the settings page shows it", async ({ page }, testInfo) => {
  const userId = await newStudent(page, testInfo.project.name);
  const token = createUnsubscribeToken({ userId, type: "announcement.posted" }, e2eSecret);

  await page.goto(`/unsubscribe?token=${encodeURIComponent(token)}`);
  await expect(page.getByRole("heading", { level: 1, name: "Unsubscribe from email" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // Opening the link changed nothing.
  await page.goto("/settings/notifications");
  await expect(channelGroup(page, "Announcements").getByLabel("In-app and email")).toBeChecked();

  await page.goto(`/unsubscribe?token=${encodeURIComponent(token)}`);
  await page.getByRole("button", { name: "Turn off email about announcements" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "You are unsubscribed" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.goto("/settings/notifications");
  await expect(channelGroup(page, "Announcements").getByLabel("In-app only")).toBeChecked();
  await expect(channelGroup(page, "Grades").getByLabel("In-app and email")).toBeChecked();
});

test("a tampered unsubscribe link changes nothing and says so", { tag: "@one-width" }, async ({ page }, testInfo) => {
  const userId = await newStudent(page, testInfo.project.name);
  const token = createUnsubscribeToken({ userId, type: "all" }, e2eSecret);
  const response = await page.goto(`/unsubscribe?token=${encodeURIComponent(`${token.slice(0, -2)}xx`)}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "This unsubscribe link is not valid" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Turn off/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

test("an admin sees the job queues and the outbox, where mail goes without a mail server, and filters it by status", async ({ page, signInAs }) => {
  await signInAs("admin");
  await page.goto("/admin/outbox");
  await expect(page.getByRole("heading", { level: 1, name: "Outbox" })).toBeVisible();
  await expect(page.getByText(/Mail is written as \.eml files under/)).toBeVisible();
  // The job queues above the email list, every queue listed with its counts.
  await expect(page.getByRole("heading", { level: 2, name: "Background jobs" })).toBeVisible();
  const queues = page.getByRole("region", { name: "Job queues" });
  for (const queue of ["notification-events", "email.send", "quiz-attempt-sweep"]) {
    await expect(queues.getByRole("rowheader", { name: queue, exact: true })).toBeVisible();
  }
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel("Status").selectOption("failed");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/\/admin\/outbox\?status=failed$/);
  await expect(page.getByLabel("Status")).toHaveValue("failed");
});
