import { expectNoSeriousA11yViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";
import { registerStudent, uniqueId } from "./support/register";

// The seeded quiz "Linear equations check" (algebra-essentials): 5 questions,
// 6 points, 10 minutes, two attempts, review after submitting. These texts
// belong to the answers only: explanations and an accepted answer.
const secrets = [
  "Subtract 2 from both sides",
  "An equation states that two expressions are equal",
  "Multiplying out the bracket",
  "sometimes called an unknown",
  "12 / 5",
  "an unknown\"",
];

test("a new student takes the seeded quiz: answers, reloads, submits with the unanswered confirm, reviews, starts again", async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  await page.goto("/register?callbackUrl=%2Fcourses%2Falgebra-essentials");
  await registerStudent(page, uniqueId(testInfo.project.name));
  await expect(page).toHaveURL(/\/courses\/algebra-essentials$/);
  await page.getByRole("button", { name: "Enrol in this course" }).click();
  await page.getByRole("link", { name: "Linear equations check" }).click();

  // Intro.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Linear equations check");
  await expect(page.getByText("5 · 6 points")).toBeVisible();
  await expect(page.getByText("10 min", { exact: true })).toBeVisible();
  await expect(page.getByText("0 used · 2 left")).toBeVisible();
  await expect(page.getByText("You have not attempted this quiz yet.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Start attempt 1" }).click();

  // The attempt.
  await expect(page).toHaveURL(/\/quiz\/[0-9a-f-]+\/attempt\/[0-9a-f-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Linear equations check: attempt 1");
  await expect(page.getByRole("timer")).toHaveText(/^(10:00|9:[0-5]\d)$/);
  await expect(page.getByText("5 of 5 unanswered")).toBeVisible();
  await expect(page.getByLabel("Your answer (a number)")).toHaveAttribute("inputmode", "decimal");
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel("x = 3", { exact: true }).check();
  await page.getByLabel("Your answer", { exact: true }).fill("variable");
  await page.getByLabel("Your answer", { exact: true }).blur();
  await expect(page.getByText("Saved", { exact: true })).toHaveCount(2);
  await expect(page.getByText("3 of 5 unanswered")).toBeVisible();

  // No leak: the page's HTML and its RSC payload, fetched as this student.
  const attemptUrl = page.url();
  for (const headers of [{}, { RSC: "1" }] as Record<string, string>[]) {
    const response = await page.request.get(attemptUrl, { headers });
    expect(response.status()).toBe(200);
    const body = await response.text();
    expect(body).toContain("Solve");
    for (const secret of secrets) expect(body).not.toContain(secret);
    expect(body).not.toMatch(/isCorrect|acceptedAnswers|numericValue|explanation/);
  }

  // Halfway: a reload keeps every saved answer.
  await page.reload();
  await expect(page.getByLabel("x = 3", { exact: true })).toBeChecked();
  await expect(page.getByLabel("Your answer", { exact: true })).toHaveValue("variable");
  await expect(page.getByText("3 of 5 unanswered")).toBeVisible();

  await page.getByLabel("True", { exact: true }).check();
  await expect(page.getByText("Saved", { exact: true })).toHaveCount(3);
  await page.getByRole("button", { name: "Submit attempt" }).click();
  const dialog = page.getByRole("dialog", { name: "Submit with unanswered questions?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("2 questions are still unanswered");
  await dialog.getByRole("button", { name: "Submit anyway" }).click();

  // The result, focused, with the review the quiz allows after submitting.
  const heading = page.getByRole("heading", { level: 1, name: "Linear equations check: attempt 1 result" });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
  await expect(page.getByText("3 of 6 points", { exact: true })).toBeVisible();
  await expect(page.getByText("50%", { exact: true })).toBeVisible();
  const review = page.getByRole("region", { name: "Review" });
  await expect(review.getByText("Subtract 2 from both sides", { exact: false })).toBeVisible();
  await expect(review.getByText("Correct", { exact: true })).toHaveCount(3);
  await expect(review.getByText("Not answered", { exact: true })).toHaveCount(2);
  await expect(page.getByRole("link", { name: "Attempt 1 (result)" })).toBeVisible();
  // The same texts the leak check looks for are there once the review is allowed: the check can fail.
  const resultBody = await (await page.request.get(page.url())).text();
  for (const secret of secrets.slice(0, 5)) expect(resultBody).toContain(secret);
  await expectNoSeriousA11yViolations(page);

  // The submitted attempt's page now shows its result.
  await page.goto(attemptUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Linear equations check: attempt 1 result");

  // The second (and last) attempt starts empty.
  await page.getByRole("button", { name: "Start attempt 2" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Linear equations check: attempt 2");
  await expect(page.getByText("5 of 5 unanswered")).toBeVisible();
  await page.getByRole("link", { name: "Linear equations check" }).click();
  await expect(page.getByText("2 used · 0 left")).toBeVisible();
  // The score so far, and the first attempt's row in the history.
  await expect(page.getByText("3 of 6 points · 50%")).toHaveCount(2);
  await expect(page.getByRole("button", { name: "Resume attempt 2" })).toBeVisible();
});

test("the countdown follows the server's deadline, not the browser's clock; a failed save is retried; the page submits when time is up", { tag: "@one-width" }, async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  // The browser's clock is three hours ahead of the server's.
  await page.clock.install({ time: new Date(Date.now() + 3 * 60 * 60_000) });
  await page.goto("/register?callbackUrl=%2Fcourses%2Falgebra-essentials");
  await registerStudent(page, uniqueId(testInfo.project.name));
  await page.getByRole("button", { name: "Enrol in this course" }).click();
  await page.getByRole("link", { name: "Linear equations check" }).click();
  await page.getByRole("button", { name: "Start attempt 1" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Linear equations check: attempt 1");
  await expect(page.getByRole("timer")).toHaveText(/^(10:00|9:[0-5]\d)$/);

  await page.getByLabel("x = 3", { exact: true }).check();
  await expect(page.getByText("Saved", { exact: true })).toHaveCount(1);

  // The network drops the next save: the question says so and the save is retried until it goes through.
  let dropped = 0;
  await page.route(page.url(), async (route) => {
    if (route.request().method() === "POST" && dropped === 0) {
      dropped++;
      await route.abort("internetdisconnected");
    } else {
      await route.continue();
    }
  });
  await page.getByLabel("Your answer", { exact: true }).fill("variable");
  await page.getByLabel("Your answer", { exact: true }).blur();
  await expect(page.getByText("Not saved — retrying")).toBeVisible();
  await expect(page.getByText("Saved", { exact: true })).toHaveCount(2);
  expect(dropped).toBe(1);

  // A number box says when what is typed is not a number.
  await page.getByLabel("Your answer (a number)").fill("2.4 cm");
  await expect(page.getByText("This is not a number yet", { exact: false })).toBeVisible();
  await page.getByLabel("Your answer (a number)").fill("-2.4");
  await expect(page.getByText("This is not a number yet", { exact: false })).toHaveCount(0);

  // Ten minutes pass in the browser: the page submits by itself and shows the result.
  await page.clock.fastForward("10:00");
  await expect(page.getByRole("heading", { level: 1, name: "Linear equations check: attempt 1 result" })).toBeVisible();
  await expect(page.getByText("2 of 6 points", { exact: true })).toBeVisible();
});
