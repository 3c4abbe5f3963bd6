import { expectNoSeriousA11yViolations } from "./support/axe";
import { addTextLesson, createCourseWithModule, enrolNewStudent, moduleCard, publishCourse } from "./support/course";
import { expect, test, useSession } from "./support/fixtures";
import { addQuestion, startQuestion } from "./support/quiz-builder";
import { uniqueId } from "./support/register";

// The whole quiz journey on one course of its own: the teacher builds and
// publishes a timed quiz with every kind of question; a new student takes it,
// reloads halfway, submits, reads the review and starts again; the teacher
// corrects a question and re-grades; the student's score follows.

test("a teacher builds and publishes a timed quiz; a student takes it, reloads, submits, reviews and retries; a re-grade follows a correction", async ({
  page,
  signInAs,
}, testInfo) => {
  test.setTimeout(300_000);
  const tag = uniqueId(testInfo.project.name);
  const courseTitle = `General knowledge ${tag}`;
  const moduleTitle = `Warm-up ${tag}`;
  const quizTitle = `Five kinds check ${tag}`;

  // The teacher: a course with a lesson, and a quiz of five questions, 10 minutes, two attempts.
  await signInAs("teacher");
  await createCourseWithModule(page, { title: courseTitle, subject: "General", description: "A little of everything.", moduleTitle });
  await addTextLesson(page, moduleTitle, "Read me first", "Answer the quiz after this lesson.");
  const card = moduleCard(page, moduleTitle);

  await card.getByRole("button", { name: `Add a quiz to ${moduleTitle}` }).click();
  await card.getByLabel("Quiz title").fill(quizTitle);
  await card.getByRole("button", { name: "Create quiz" }).click();
  const quiz = page.getByRole("region", { name: `Quiz: ${quizTitle}` });
  const settings = quiz.getByRole("form", { name: "Quiz settings" });
  await settings.getByLabel("Time limit in minutes (optional)").fill("10");
  await settings.getByLabel("Attempts allowed").fill("2");
  await settings.getByLabel("Grading method").selectOption("highest");
  await settings.getByLabel("Students may review their answers").selectOption("after_submit");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(quiz.getByRole("status").filter({ hasText: "Quiz settings saved." })).toBeAttached();

  let form = await startQuestion(quiz, "single_choice", "Which city is the capital of France?", 1);
  await form.getByLabel("Choice 1", { exact: true }).fill("Paris");
  await form.getByLabel("Choice 2", { exact: true }).fill("Lyon");
  await form.getByLabel("Correct: Choice 1").check();
  await addQuestion(quiz, form, 1, "Which city is the capital of France?");
  form = await startQuestion(quiz, "multiple_choice", "Which of these are prime?", 2);
  await form.getByLabel("Choice 1", { exact: true }).fill("Seven");
  await form.getByLabel("Choice 2", { exact: true }).fill("Nine");
  await form.getByRole("button", { name: "Add a choice to question 2" }).click();
  await form.getByLabel("Choice 3", { exact: true }).fill("Eleven");
  await form.getByLabel("Correct: Choice 1").check();
  await form.getByLabel("Correct: Choice 3").check();
  await addQuestion(quiz, form, 2, "Which of these are prime?");
  form = await startQuestion(quiz, "true_false", "Water boils at 100 °C at sea level.", 1);
  await form.getByLabel("True", { exact: true }).check();
  await addQuestion(quiz, form, 3, "Water boils at 100 °C at sea level.");
  form = await startQuestion(quiz, "short_answer", "Name the largest planet.", 1);
  await form.getByLabel("Accepted answer 1").fill("Jupiter");
  await addQuestion(quiz, form, 4, "Name the largest planet.");
  form = await startQuestion(quiz, "numeric", "How many legs does a spider have?", 1);
  await form.getByLabel("Correct value").fill("8");
  await form.getByLabel("Tolerance (±)").fill("0");
  await addQuestion(quiz, form, 5, "How many legs does a spider have?");
  await expect(quiz.getByText("5 questions · 6 points")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await quiz.getByRole("button", { name: "Publish quiz" }).click();
  await expect(quiz.getByRole("button", { name: "Unpublish quiz" })).toBeVisible();
  const builderUrl = page.url();

  await publishCourse(page);

  // A new student enrols and opens the quiz from the syllabus.
  const { coursePage, session: studentSession } = await enrolNewStudent(page, { courseTitle, search: tag, id: uniqueId(`${testInfo.project.name}q`) });
  await page.getByRole("link", { name: quizTitle }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(quizTitle);
  await expect(page.getByText("0 used · 2 left", { exact: false })).toBeVisible();
  await page.getByRole("button", { name: "Start attempt 1" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${quizTitle}: attempt 1`);
  await expect(page.getByRole("timer")).toHaveText(/^(10:00|9:[0-5]\d)$/);

  // Three answers, then a reload halfway: they are all still there.
  await page.getByLabel("Paris", { exact: true }).check();
  await page.getByLabel("Seven", { exact: true }).check();
  await page.getByLabel("Nine", { exact: true }).check();
  await page.getByLabel("True", { exact: true }).check();
  await expect(page.getByText("Saved", { exact: true })).toHaveCount(3);
  await expect(page.getByText("2 of 5 unanswered")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.reload();
  await expect(page.getByLabel("Paris", { exact: true })).toBeChecked();
  await expect(page.getByLabel("Nine", { exact: true })).toBeChecked();
  await expect(page.getByLabel("True", { exact: true })).toBeChecked();
  await page.getByLabel("Your answer", { exact: true }).fill("  jupiter ");
  await page.getByLabel("Your answer (a number)").fill("8");
  await page.getByLabel("Your answer (a number)").blur();
  await expect(page.getByText("Saved", { exact: true })).toHaveCount(5);
  await expect(page.getByText("All questions answered")).toBeVisible();
  await page.getByRole("button", { name: "Submit attempt" }).click();

  // The result: 4 of 6 (the multiple choice is all or nothing), with the review.
  await expect(page.getByRole("heading", { level: 1, name: `${quizTitle}: attempt 1 result` })).toBeVisible();
  await expect(page.getByText("4 of 6 points", { exact: true })).toBeVisible();
  await expect(page.getByText("66.67%", { exact: true })).toBeVisible();
  const review = page.getByRole("region", { name: "Review" });
  await expect(review.getByText("Correct", { exact: true })).toHaveCount(4);
  await expect(review.getByText("Incorrect", { exact: true })).toHaveCount(1);
  await expectNoSeriousA11yViolations(page);

  // A second attempt is allowed: it starts empty.
  await page.getByRole("button", { name: "Start attempt 2" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${quizTitle}: attempt 2`);
  await expect(page.getByText("5 of 5 unanswered")).toBeVisible();

  // The teacher rewrites question 2 so Seven and Nine are the right picks: the builder warns, saves, and re-grades.
  await signInAs("teacher");
  await page.goto(builderUrl);
  const opened = page.getByRole("region", { name: `Quiz: ${quizTitle}` });
  await opened.getByRole("button", { name: "Edit question 2", exact: true }).click();
  const edit = opened.getByRole("form", { name: "Edit question 2" });
  await edit.getByLabel("Question", { exact: true }).fill("Which of these have a single digit?");
  await edit.getByLabel("Correct: Choice 2").check();
  await edit.getByLabel("Correct: Choice 3").uncheck();
  await edit.getByRole("button", { name: "Save question" }).click();
  const warning = opened.getByRole("alertdialog", { name: "Confirm the change" });
  await expect(warning).toContainText("1 submitted attempt was graded against the old version of this quiz.");
  await warning.getByRole("button", { name: "Save anyway" }).click();
  await opened.getByRole("button", { name: "Re-grade 1 attempt" }).click();
  await expect(opened.getByRole("status").filter({ hasText: "Re-graded 1 attempt; 1 score changed." })).toBeAttached();

  // The student, back in its browser, finds its best score now counting the corrected question.
  await useSession(page, studentSession);
  await page.goto(coursePage);
  await page.getByRole("link", { name: quizTitle }).click();
  // The score so far and attempt 1's row in the history both show the re-graded result.
  await expect(page.getByText("6 of 6 points · 100%")).toHaveCount(2);
  await expect(page.getByRole("button", { name: "Resume attempt 2" })).toBeVisible();
});
