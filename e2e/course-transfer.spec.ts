import { readFile } from "node:fs/promises";
import { strToU8, zipSync } from "fflate";
import type { Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";
import { uniqueId } from "./support/register";

// Copying a course for a new term, a backup downloaded and restored, and a
// Common Cartridge imported. Copies and imports run in the server's
// background worker; the transfer page reloads itself until they are done.
// New courses get titles of their own (never containing a demo course's
// title, which other specs find links by).

const moduleHeadings = (page: Page) => page.getByRole("heading", { level: 2, name: /^Module \d+: / });

/** From the teacher's dashboard to a demo course's editor. */
async function openTaughtCourse(page: Page, title: string) {
  await page.getByRole("region", { name: "Courses" }).getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Edit course");
}

/** Waits on the transfer page (it refreshes itself) until the work is over, and expects it done. */
async function waitUntilDone(page: Page, doneHeading: string) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(new RegExp(`^(${doneHeading}|.* failed)$`), { timeout: 45_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(doneHeading);
}

test("a teacher copies a course for a new term, moving its due dates", async ({ page, signInAs }, testInfo) => {
  const title = `Algebra term 2 ${uniqueId(testInfo.project.name)}`;
  await signInAs("teacher");
  await openTaughtCourse(page, "Algebra Essentials");
  await page.getByRole("region", { name: "Copy and export" }).getByRole("link", { name: "Copy course" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Copy course");
  const titleField = page.getByLabel("Title of the copy");
  await expect(titleField).toHaveValue("Algebra Essentials (copy)");
  await expect(page.getByText(/The course has one due date|The course's \d+ due dates run from/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Picking the new term's first date counts the days; typing days clears the picked date.
  const days = page.getByLabel("Move every due date by (days)");
  const firstDate = page.getByLabel("Or pick the new first due date");
  const inFourMonths = new Date(Date.now() + 120 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  await firstDate.fill(inFourMonths);
  await expect(days).toHaveValue(/^[1-9]\d*$/);
  await expect(page.getByText("In the copy, the first due date is")).toBeVisible();

  await titleField.fill(title);
  await days.fill("99999");
  await expect(firstDate).toHaveValue("");
  await page.getByRole("button", { name: "Copy course" }).click();
  await expect(page.getByText("Dates move by at most 3650 days.")).toBeVisible();
  await expect(days).toHaveAttribute("aria-invalid", "true");
  await days.fill("7");
  await page.getByRole("button", { name: "Copy course" }).click();

  await expect(page).toHaveURL(/\/teacher\/transfers\/[0-9a-f-]{36}$/);
  await waitUntilDone(page, "The copy is ready");
  await expect(page.getByText("due dates moved 7 days later")).toBeVisible();
  await page.getByRole("link", { name: "Open the new course" }).click();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(title);
  await expect(page.getByText("Draft", { exact: true }).first()).toBeVisible();
  await page.getByRole("link", { name: "Edit modules and lessons" }).click();
  await expect(moduleHeadings(page)).toHaveText(["Module 1: Expressions and equations", "Module 2: Quadratics"]);
});

test("a backup is downloaded, imported again after its preview, and has the same modules", async ({ page, signInAs }, testInfo) => {
  const title = `Restored motion ${uniqueId(testInfo.project.name)}`;
  await signInAs("teacher");
  await openTaughtCourse(page, "Mechanics: Motion and Forces");
  await page.getByRole("link", { name: "Edit modules and lessons" }).click();
  await expect(moduleHeadings(page).first()).toBeVisible();
  const sourceModules = await moduleHeadings(page).allTextContents();
  await page.getByRole("link", { name: "Course settings" }).click();

  const copyAndExport = page.getByRole("region", { name: "Copy and export" });
  // A cartridge is downloaded from its own page, which first says what it leaves out.
  await expect(copyAndExport.getByRole("link", { name: "Export as Common Cartridge" })).toHaveAttribute("href", /\/cartridge$/);
  const downloading = page.waitForEvent("download");
  await copyAndExport.getByRole("link", { name: "Download backup", exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^mechanics-motion-and-forces-backup-\d{4}-\d{2}-\d{2}\.zip$/);
  const backup = await readFile(await download.path());

  await page.goto("/teacher");
  await page.getByRole("link", { name: "Import a course" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import a course");
  await expectNoSeriousA11yViolations(page);
  // Nothing chosen yet: the field says so.
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(page.getByText("Choose the course package to upload.")).toBeVisible();
  await page.getByLabel("Course package", { exact: true }).setInputFiles({ name: download.suggestedFilename(), mimeType: "application/zip", buffer: backup });
  await page.getByRole("button", { name: "Upload and preview" }).click();

  await expect(page).toHaveURL(/\/teacher\/transfers\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check the package, then import it");
  const preview = page.getByRole("region", { name: "What the package holds" });
  await expect(preview.getByText("Jeevi Academy course backup")).toBeVisible();
  await expect(preview.getByText("Mechanics: Motion and Forces", { exact: true })).toBeVisible();
  await expect(preview.locator("div").filter({ has: page.getByText("Modules", { exact: true }) })).toContainText(String(sourceModules.length));
  await expect(page.getByText("Everything in the package can be imported as it is.")).toBeVisible();
  // A backup without work offers no work to restore.
  await expect(page.getByLabel("Also restore enrolments and work")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel("Title of the new course").fill(title);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await waitUntilDone(page, "The course is imported");
  await expect(page.getByRole("region", { name: "The new course" })).toContainText(title);
  await page.getByRole("link", { name: "Edit its modules and lessons" }).click();
  await expect(moduleHeadings(page)).toHaveText(sourceModules);

  // The import page lists it, done.
  await page.goto("/teacher/courses/import");
  const listed = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: title }) });
  await expect(listed).toContainText("Backup restore");
  await expect(listed).toContainText("Done");
});

/** A small Common Cartridge 1.3: one module with a web page, a web link and a whiteboard no LMS here can show. */
function cartridge(courseTitle: string): Buffer {
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="e2e_cartridge" xmlns="http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1" xmlns:lomimscc="http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest">
  <metadata>
    <schema>IMS Common Cartridge</schema>
    <schemaversion>1.3.0</schemaversion>
    <lomimscc:lom><lomimscc:general><lomimscc:title><lomimscc:string language="en">${courseTitle}</lomimscc:string></lomimscc:title></lomimscc:general></lomimscc:lom>
  </metadata>
  <organizations>
    <organization identifier="org" structure="rooted-hierarchy">
      <item identifier="root">
        <item identifier="week1">
          <title>Week 1: Motion</title>
          <item identifier="i_page" identifierref="r_page"><title>Welcome to motion</title></item>
          <item identifier="i_link" identifierref="r_link"><title>PhET simulation</title></item>
          <item identifier="i_board" identifierref="r_board"><title>Whiteboard</title></item>
        </item>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="r_page" type="webcontent" href="week1/welcome.html"><file href="week1/welcome.html"/></resource>
    <resource identifier="r_link" type="imswl_xmlv1p3" href="links/phet.xml"><file href="links/phet.xml"/></resource>
    <resource identifier="r_board" type="imsiwb_iwbv1p0" href="boards/board.iwb"><file href="boards/board.iwb"/></resource>
  </resources>
</manifest>`;
  return Buffer.from(
    zipSync({
      "imsmanifest.xml": strToU8(manifest),
      "week1/welcome.html": strToU8("<html><head><title>Welcome</title></head><body><h2>Welcome</h2><p>Motion is a change of position.</p></body></html>"),
      "links/phet.xml": strToU8(
        `<?xml version="1.0"?><webLink xmlns="http://www.imsglobal.org/xsd/imsccv1p3/imswl_v1p3"><title>PhET</title><url href="https://phet.colorado.edu/en/simulations/forces-and-motion-basics"/></webLink>`,
      ),
      "boards/board.iwb": strToU8("board"),
    }),
  );
}

test("a Common Cartridge is imported with a report of what could not be carried over", async ({ page, signInAs }, testInfo) => {
  const title = `Cartridge motion ${uniqueId(testInfo.project.name)}`;
  await signInAs("teacher");
  await page.getByRole("link", { name: "Import a course" }).click();
  await page.getByLabel("Course package", { exact: true }).setInputFiles({ name: "motion.imscc", mimeType: "application/zip", buffer: cartridge(title) });
  await page.getByRole("button", { name: "Upload and preview" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check the package, then import it");
  const preview = page.getByRole("region", { name: "What the package holds" });
  await expect(preview.getByText(/^IMS Common Cartridge 1\.3/)).toBeVisible();
  await expect(preview.getByText(title, { exact: true })).toBeVisible();
  await expect(preview.locator("div").filter({ has: page.getByText("Lessons", { exact: true }) })).toContainText("2");
  const leftOut = page.getByRole("region", { name: /What cannot be carried over/ });
  await expect(leftOut.getByRole("listitem").filter({ hasText: "imsiwb_iwbv1p0" })).toContainText("it was left out");

  await page.getByLabel("Subject").fill("physics");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await waitUntilDone(page, "The course is imported");
  const report = page.getByRole("region", { name: /Import report/ });
  await expect(report.getByRole("listitem").filter({ hasText: "imsiwb_iwbv1p0" })).toContainText("it was left out");

  await page.getByRole("link", { name: "Edit its modules and lessons" }).click();
  await expect(moduleHeadings(page)).toHaveText(["Module 1: Week 1: Motion"]);
  await expect(page.getByRole("button", { name: "Drag Welcome to motion" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Drag PhET simulation" })).toBeVisible();
});
