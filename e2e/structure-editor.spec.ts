import type { Locator, Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";
import { afterFrames } from "./support/frames";
import { uniqueId } from "./support/register";

// The desktop and mobile runs edit the same draft course at the same time, so
// each works in modules of its own and checks orders relative to them.

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A module's card, found by its heading ("Module 3: Heat engines …"). */
const moduleCard = (page: Page, title: string) => page.getByRole("region", { name: new RegExp(`^Module \\d+: ${escape(title)}$`) });

/** The titles in a list, in order, read from the drag handles ("Drag <title>") of its rows. */
async function titlesIn(list: Locator): Promise<string[]> {
  const labels = await list.locator(":scope > li").evaluateAll((items) =>
    items.map((item) => item.querySelector('button[aria-label^="Drag "]')?.getAttribute("aria-label") ?? ""),
  );
  return labels.map((label) => label.replace(/^Drag /, ""));
}

const lessonList = (page: Page, moduleTitle: string) => page.getByRole("list", { name: `Lessons of ${moduleTitle}` });
const modulesList = (page: Page) => page.getByRole("list", { name: "Modules" });

async function addModule(page: Page, title: string) {
  const form = page.getByRole("region", { name: "Add a module" });
  await form.getByLabel("New module title").fill(title);
  await form.getByRole("button", { name: "Add module" }).click();
  await expect(moduleCard(page, title)).toBeVisible();
  await expect(form.getByLabel("New module title")).toHaveValue("");
}

async function addTextLesson(card: Locator, moduleTitle: string, title: string, markdown: string) {
  await card.getByRole("button", { name: `Add a lesson to ${moduleTitle}` }).click();
  await card.getByLabel("Lesson title").fill(title);
  await card.getByLabel("Lesson text (Markdown)", { exact: true }).fill(markdown);
  await card.getByRole("button", { name: "Add lesson" }).click();
  await expect(card.getByRole("button", { name: `Drag ${title}` })).toBeVisible();
}

test("a teacher adds, edits, reorders and deletes modules and lessons", async ({ page, signInAs }, testInfo) => {
  test.setTimeout(180_000);
  const tag = uniqueId(testInfo.project.name);
  const engines = `Heat engines ${tag}`;
  const fridges = `Refrigerators ${tag}`;

  await signInAs("teacher");
  await page.goto("/courses/thermodynamics");
  await page.getByRole("link", { name: "Edit modules and lessons" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Modules and lessons");
  await expect(page.getByRole("link", { name: "View course page" })).toHaveAttribute("href", "/courses/thermodynamics");
  await expect(page.getByRole("link", { name: "Course settings" })).toHaveAttribute("href", /^\/teacher\/courses\/[0-9a-f-]{36}$/);
  await expectNoSeriousA11yViolations(page);

  await addModule(page, engines);
  await addModule(page, fridges);
  const card = moduleCard(page, engines);

  // A text lesson, with its Markdown previewed before saving.
  await card.getByRole("button", { name: `Add a lesson to ${engines}` }).click();
  await card.getByLabel("Lesson title").fill("Carnot cycle");
  await card.getByLabel("Lesson text (Markdown)", { exact: true }).fill("## The Carnot cycle\n\n**Four** reversible steps.");
  await card.getByRole("tab", { name: "Preview" }).click();
  const preview = card.getByRole("tabpanel", { name: "Preview" });
  await expect(preview.getByRole("heading", { name: "The Carnot cycle" })).toBeVisible();
  await expect(preview.locator("strong")).toHaveText("Four");
  await expectNoSeriousA11yViolations(page);
  await card.getByRole("tab", { name: "Write" }).click();
  await card.getByLabel("Duration in minutes (optional)").fill("15");
  await card.getByRole("button", { name: "Add lesson" }).click();
  await expect(lessonList(page, engines).getByText("Text · 15 min")).toBeVisible();

  // A link lesson: a bad address is refused next to its field, a good one saved.
  await card.getByRole("button", { name: `Add a lesson to ${engines}` }).click();
  await card.getByLabel("Lesson title").fill("Further reading");
  await card.getByLabel("Kind of lesson").selectOption("url");
  await card.getByLabel("Web address").fill("carnot.example");
  await card.getByRole("button", { name: "Add lesson" }).click();
  await expect(card.getByText("Enter a web address starting with https:// or http://.")).toBeVisible();
  await expect(card.getByLabel("Web address")).toHaveAttribute("aria-invalid", "true");
  await card.getByLabel("Web address").fill("https://en.wikipedia.org/wiki/Carnot_cycle");
  await card.getByRole("button", { name: "Add lesson" }).click();
  await expect(card.getByRole("button", { name: "Drag Further reading" })).toBeVisible();

  await addTextLesson(card, engines, "Efficiency", "Efficiency is **work out** over heat in.");
  const lessons = lessonList(page, engines);
  await expect.poll(() => titlesIn(lessons)).toEqual(["Carnot cycle", "Further reading", "Efficiency"]);

  // Move up / Move down.
  await card.getByRole("button", { name: "Move Efficiency up" }).click();
  await expect.poll(() => titlesIn(lessons)).toEqual(["Carnot cycle", "Efficiency", "Further reading"]);
  await card.getByRole("button", { name: "Move Carnot cycle down" }).click();
  await expect.poll(() => titlesIn(lessons)).toEqual(["Efficiency", "Carnot cycle", "Further reading"]);
  await expect(card.getByRole("button", { name: "Move Efficiency up" })).toBeDisabled();

  // Drag and drop with the keyboard: Space picks up, arrows move, Space drops.
  // Each step waits for what a screen reader would hear, as the sensor measures between keys.
  const announced = (text: string | RegExp) => expect(page.getByRole("status").filter({ hasText: text })).toBeAttached();
  await card.getByRole("button", { name: "Drag Further reading" }).focus();
  await page.keyboard.press("Space");
  // "Picked up …" is at once followed by where it hovers: either means the drag started.
  await announced(/Picked up lesson Further reading, at position 3 of 3\.|Further reading is over position 3 of 3\./);
  await afterFrames(page);
  await page.keyboard.press("ArrowUp");
  await announced("Further reading is over position 2 of 3.");
  await page.keyboard.press("ArrowUp");
  await announced("Further reading is over position 1 of 3.");
  await page.keyboard.press("Space");
  await announced("Further reading dropped at position 1 of 3.");
  await expect.poll(() => titlesIn(lessons)).toEqual(["Further reading", "Efficiency", "Carnot cycle"]);

  // Drag and drop with the pointer, by the handle.
  const handle = card.getByRole("button", { name: "Drag Carnot cycle" });
  const target = card.getByRole("button", { name: "Drag Efficiency" });
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 - 10, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2 - 4, { steps: 15 });
  await page.mouse.up();
  await expect.poll(() => titlesIn(lessons)).toEqual(["Further reading", "Carnot cycle", "Efficiency"]);
  // The list moves at once; the server has it when it says so. A reload before that lost the move.
  await announced("Carnot cycle moved to position 2 of 3.");

  // The order is the server's: it survives a reload.
  await page.reload();
  await expect.poll(() => titlesIn(lessonList(page, engines))).toEqual(["Further reading", "Carnot cycle", "Efficiency"]);

  // Editing a lesson inline.
  await card.getByRole("button", { name: "Edit Efficiency" }).click();
  await card.getByLabel("Lesson title").fill("Thermal efficiency");
  await card.getByRole("button", { name: "Save lesson" }).click();
  await expect(card.getByRole("button", { name: "Drag Thermal efficiency" })).toBeVisible();

  // Modules: Move up until the second is above the first (the other run may have
  // added modules in between), then Move down again.
  const moduleOrder = async () => {
    const titles = await titlesIn(modulesList(page));
    return titles.indexOf(fridges) - titles.indexOf(engines);
  };
  for (let attempt = 0; attempt < 6 && (await moduleOrder()) > 0; attempt++) {
    await moduleCard(page, fridges).getByRole("button", { name: `Move ${fridges} up` }).click();
    await expect(page.getByRole("status").filter({ hasText: `Module ${fridges} moved up` })).toBeAttached();
    await expect(moduleCard(page, fridges).getByRole("button", { name: `Move ${fridges} down` })).toBeEnabled();
  }
  await expect.poll(moduleOrder).toBeLessThan(0);
  await moduleCard(page, fridges).getByRole("button", { name: `Move ${fridges} down` }).click();
  await expect.poll(moduleOrder).toBeGreaterThan(0);

  // Rename a module.
  const renamed = `Heat pumps ${tag}`;
  await moduleCard(page, fridges).getByRole("button", { name: `Rename ${fridges}` }).click();
  await moduleCard(page, fridges).getByLabel("Module title").fill(renamed);
  await moduleCard(page, fridges).getByRole("button", { name: "Save module" }).click();
  await expect(moduleCard(page, renamed)).toBeVisible();

  // Deleting asks first; Cancel keeps the lesson.
  await card.getByRole("button", { name: "Delete Carnot cycle" }).click();
  await card.getByRole("button", { name: "Cancel" }).click();
  await expect(card.getByRole("button", { name: "Drag Carnot cycle" })).toBeVisible();
  await card.getByRole("button", { name: "Delete Carnot cycle" }).click();
  await expect(card.getByText("Delete the lesson “Carnot cycle”?")).toBeVisible();
  await card.getByRole("button", { name: "Yes, delete Carnot cycle" }).click();
  await expect.poll(() => titlesIn(lessons)).toEqual(["Further reading", "Thermal efficiency"]);

  // And a module, with the same confirmation.
  await moduleCard(page, renamed).getByRole("button", { name: `Delete ${renamed}` }).click();
  await moduleCard(page, renamed).getByRole("button", { name: `Yes, delete ${renamed}` }).click();
  await expect(moduleCard(page, renamed)).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  // The course page shows the result, in order.
  await page.getByRole("link", { name: "View course page" }).click();
  const syllabusModule = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: new RegExp(`${escape(engines)}$`) }) });
  await expect(syllabusModule.getByRole("listitem")).toHaveText([/Further reading/, /Thermal efficiency/]);
});
