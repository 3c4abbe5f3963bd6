import type { Locator, Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { addTextLesson, createCourseWithModule, enrolNewStudent, moduleCard, publishCourse } from "./support/course";
import { expect, test } from "./support/fixtures";
import { uniqueId } from "./support/register";

// A teacher brings a matching, an ordering, a cloze and an essay question from
// Moodle into the bank of a course of its own (so the desktop and mobile runs
// never meet), previews them and publishes a quiz of the four; a new student
// answers each (the ordering by keyboard alone), and reads the review, where
// the essay waits for the teacher's grade.

const graderInfo = "GRADER-NOTE-only-for-teachers";

const moodleXml = `<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="matching">
    <name><text>Capitals</text></name>
    <questiontext format="html"><text><![CDATA[<p>Match each country with its capital.</p>]]></text></questiontext>
    <defaultgrade>3</defaultgrade>
    <subquestion format="html"><text><![CDATA[<p>France</p>]]></text><answer><text>Paris</text></answer></subquestion>
    <subquestion format="html"><text><![CDATA[<p>Italy</p>]]></text><answer><text>Rome</text></answer></subquestion>
    <subquestion format="html"><text><![CDATA[<p>Spain</p>]]></text><answer><text>Madrid</text></answer></subquestion>
    <subquestion format="html"><text></text><answer><text>Lisbon</text></answer></subquestion>
  </question>
  <question type="ordering">
    <name><text>Planets</text></name>
    <questiontext format="html"><text><![CDATA[<p>Put the planets in order from the Sun.</p>]]></text></questiontext>
    <defaultgrade>4</defaultgrade>
    <answer fraction="1" format="html"><text>Mercury</text></answer>
    <answer fraction="2" format="html"><text>Venus</text></answer>
    <answer fraction="3" format="html"><text>Earth</text></answer>
    <answer fraction="4" format="html"><text>Mars</text></answer>
  </question>
  <question type="cloze">
    <name><text>Europe facts</text></name>
    <questiontext format="html"><text><![CDATA[<p>The capital of Germany is {1:SHORTANSWER:=Berlin}. Pi to two places is {2:NUMERICAL:=3.14:0.005}. The Rhine flows into the {1:MULTICHOICE:Baltic Sea~=North Sea~Black Sea}.</p>]]></text></questiontext>
  </question>
  <question type="essay">
    <name><text>Mountains</text></name>
    <questiontext format="html"><text><![CDATA[<p>Explain how mountains form.</p>]]></text></questiontext>
    <defaultgrade>5</defaultgrade>
    <responseformat>editor</responseformat>
    <graderinfo format="html"><text><![CDATA[<p>${graderInfo}</p>]]></text></graderinfo>
  </question>
</quiz>
`;

const planets = ["Mercury", "Venus", "Earth", "Mars"];

/** The texts of the ordering list, top to bottom. */
async function shownOrder(list: Locator): Promise<string[]> {
  const rows = await list.getByRole("listitem").all();
  const texts: string[] = [];
  for (const row of rows) {
    const text = (await row.innerText()).replace(/\s+/g, " ");
    const found = planets.find((planet) => text.includes(planet));
    if (found) texts.push(found);
  }
  return texts;
}

/** Puts the planets in order with the Move up buttons and the Enter key only, checking focus and the announcement on each move. */
async function orderByKeyboard(page: Page, question: Locator) {
  const list = question.getByRole("list", { name: "Items in your order" });
  for (const [target, planet] of planets.entries()) {
    let at = (await shownOrder(list)).indexOf(planet);
    const up = question.getByRole("button", { name: `Move up: ${planet}` });
    if (at > target) await up.focus();
    while (at > target) {
      await page.keyboard.press("Enter");
      at -= 1;
      await expect.poll(() => shownOrder(list)).toEqual(expect.arrayContaining([planet]));
      await expect.poll(async () => (await shownOrder(list)).indexOf(planet)).toBe(at);
      // Focus stays with the moved item: its Move up button, or Move down once it reaches the top.
      const focused = at === 0 ? question.getByRole("button", { name: `Move down: ${planet}` }) : up;
      await expect(focused).toBeFocused();
      await expect(question.getByText(`${planet} moved to position ${at + 1} of 4.`)).toBeAttached();
    }
  }
  await expect.poll(() => shownOrder(list)).toEqual(planets);
}

test("a student answers matching, ordering, cloze and essay questions and reviews them", async ({ page, signInAs }, testInfo) => {
  test.setTimeout(240_000);
  const tag = uniqueId(testInfo.project.name);
  const courseTitle = `Kinds course ${tag}`;
  const moduleTitle = `Kinds ${tag}`;
  const quizTitle = `Four kinds ${tag}`;

  // The teacher: a course with a lesson; the four questions imported into its bank.
  await signInAs("teacher");
  await createCourseWithModule(page, { title: courseTitle, subject: "General", description: "Questions of every kind.", moduleTitle });
  await addTextLesson(page, moduleTitle, "Start here", "Then take the quiz.");
  const structureUrl = page.url();
  const courseId = new URL(structureUrl).pathname.split("/")[3]!;
  await page.goto(`/teacher/courses/${courseId}/questions`);
  await page.getByRole("link", { name: "Import questions" }).click();
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "kinds.xml", mimeType: "application/xml", buffer: Buffer.from(moodleXml) });
  await page.getByRole("button", { name: "Read the file" }).click();
  const found = page.getByRole("region", { name: /questions? found/ });
  await expect(found.getByRole("list", { name: "Questions found" }).getByRole("listitem")).toHaveCount(4);
  await found.getByRole("button", { name: "Save 4 questions" }).click();
  await expect(page.getByRole("heading", { name: "Imported 4 questions" })).toBeVisible();
  await page.getByRole("link", { name: "Open the question bank" }).click();

  // A fifth kind written by hand in the bank's form: an ordering question, with a refusal first.
  await page.getByRole("link", { name: "New question" }).click();
  const form = page.getByRole("form", { name: "New question" });
  await form.getByLabel("Kind of question").selectOption("ordering");
  await form.getByLabel("Question", { exact: true }).fill("Put the steps of the water cycle in order.");
  await form.getByLabel("Item 1", { exact: true }).fill("Evaporation");
  await form.getByLabel("Item 2", { exact: true }).fill("Condensation");
  await form.getByRole("button", { name: "Add question" }).click();
  await expect(form.getByText("Write the item, or remove it.")).toBeVisible();
  await form.getByLabel("Item 3", { exact: true }).fill("Precipitation");
  await form.getByRole("button", { name: "Move item 3 up" }).click();
  await expect(form.getByLabel("Item 2", { exact: true })).toHaveValue("Precipitation");
  await form.getByRole("button", { name: "Move item 2 down" }).click();
  await expectNoSeriousA11yViolations(page);
  await form.getByRole("button", { name: "Add question" }).click();
  await expect(page.getByRole("form", { name: "Edit question" }).getByLabel("Item 3", { exact: true })).toHaveValue("Precipitation");
  await page.getByRole("link", { name: "Back to the question bank" }).click();
  await expect(page.getByRole("list", { name: "Bank questions" }).getByRole("listitem")).toHaveCount(5);

  // The bank's preview uses the student's inputs.
  const bank = page.getByRole("list", { name: "Bank questions" });
  await bank.getByRole("link", { name: "Preview and edit Planets" }).click();
  await expect(page.getByRole("button", { name: "Move up: Mars" }).or(page.getByRole("button", { name: "Move down: Mars" })).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Keep this order" })).toBeVisible();
  // The pointer path: the first item dragged by its handle below the last.
  const previewList = page.getByRole("list", { name: "Items in your order" });
  const before = await shownOrder(previewList);
  const handle = await previewList.getByRole("listitem").first().locator('[title="Drag to move"]').boundingBox();
  const last = await previewList.getByRole("listitem").last().boundingBox();
  await page.mouse.move(handle!.x + handle!.width / 2, handle!.y + handle!.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle!.x + handle!.width / 2, last!.y + last!.height - 2, { steps: 12 });
  await page.mouse.up();
  await expect.poll(() => shownOrder(previewList)).toEqual([...before.slice(1), before[0]]);
  await expect(page.getByRole("button", { name: "Keep this order" })).toHaveCount(0);
  await page.getByRole("link", { name: "Back to the question bank" }).click();
  await page.getByRole("list", { name: "Bank questions" }).getByRole("link", { name: "Preview and edit Europe facts" }).click();
  const preview = page.getByRole("region", { name: "Preview as a student sees it" });
  await expect(preview.getByLabel("Blank 1", { exact: true })).toBeVisible();
  await expect(preview.getByLabel("Blank 3", { exact: true })).toHaveRole("combobox");
  await expectNoSeriousA11yViolations(page);

  // A quiz of the four, published with the course.
  await page.goto(structureUrl);
  const card = moduleCard(page, moduleTitle);
  await card.getByRole("button", { name: `Add a quiz to ${moduleTitle}` }).click();
  await card.getByLabel("Quiz title").fill(quizTitle);
  await card.getByRole("button", { name: "Create quiz" }).click();
  const quiz = page.getByRole("region", { name: `Quiz: ${quizTitle}` });
  await quiz.getByRole("link", { name: "Add from the question bank" }).click();
  const bankList = page.getByRole("list", { name: "Bank questions" });
  for (const name of ["Capitals", "Planets", "Europe facts", "Mountains"]) await bankList.getByRole("checkbox", { name: `Tick ${name}` }).check();
  await page.getByRole("button", { name: "Add to quiz" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added 4 questions to" })).toBeAttached();
  await page.getByRole("link", { name: "Back to the quiz" }).click();
  const reopened = page.getByRole("region", { name: `Quiz: ${quizTitle}` });
  await reopened.getByRole("button", { name: "Publish quiz" }).click();
  await expect(reopened.getByRole("status").filter({ hasText: "Quiz published: students can take it." })).toBeAttached();
  await publishCourse(page);

  // A new student takes it.
  await enrolNewStudent(page, { courseTitle, search: tag, id: uniqueId(`${testInfo.project.name}k`) });
  await page.getByRole("link", { name: quizTitle }).click();
  await page.getByRole("button", { name: "Start attempt 1" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${quizTitle}: attempt 1`);
  await expect(page.getByText("4 of 4 unanswered")).toBeVisible();
  // The bank decides the quiz's order: each question is found by its text.
  const question = (text: string) => page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2 }) }).filter({ hasText: text });
  const ordering = question("Put the planets in order");

  // No key in the page or its RSC payload.
  const attemptUrl = page.url();
  for (const headers of [{}, { RSC: "1" }] as Record<string, string>[]) {
    const body = await (await page.request.get(attemptUrl, { headers })).text();
    expect(body).toContain("Put the planets in order");
    expect(body).not.toContain(graderInfo);
    expect(body).not.toMatch(/answerId|"weight"|graderInfo|acceptedAnswers|isCorrect/);
  }
  await expectNoSeriousA11yViolations(page);

  // Matching: Spain is matched wrongly on purpose.
  await page.getByLabel("France").selectOption({ label: "Paris" });
  await page.getByLabel("Italy").selectOption({ label: "Rome" });
  await page.getByLabel("Spain").selectOption({ label: "Lisbon" });

  // Ordering with the keyboard only.
  await orderByKeyboard(page, ordering);

  // Cloze: the number is wrong on purpose.
  await page.getByLabel("Blank 1", { exact: true }).fill("Berlin");
  await page.getByLabel("Blank 2", { exact: true }).fill("3.5");
  await page.getByLabel("Blank 3", { exact: true }).selectOption({ label: "North Sea" });

  // Essay, in Markdown.
  const essay = page.getByLabel("Your answer", { exact: true });
  await essay.fill("Plates **collide** and fold.\n\n- slowly\n- over millions of years");
  await expect(page.getByText("9 words")).toBeVisible();
  await essay.blur();
  await expect(page.getByText("Saved", { exact: true })).toHaveCount(4);
  await expect(page.getByText("All questions answered")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // A reload keeps every answer.
  await page.reload();
  await expect(page.getByLabel("Spain")).toHaveValue(/.+/);
  await expect.poll(() => shownOrder(ordering.getByRole("list", { name: "Items in your order" }))).toEqual(planets);
  await expect(page.getByLabel("Blank 2", { exact: true })).toHaveValue("3.5");
  await expect(page.getByLabel("Your answer", { exact: true })).toHaveValue(/Plates \*\*collide\*\*/);

  await page.getByRole("button", { name: "Submit attempt" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${quizTitle}: attempt 1 result` })).toBeVisible();
  // Two of three matches, every planet in place, two of three blanks; the essay waits for its grade.
  const review = page.getByRole("region", { name: "Review" });
  const reviewed = (text: string) => review.getByRole("region").filter({ hasText: text });
  const matching = reviewed("Match each country");
  await expect(matching.getByText("Partly correct")).toBeVisible();
  await expect(matching.getByText("Right answer: Madrid")).toBeVisible();
  const order = reviewed("Put the planets in order");
  await expect(order.getByText("Correct", { exact: true })).toBeVisible();
  await expect(order.getByRole("region", { name: "Right order" })).toContainText("Mercury");
  const cloze = reviewed("The capital of Germany");
  await expect(cloze.getByText("Partly correct")).toBeVisible();
  await expect(cloze.getByText(/^Blank 2 · 0 \/ \d+ points?$/)).toBeVisible();
  await expect(cloze.getByText("3.14 (± 0.005)")).toBeVisible();
  const essayReview = reviewed("Explain how mountains form");
  await expect(essayReview.getByText("Awaiting grading")).toBeVisible();
  await expect(essayReview.getByText("Waiting for the teacher's grade.")).toBeVisible();
  await expect(essayReview.locator("strong").getByText("collide")).toBeVisible();
  await expect(page.getByText(graderInfo)).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  // The teacher grades the essay from the queue; the student's score is then final.
  const resultUrl = page.url();
  const studentCookies = await page.context().cookies();
  await signInAs("teacher");
  await page.goto("/teacher/grading?view=quiz_essays");
  await page.getByRole("row").filter({ hasText: quizTitle }).getByRole("link").first().click();
  await expect(page.getByText(graderInfo)).toBeVisible();
  const grading = page.getByRole("form", { name: "Grade this essay" });
  await grading.getByLabel("Points (0 to 5)").fill("9");
  await grading.getByRole("button", { name: /Save/ }).click();
  await expect(grading.getByText("Enter at most 5 points", { exact: false })).toBeVisible();
  await grading.getByLabel("Points (0 to 5)").fill("4");
  await grading.getByLabel("Comment for the student (Markdown)").fill("Good, now name the **plates**.");
  await grading.getByRole("button", { name: /Save/ }).click();
  await expect(page.getByText(/Saved: 4 \/ 5 points\. The attempt is graded/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.context().clearCookies();
  await page.context().addCookies(studentCookies);
  await page.goto(resultUrl);
  const graded = page.getByRole("region", { name: "Review" }).getByRole("region").filter({ hasText: "Explain how mountains form" });
  await expect(graded.getByText("Awaiting grading")).toHaveCount(0);
  await expect(graded.locator("strong").getByText("plates")).toBeVisible();
  await expect(page.getByText("so far")).toHaveCount(0);
});
