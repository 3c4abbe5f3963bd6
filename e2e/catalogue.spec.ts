import type { Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";

// The demo site's published public courses.
const publicCourses = [
  "Algebra Essentials",
  "Cell Biology: The Unit of Life",
  "Foundations of Chemistry",
  "Mechanics: Motion and Forces",
];

// Other specs share the e2e database while this one runs: they enrol students
// in the demo courses and publish courses of their own. So the checks below
// are the rules (every demo course listed, the order's rule), never a fixed
// list of every card.

/** The demo courses among the cards, in the order shown. */
async function demoTitlesShown(page: Page): Promise<string[]> {
  const titles = await page.getByRole("main").getByRole("heading", { level: 2 }).allTextContents();
  return titles.filter((title) => publicCourses.includes(title));
}

/** Every demo course is listed, most enrolled first. */
async function expectMostEnrolledFirst(page: Page) {
  expect([...(await demoTitlesShown(page))].sort()).toEqual(publicCourses);
  const cards = await page.getByRole("main").getByRole("heading", { level: 2 }).count();
  const counts = (await page.getByRole("main").getByText(/ · \d+ enrolled$/).allTextContents()).map((text) =>
    Number(/(\d+) enrolled$/.exec(text)![1]),
  );
  expect(counts).toHaveLength(cards);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
}

/** The catalogue at /courses, as a visitor uses it. */
class CataloguePage {
  constructor(readonly page: Page) {}

  async goto(query = "") {
    await this.page.goto(`/courses${query}`);
    await expect(this.page.getByRole("heading", { level: 1 })).toHaveText("Courses");
  }

  async search(text: string, options: { subject?: string; sort?: string } = {}) {
    await this.page.getByLabel("Search courses").fill(text);
    if (options.subject !== undefined) await this.page.getByLabel("Subject").selectOption(options.subject);
    if (options.sort !== undefined) await this.page.getByLabel("Sort by").selectOption(options.sort);
    await this.page.getByRole("button", { name: "Search", exact: true }).click();
  }

  /** The course titles shown, in order (each card's title is its level-2 heading). */
  cardTitles() {
    return this.page.getByRole("main").getByRole("heading", { level: 2 });
  }
}

/** The header's "Courses" link: in the main navigation, or behind "Menu" on a narrow screen. */
async function headerCoursesLink(page: Page) {
  const menu = page.locator("header summary", { hasText: /^Menu$/ });
  if (await menu.isVisible()) await menu.click();
  return page.getByRole("banner").getByRole("link", { name: "Courses", exact: true }).filter({ visible: true });
}

test.describe("course catalogue", () => {
  test("a guest browses, searches, filters, sorts and clears the catalogue", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Browse all courses" }).click();
    await expect(page).toHaveURL(/\/courses$/);
    const catalogue = new CataloguePage(page);

    await expect(page.getByText(/^\d+ courses$/)).toBeVisible();
    await expectMostEnrolledFirst(page);
    await expect(page.getByRole("link", { name: "Mechanics: Motion and Forces" })).toHaveAttribute(
      "href",
      "/courses/mechanics-motion-and-forces",
    );
    await expect(page.getByText(/^6 lessons · \d+ enrolled$/)).toBeVisible();
    await expect(page.getByText("with Daniel Okafor").first()).toBeVisible();
    await expect(page.getByText("Calculus Study Group")).toHaveCount(0);
    await expect(page.getByText("Thermodynamics")).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);

    await catalogue.search("newton");
    await expect(page).toHaveURL(/[?&]q=newton(&|$)/);
    await expect(page.getByText("1 course", { exact: true })).toBeVisible();
    await expect(catalogue.cardTitles()).toHaveText(["Mechanics: Motion and Forces"]);
    await expect(page.getByLabel("Search courses")).toHaveValue("newton");

    await catalogue.search("", { subject: "chemistry" });
    await expect(page).toHaveURL(/[?&]subject=chemistry(&|$)/);
    await expect(catalogue.cardTitles()).toHaveText(["Foundations of Chemistry"]);
    await expect(page.getByLabel("Subject")).toHaveValue("chemistry");

    await catalogue.search("", { subject: "", sort: "title" });
    await expect(page).toHaveURL(/[?&]sort=title(&|$)/);
    await expect.poll(() => demoTitlesShown(page)).toEqual(publicCourses);

    await catalogue.search("zzzzqqq");
    await expect(page.getByText("No courses match “zzzzqqq”.")).toBeVisible();
    await expect(catalogue.cardTitles()).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("link", { name: "Clear search" }).click();
    await expect(page).toHaveURL(/\/courses$/);
    await expect(catalogue.cardTitles().first()).toBeVisible();
    await expectMostEnrolledFirst(page);
    await expect(page.getByLabel("Search courses")).toHaveValue("");
  });

  test("a page past the end goes back to the first page and keeps the search, subject and sort", { tag: "@one-width" }, async ({ page }) => {
    const catalogue = new CataloguePage(page);
    await catalogue.goto("?q=cell&subject=biology&sort=title&page=7");
    await expect(page).toHaveURL(/\/courses\?q=cell&subject=biology&sort=title$/);
    await expect(catalogue.cardTitles()).toHaveText(["Cell Biology: The Unit of Life"]);
    await expect(page.getByLabel("Sort by")).toHaveValue("title");
    // Four demo courses fit on one page, so there is nothing to page through.
    await expect(page.getByRole("navigation", { name: "Pagination" })).toHaveCount(0);
  });

  test("bad parameters still show the catalogue", { tag: "@one-width" }, async ({ page }) => {
    const catalogue = new CataloguePage(page);
    const response = await page.goto(`/courses?page=abc&sort=cheapest&subject=${"x".repeat(300)}&q=${"%27%3B".repeat(5)}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Courses");
    await catalogue.search("a & | ! :*");
    await expect(page.getByText(/No courses match/)).toBeVisible();
  });

  test("every role finds Courses in the header", async ({ page, signInAs }) => {
    await page.goto("/");
    await expect(await headerCoursesLink(page)).toHaveAttribute("href", "/courses");
    await signInAs("student");
    const link = await headerCoursesLink(page);
    await link.click();
    await expect(page).toHaveURL(/\/courses$/);
    await expect(new CataloguePage(page).cardTitles().first()).toBeVisible();
    await expectMostEnrolledFirst(page);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the search form still searches", { tag: "@one-width" }, async ({ page }) => {
    const catalogue = new CataloguePage(page);
    await catalogue.goto();
    await catalogue.search("mech", { sort: "title" });
    await expect(page).toHaveURL(/\/courses\?q=mech&subject=&sort=title$/);
    await expect(catalogue.cardTitles()).toHaveText(["Mechanics: Motion and Forces"]);
  });
});
