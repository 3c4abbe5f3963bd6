import { expectNoSeriousA11yViolations } from "./support/axe";
import { createCourseWithModule, moduleCard } from "./support/course";
import { expect, test } from "./support/fixtures";
import { afterFrames } from "./support/frames";
import { addQuestion, startQuestion } from "./support/quiz-builder";
import { uniqueId } from "./support/register";

// Each run (desktop, mobile) builds its quiz in a course of its own, so the
// two never see each other's changes in the shared database.

test("a teacher builds a timed quiz with every kind of question inline, fixes a bad question and publishes it", async ({ page, signInAs, pageAs }, testInfo) => {
  test.setTimeout(180_000);
  const tag = uniqueId(testInfo.project.name);
  const moduleTitle = `Arithmetic ${tag}`;
  const quizTitle = `Number sense check ${tag}`;

  await signInAs("teacher");
  await createCourseWithModule(page, { title: `Quiz course ${tag}`, subject: "Mathematics", description: "Numbers and how to check them.", moduleTitle });

  // A new draft quiz in the module opens inline, with its address as a deep link.
  const card = moduleCard(page, moduleTitle);
  await card.getByRole("button", { name: `Add a quiz to ${moduleTitle}` }).click();
  await card.getByLabel("Quiz title").fill(quizTitle);
  await card.getByRole("button", { name: "Create quiz" }).click();
  const quiz = page.getByRole("region", { name: `Quiz: ${quizTitle}` });
  await expect(quiz).toBeVisible();
  await expect(page).toHaveURL(/\?quiz=[0-9a-f-]{36}$/);
  await expect(quiz.getByRole("heading", { name: `Quiz: ${quizTitle}` })).toBeFocused();

  // Settings: a bad attempts count is refused next to its field, then a time limit and two attempts are saved.
  const settings = quiz.getByRole("form", { name: "Quiz settings" });
  await settings.getByLabel("Time limit in minutes (optional)").fill("15");
  await settings.getByLabel("Attempts allowed").fill("0");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByText("Enter a number of attempts from 1 to 100.")).toBeVisible();
  await settings.getByLabel("Students may review their answers").selectOption("after_due");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByText("Set a due date to show answers after it.")).toBeVisible();
  await settings.getByLabel("Students may review their answers").selectOption("after_submit");
  await settings.getByLabel("Attempts allowed").fill("2");
  await settings.getByLabel("Grading method").selectOption("highest");
  await settings.getByLabel("Partial credit for multiple choice").check();
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(quiz.getByRole("status").filter({ hasText: "Quiz settings saved." })).toBeAttached();

  // Publishing an empty quiz is refused with the reason.
  await quiz.getByRole("button", { name: "Publish quiz" }).click();
  await expect(quiz.getByRole("alert")).toHaveText("Add at least one question before publishing the quiz.");

  // Single choice: saved without a correct choice first, which is refused next to the choices.
  let form = await startQuestion(quiz, "single_choice", "What is 2 + 2?", 2);
  await form.getByLabel("Choice 1", { exact: true }).fill("3");
  await form.getByLabel("Choice 2", { exact: true }).fill("4");
  await form.getByRole("button", { name: "Add question" }).click();
  await expect(form.getByText("Mark exactly one choice as correct.")).toBeVisible();
  await form.getByRole("button", { name: "Add a choice to question 1" }).click();
  await form.getByRole("button", { name: "Add question" }).click();
  await expect(form.getByText("Write the choice's text, or remove it.")).toBeVisible();
  await form.getByRole("button", { name: "Remove choice 3" }).click();
  await form.getByLabel("Correct: Choice 2").check();
  await addQuestion(quiz, form, 1, "What is 2 + 2?");

  // Multiple choice with a third choice moved to the top.
  form = await startQuestion(quiz, "multiple_choice", "Which numbers are even?", 2);
  await form.getByLabel("Choice 1", { exact: true }).fill("2");
  await form.getByLabel("Choice 2", { exact: true }).fill("3");
  await form.getByRole("button", { name: "Add a choice to question 2" }).click();
  await form.getByLabel("Choice 3", { exact: true }).fill("8");
  await form.getByRole("button", { name: "Move choice 3 up" }).click();
  await expect(form.getByLabel("Choice 2", { exact: true })).toHaveValue("8");
  await form.getByLabel("Correct: Choice 1").check();
  await form.getByLabel("Correct: Choice 2").check();
  await addQuestion(quiz, form, 2, "Which numbers are even?");
  await expect(quiz.getByText("3 choices · Correct: 2, 8")).toBeVisible();

  // True / false.
  form = await startQuestion(quiz, "true_false", "Zero is an odd number.", 1);
  await form.getByLabel("False", { exact: true }).check();
  await addQuestion(quiz, form, 3, "Zero is an odd number.");

  // Short answer with two accepted answers.
  form = await startQuestion(quiz, "short_answer", "Name the smallest prime number.", 1);
  await form.getByLabel("Accepted answer 1").fill("2");
  await form.getByRole("button", { name: "Add an accepted answer" }).click();
  await form.getByLabel("Accepted answer 2").fill("two");
  await addQuestion(quiz, form, 4, "Name the smallest prime number.");

  // Numeric: no value first (refused), then a value and a tolerance.
  form = await startQuestion(quiz, "numeric", "What is pi to two decimal places?", 2);
  await form.getByRole("button", { name: "Add question" }).click();
  await expect(form.getByText("Enter the correct value.")).toBeVisible();
  await form.getByLabel("Correct value").fill("3.14");
  await form.getByLabel("Tolerance (±)").fill("0.005");
  await addQuestion(quiz, form, 5, "What is pi to two decimal places?");
  await expect(quiz.getByText("5 questions · 8 points")).toBeVisible();

  // Reorder with Move up, then with the keyboard; edit a question's points inline.
  await quiz.getByRole("button", { name: "Move question 5 up" }).click();
  await expect(quiz.getByText("Question 4: What is pi to two decimal places?")).toBeVisible();
  await quiz.getByRole("button", { name: "Drag Question 4" }).focus();
  await page.keyboard.press("Space");
  await expect(page.getByRole("status").filter({ hasText: "Question 4 is over position 4 of 5." })).toBeAttached();
  await afterFrames(page);
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("status").filter({ hasText: "Question 4 is over position 5 of 5." })).toBeAttached();
  await page.keyboard.press("Space");
  await expect(quiz.getByText("Question 5: What is pi to two decimal places?")).toBeVisible();
  await expect(quiz.getByText("Question 4: Name the smallest prime number.")).toBeVisible();
  await quiz.getByRole("button", { name: "Edit question 1", exact: true }).click();
  const edit = quiz.getByRole("form", { name: "Edit question 1" });
  await edit.getByLabel("Points").fill("3");
  await edit.getByRole("button", { name: "Save question" }).click();
  await expect(edit).toHaveCount(0);
  await expect(quiz.getByText("5 questions · 9 points")).toBeVisible();

  await expectNoSeriousA11yViolations(page);

  // Publish; the deep link reopens the quiz as published after a reload.
  await quiz.getByRole("button", { name: "Publish quiz" }).click();
  await expect(quiz.getByRole("status").filter({ hasText: "Quiz published: students can take it." })).toBeAttached();
  await expect(quiz.getByRole("button", { name: "Unpublish quiz" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("region", { name: `Quiz: ${quizTitle}` }).getByText("Published", { exact: true })).toBeVisible();

  // Another teacher and a student get "not found" for the same address.
  const quizUrl = page.url();
  for (const role of ["teacher2", "student"] as const) {
    const other = await pageAs(role);
    expect((await other.goto(quizUrl))?.status(), role).toBe(404);
    await expect(other.getByText(quizTitle)).toHaveCount(0);
  }

  // Close it: the module lists it with its size.
  await page.getByRole("region", { name: `Quiz: ${quizTitle}` }).getByRole("link", { name: "Close quiz" }).click();
  await expect(page.getByRole("region", { name: `Quiz: ${quizTitle}` })).toHaveCount(0);
  await expect(moduleCard(page, moduleTitle).getByRole("list", { name: `Quizzes of ${moduleTitle}` }).getByText("5 questions · 9 points")).toBeVisible();
});
