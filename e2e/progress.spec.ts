import { expectNoSeriousA11yViolations } from "./support/axe";
import { demoPassword, demoUsers, expect, SignInPage, test } from "./support/fixtures";

test.describe("my progress", () => {
  test("a student sees completed lessons and quizzes by subject", async ({ page, signInAs }) => {
    await signInAs("student");
    await page.goto("/progress");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("My progress");
    await expect(page).toHaveTitle(/^My progress · /);

    const physics = page.getByRole("region", { name: "Physics" });
    const physicsLessons = physics.getByRole("list", { name: /Completed lessons/ }).getByRole("listitem");
    await expect(physicsLessons).toHaveCount(3);
    await expect(physicsLessons.first()).toContainText("Mechanics: Motion and Forces · Position, displacement and distance · ");
    await expect(physics.getByText("3 lessons and 0 quizzes completed")).toBeVisible();
    await expect(physics.getByText("No quizzes completed yet.")).toBeVisible();

    const chemistry = page.getByRole("region", { name: "Chemistry" });
    await expect(chemistry.getByRole("list", { name: /Completed lessons/ }).getByRole("listitem")).toHaveCount(5);
    await expect(chemistry.getByText("Foundations of Chemistry").first()).toBeVisible();

    await expect(page.getByRole("heading", { level: 2 })).toHaveText(["My courses", "Chemistry", "Physics"]);
    await expectNoSeriousA11yViolations(page);
  });

  test("a guest opening the page is sent to sign in and brought back", { tag: "@one-width" }, async ({ page }) => {
    await page.goto("/progress");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fprogress$/);
    await new SignInPage(page).signIn(demoUsers.student.email, demoPassword);
    await expect(page).toHaveURL(/\/progress$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("My progress");
  });
});
