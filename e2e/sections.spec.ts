import { expectNoSeriousA11yViolations } from "./support/axe";
import { addTextLesson, createCourseWithModule, enrolNewStudent, publishCourse } from "./support/course";
import { expect, test, useSession } from "./support/fixtures";
import { uniqueId } from "./support/register";

// A teacher splits a course into sections: two by hand, the class dealt at
// random, more from a CSV (previewed, a bad row refused, then saved), and a
// colleague made a section teacher; a student sees its sections in the player.

const csvFile = (rows: string[]) => ({ name: "sections.csv", mimeType: "text/csv", buffer: Buffer.from(["email,section", ...rows].join("\n")) });

test("a teacher creates sections, splits the class at random, assigns from a CSV and adds a section teacher", async ({ page, signInAs }, testInfo) => {
  test.setTimeout(120_000);
  const tag = uniqueId(testInfo.project.name);
  const courseTitle = `Optics ${tag}`;

  await signInAs("teacher");
  await createCourseWithModule(page, { title: courseTitle, subject: "Physics", description: "Light and lenses.", moduleTitle: `Lenses ${tag}` });
  await addTextLesson(page, `Lenses ${tag}`, `Focal length ${tag}`, "Parallel rays meet at the focus.");
  const courseId = await publishCourse(page);
  const first = await enrolNewStudent(page, { courseTitle, search: tag, id: uniqueId(`${testInfo.project.name}a`), name: `Ada ${tag}` });
  const second = await enrolNewStudent(page, { courseTitle, search: tag, id: uniqueId(`${testInfo.project.name}b`), name: `Ben ${tag}` });

  await signInAs("teacher");
  await page.goto(`/teacher/courses/${courseId}`);
  await page.getByRole("link", { name: "Sections", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Sections: ${courseTitle}`);

  // Two sections by hand; a second "red" is refused next to the name.
  const create = page.getByRole("form", { name: "Create a section" });
  for (const name of ["Red", "Blue"]) {
    await create.getByLabel("Section name").fill(name);
    await create.getByRole("button", { name: "Create section" }).click();
    await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  }
  await create.getByLabel("Section name").fill("red");
  await create.getByRole("button", { name: "Create section" }).click();
  await expect(create.getByText("This course already has a section of that name (names ignore case).")).toBeVisible();

  // The two students dealt at random into two groups of one.
  const split = page.getByRole("form", { name: "Split into random groups" });
  await split.getByLabel("Number of groups").fill("2");
  await split.getByLabel("Whom to split").selectOption("unassigned");
  await split.getByRole("button", { name: "Split at random" }).click();
  await expect(split.getByRole("status")).toContainText("Split 2 students into 2 groups (Group 1: 1, Group 2: 1)");
  await expect(page.getByRole("link", { name: "Group 2", exact: true })).toBeVisible();

  // A CSV with a stranger in it: previewed with the bad line, nothing to save.
  const upload = page.getByRole("form", { name: "Assign from a CSV file" });
  await upload.getByLabel("CSV file").setInputFiles(csvFile([`${first.email},Red`, `${second.email},Green`, "stranger@school.example,Red"]));
  await upload.getByRole("button", { name: "Check the file" }).click();
  const problems = page.getByRole("list", { name: "Problems" });
  await expect(problems).toContainText("Line 4: No student enrolled in this course has this email or username.");
  await expect(page.getByRole("button", { name: "Save assignments" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  // Fixed: Green is new, and saving adds both.
  await upload.getByLabel("CSV file").setInputFiles(csvFile([`${first.email},Red`, `${second.email},Green`]));
  await upload.getByRole("button", { name: "Check the file" }).click();
  const benRow = page.getByRole("row").filter({ hasText: `Ben ${tag}` });
  await expect(benRow.getByRole("cell").nth(1)).toHaveText("Greennew");
  await page.getByRole("button", { name: "Save assignments" }).click();
  await expect(page.getByText("Saved: 2 students added to sections. Created Green.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Green", exact: true })).toBeVisible();

  // Daniel Okafor teaches Red.
  await page.getByRole("link", { name: "Red", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Section Red");
  await expect(page.getByRole("list", { name: "Students in the section" })).toContainText(`Ada ${tag}`);
  const addTeacher = page.getByRole("form", { name: "Add a section teacher" });
  await addTeacher.getByLabel("Teacher").selectOption({ label: "Daniel Okafor" });
  await addTeacher.getByRole("button", { name: "Add section teacher" }).click();
  await expect(page.getByRole("list", { name: "Section teachers" })).toContainText("Daniel Okafor");
  await expectNoSeriousA11yViolations(page);

  // The student sees its sections, small, in the player.
  await useSession(page, first.session);
  await page.goto(first.coursePage.replace("/courses/", "/learn/"));
  await expect(page.getByText(/Your sections: /)).toContainText("Red");
});
