import { expect, type Locator } from "@playwright/test";

// Steps of the inline quiz builder that several journeys take.

/** Opens the "new question" form of the quiz and chooses its kind, text and points. */
export async function startQuestion(quiz: Locator, kind: string, text: string, points: number) {
  await quiz.getByRole("button", { name: "Add a question" }).click();
  const form = quiz.getByRole("form", { name: "New question" });
  await form.getByLabel("Kind of question").selectOption(kind);
  await form.getByLabel("Question", { exact: true }).fill(text);
  await form.getByLabel("Points").fill(String(points));
  return form;
}

/** Saves the new question and waits for it in the quiz's list as question `number`. */
export async function addQuestion(quiz: Locator, form: Locator, number: number, text: string) {
  await form.getByRole("button", { name: "Add question" }).click();
  await expect(form).toHaveCount(0);
  await expect(quiz.getByRole("list", { name: "Questions" }).getByText(`Question ${number}: ${text}`)).toBeVisible();
}
