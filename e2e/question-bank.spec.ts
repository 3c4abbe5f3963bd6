import { expectNoSeriousA11yViolations } from "./support/axe";
import { createCourseWithModule, moduleCard } from "./support/course";
import { expect, test } from "./support/fixtures";
import { uniqueId } from "./support/register";

// A teacher brings questions from Moodle (a GIFT file), files them in the
// course's bank, edits one, and builds a quiz from the bank: one chosen
// question and a random draw. The draw per attempt is proven by the
// integration tests (question-bank.test.ts); here the pages work, at desktop
// and phone width, and pass the accessibility scan.

const gift = `// Exported from Moodle
$CATEGORY: $course$/top/Kinematics

::Speed unit:: The SI unit of speed is {=metres per second ~kilometres per hour ~knots}

::Vector:: Velocity \\(\\vec v = \\frac\\{dx\\}\\{dt\\}\\) is a vector. {T}

::Distance:: A car at 20 m/s for 3 s covers how many metres? {#60}

$CATEGORY: $course$/top/Kinematics/Graphs

::Slope:: What does the slope of a distance-time graph give? {=speed =velocity}

::Broken:: This one never closes {=yes ~no
`;

test("a teacher imports GIFT questions into the bank, edits one, and builds a quiz from it with a random draw", async ({ page, signInAs }, testInfo) => {
  test.setTimeout(180_000);
  const tag = uniqueId(testInfo.project.name);
  const moduleTitle = `Motion ${tag}`;
  const courseTitle = `Bank course ${tag}`;
  await signInAs("teacher");
  await createCourseWithModule(page, { title: courseTitle, subject: "Physics", description: "Motion, with a question bank.", moduleTitle });
  const structureUrl = page.url();
  const courseId = new URL(structureUrl).pathname.split("/")[3]!;

  // The bank, from the course's page.
  await page.goto(`/teacher/courses/${courseId}`);
  await page.getByRole("link", { name: "Question bank" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Question bank: ${courseTitle}`);
  await expect(page.getByText("No questions match.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Import: the preview lists what was found and what could not be read; nothing is saved before "Save".
  await page.getByRole("link", { name: "Import questions" }).click();
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "kinematics.gift", mimeType: "text/plain", buffer: Buffer.from(gift) });
  await expect(page.getByLabel("Format")).toHaveValue("gift");
  await page.getByRole("button", { name: "Read the file" }).click();
  const result = page.getByRole("region", { name: /questions? found/ });
  await expect(result.getByRole("heading", { level: 2 })).toHaveText("4 questions found, 1 problem");
  await expect(result.getByRole("list", { name: "Questions found" }).getByRole("listitem")).toHaveCount(4);
  await expect(result.getByRole("list", { name: "Questions found" })).toContainText("Kinematics / Graphs");
  await expect(result.getByRole("list", { name: "Problems" })).toContainText(/Line 1[0-9]/);
  await expectNoSeriousA11yViolations(page);
  await result.getByRole("button", { name: "Save 4 questions" }).click();
  await expect(page.getByRole("heading", { name: "Imported 4 questions" })).toBeVisible();
  await page.getByRole("link", { name: "Open the question bank" }).click();

  // The categories came with the file; filters narrow the list.
  const categories = page.getByRole("complementary", { name: "Categories" });
  await expect(categories.getByRole("link", { name: /^Kinematics \(3\)/ })).toBeVisible();
  await expect(categories.getByRole("link", { name: /^Graphs \(1\)/ })).toBeVisible();
  const list = page.getByRole("list", { name: "Bank questions" });
  await expect(list.getByRole("listitem")).toHaveCount(4);
  const filters = page.getByRole("form", { name: "Filter questions" });
  await filters.getByLabel("Kind").selectOption("numeric");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list).toContainText("Distance");
  await page.getByRole("link", { name: "Clear" }).click();
  await categories.getByRole("link", { name: /^Graphs/ }).click();
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list).toContainText("Slope");

  // Preview as a student sees it, then edit: a tag for the random draw.
  await list.getByRole("link", { name: "Preview and edit Slope" }).click();
  await expect(page.getByRole("heading", { name: "Preview as a student sees it" })).toBeVisible();
  await expect(page.getByLabel("Your answer")).toBeVisible();
  const form = page.getByRole("form", { name: "Edit question" });
  await form.getByLabel("Tags (optional)").fill("easy");
  await form.getByRole("button", { name: "Save question" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Question saved." })).toBeAttached();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: "Back to the question bank" }).click();
  await expect(page.getByRole("list", { name: "Bank questions" }).getByRole("list", { name: "Tags" }).getByText("easy")).toBeVisible();

  // LaTeX in a question shows as math (MathML rendered on the server).
  await page.getByRole("list", { name: "Bank questions" }).getByRole("link", { name: "Preview and edit Vector" }).click();
  await expect(page.locator("math").first()).toBeVisible();
  await expect(page.locator("math annotation").first()).toHaveText("\\vec v = \\frac{dx}{dt}");

  // A quiz in the module takes a random draw from Kinematics and one chosen question from the bank.
  await page.goto(structureUrl);
  const card = moduleCard(page, moduleTitle);
  await card.getByRole("button", { name: `Add a quiz to ${moduleTitle}` }).click();
  await card.getByLabel("Quiz title").fill(`Motion check ${tag}`);
  await card.getByRole("button", { name: "Create quiz" }).click();
  const quiz = page.getByRole("region", { name: `Quiz: Motion check ${tag}` });
  await quiz.getByRole("button", { name: "Add random questions" }).click();
  const random = quiz.getByRole("form", { name: "Add random questions" });
  await random.getByLabel("Draw from").selectOption({ label: "Kinematics (3)" });
  await random.getByLabel("Number of questions").fill("2");
  await random.getByLabel("Points for each").fill("2");
  await random.getByRole("button", { name: "Add to quiz" }).click();
  await expect(quiz.getByText("Questions 1–2: 2 random questions from category Kinematics and its subcategories")).toBeVisible();
  await expect(quiz.getByText("2 questions · 4 points")).toBeVisible();

  await quiz.getByRole("link", { name: "Add from the question bank" }).click();
  await expect(page.getByRole("note")).toContainText(`Motion check ${tag}`);
  const bankList = page.getByRole("list", { name: "Bank questions" });
  await bankList.getByRole("checkbox", { name: "Tick Speed unit" }).check();
  await page.getByRole("button", { name: "Add to quiz" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added 1 question to" })).toBeAttached();
  await expect(bankList.getByText("In this quiz")).toBeVisible();
  await page.getByRole("link", { name: "Back to the quiz" }).click();
  const reopened = page.getByRole("region", { name: `Quiz: Motion check ${tag}` });
  await expect(reopened.getByText("Question 3: Speed unit")).toBeVisible();
  await expect(reopened.getByText("3 questions · 5 points")).toBeVisible();
  await reopened.getByRole("button", { name: "Publish quiz" }).click();
  await expect(reopened.getByRole("status").filter({ hasText: "Quiz published: students can take it." })).toBeAttached();
  await expectNoSeriousA11yViolations(page);

  // The bank refuses to delete a question a published quiz uses, naming the quiz.
  await page.goto(`/teacher/courses/${courseId}/questions?q=Speed`);
  await page.getByRole("button", { name: "Delete Speed unit" }).click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "used by the published quiz" })).toContainText(`used by the published quiz “Motion check ${tag}”`);

  // Export: the bank as GIFT, with its categories.
  const download = await page.request.get(`/api/v1/courses/${courseId}/question-export?format=gift`);
  expect(download.status()).toBe(200);
  const text = await download.text();
  expect(text).toContain("$CATEGORY:");
  expect(text).toContain("Speed unit");
});
