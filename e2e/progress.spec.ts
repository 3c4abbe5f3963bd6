import { expectNoSeriousA11yViolations } from "./support/axe";
import { demoPassword, demoUsers, expect, SignInPage, test } from "./support/fixtures";

const isoDate = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

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

  test("GET /api/progress/me returns the same summary as JSON, never cached", async ({ page, signInAs }) => {
    await signInAs("student");
    const response = await page.request.get("/api/progress/me");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/json");
    expect(response.headers()["cache-control"]).toContain("no-store");

    const body = await response.json();
    expect(Object.keys(body)).toEqual(["class", "subject_progress"]);
    expect(body.class).toBe(10);
    expect(Object.keys(body.subject_progress)).toEqual(["chemistry", "physics"]);
    expect(body.subject_progress.physics.completed_lessons).toHaveLength(3);
    expect(body.subject_progress.physics.completed_quizzes).toEqual([]);
    expect(body.subject_progress.chemistry.completed_lessons).toHaveLength(5);
    expect(body.subject_progress.physics.completed_lessons[0]).toEqual({
      id: expect.any(String),
      title: "Position, displacement and distance",
      course: "mechanics-motion-and-forces",
      course_title: "Mechanics: Motion and Forces",
      completed_at: expect.stringMatching(isoDate),
    });
  });

  test("a guest asking the API gets 401 and no data", async ({ request }) => {
    const response = await request.get("/api/progress/me");
    expect(response.status()).toBe(401);
    expect(response.headers()["cache-control"]).toContain("no-store");
    expect(await response.json()).toEqual({ error: "Sign in to see your progress." });
  });

  test("a teacher asking the API gets 403", async ({ page, signInAs }) => {
    await signInAs("teacher");
    const response = await page.request.get("/api/progress/me");
    expect(response.status()).toBe(403);
    expect(await response.json()).not.toHaveProperty("subject_progress");
  });

  test("a guest opening the page is sent to sign in and brought back", async ({ page }) => {
    await page.goto("/progress");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fprogress$/);
    await new SignInPage(page).signIn(demoUsers.student.email, demoPassword);
    await expect(page).toHaveURL(/\/progress$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("My progress");
  });
});
