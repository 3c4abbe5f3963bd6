import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { lessonColumns } from "@/lib/authoring/lesson-columns";
import { isPermutationOf, moveItem, shiftedOrder, transferItem } from "@/lib/authoring/ordering";
import {
  addLessonSchema,
  addModuleSchema,
  lessonSchema,
  moduleSchema,
  moveLessonSchema,
  reorderLessonsSchema,
  reorderModulesSchema,
} from "@/lib/authoring/schemas";

/** The field paths a failed parse complains about, with their first message. */
function errorsOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  expect(result.success).toBe(false);
  const errors: Record<string, string> = {};
  for (const issue of result.error!.issues) errors[issue.path.join(".")] ??= issue.message;
  return errors;
}

const fileId = randomUUID();

describe("moduleSchema", () => {
  it("trims the title and defaults the description", () => {
    expect(moduleSchema.parse({ title: "  Heat  " })).toEqual({ title: "Heat", description: "" });
  });

  it.each([
    [{ title: "" }, "title", "Enter a title."],
    [{ title: "   " }, "title", "Enter a title."],
    [{ title: "x".repeat(201) }, "title", "A title has at most 200 characters."],
    [{ title: "ok", description: "x".repeat(2001) }, "description", "A description has at most 2000 characters."],
  ])("refuses %j", (input, field, message) => {
    expect(errorsOf(moduleSchema.safeParse(input))).toEqual({ [field]: message });
  });

  it("accepts exactly 200 and 2000 characters", () => {
    expect(moduleSchema.safeParse({ title: "x".repeat(200), description: "y".repeat(2000) }).success).toBe(true);
  });

  it("needs a course id in the action", () => {
    expect(errorsOf(addModuleSchema.safeParse({ title: "Heat", courseId: "nope" }))).toEqual({ courseId: "Choose a course." });
  });
});

describe("lessonSchema", () => {
  it("accepts a text lesson and turns empty optional fields into null", () => {
    expect(lessonSchema.parse({ title: " Entropy ", contentType: "text", body: "# Hi", externalUrl: "", fileId: "", durationMinutes: null })).toEqual({
      title: "Entropy",
      contentType: "text",
      body: "# Hi",
      externalUrl: null,
      fileId: null,
      durationMinutes: null,
    });
  });

  it("needs text for a text lesson", () => {
    expect(errorsOf(lessonSchema.safeParse({ title: "T", contentType: "text", body: " \n " }))).toEqual({ body: "Write the lesson's text." });
  });

  it("limits the body to 50,000 characters", () => {
    expect(lessonSchema.safeParse({ title: "T", contentType: "text", body: "x".repeat(50_000) }).success).toBe(true);
    expect(errorsOf(lessonSchema.safeParse({ title: "T", contentType: "text", body: "x".repeat(50_001) }))).toEqual({
      body: "The text has at most 50,000 characters.",
    });
  });

  it.each(["https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://youtu.be/dQw4w9WgXcQ", "https://vimeo.com/76979871"])(
    "accepts the video link %s",
    (externalUrl) => {
      expect(lessonSchema.safeParse({ title: "V", contentType: "video", externalUrl }).success).toBe(true);
    },
  );

  it.each([
    [undefined, "Paste a YouTube or Vimeo link, or upload a video file."],
    ["", "Paste a YouTube or Vimeo link, or upload a video file."],
    ["https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ", "Only YouTube and Vimeo links can be embedded."],
    ["https://example.org/video.mp4", "Only YouTube and Vimeo links can be embedded."],
    ["javascript:alert(1)", "Only YouTube and Vimeo links can be embedded."],
  ])("refuses a video without a file and with the link %j", (externalUrl, message) => {
    expect(errorsOf(lessonSchema.safeParse({ title: "V", contentType: "video", externalUrl }))).toEqual({ externalUrl: message });
  });

  it("accepts an uploaded video with no link", () => {
    expect(lessonSchema.safeParse({ title: "V", contentType: "video", fileId }).success).toBe(true);
  });

  it("needs an uploaded file for a file lesson, as a uuid", () => {
    expect(errorsOf(lessonSchema.safeParse({ title: "F", contentType: "file" }))).toEqual({ fileId: "Upload the document for this lesson." });
    expect(errorsOf(lessonSchema.safeParse({ title: "F", contentType: "file", fileId: "../etc/passwd" }))).toEqual({ fileId: "Upload the file again." });
    expect(lessonSchema.safeParse({ title: "F", contentType: "file", fileId }).success).toBe(true);
  });

  it.each([
    [undefined, "Enter the address of the resource."],
    ["example.org", "Enter a web address starting with https:// or http://."],
    ["ftp://example.org/file", "Enter a web address starting with https:// or http://."],
    ["javascript:alert(1)", "Enter a web address starting with https:// or http://."],
    ["data:text/html,<script>alert(1)</script>", "Enter a web address starting with https:// or http://."],
  ])("refuses the link %j for a url lesson", (externalUrl, message) => {
    expect(errorsOf(lessonSchema.safeParse({ title: "U", contentType: "url", externalUrl }))).toEqual({ externalUrl: message });
  });

  it("accepts http and https links for a url lesson", () => {
    for (const externalUrl of ["https://example.org/a?b=c", "http://example.org"]) {
      expect(lessonSchema.safeParse({ title: "U", contentType: "url", externalUrl }).success).toBe(true);
    }
  });

  it.each([
    [-1, "The duration cannot be negative."],
    [1441, "A lesson lasts at most 1440 minutes (a day)."],
    [2.5, "Enter the duration in whole minutes."],
    [Number.NaN, "Enter the duration in whole minutes."],
    ["10", "Enter the duration in whole minutes."],
  ])("refuses the duration %j", (durationMinutes, message) => {
    expect(errorsOf(lessonSchema.safeParse({ title: "T", contentType: "text", body: "b", durationMinutes }))).toEqual({ durationMinutes: message });
  });

  it("accepts durations from 0 to 1440 minutes", () => {
    for (const durationMinutes of [0, 45, 1440]) {
      expect(lessonSchema.parse({ title: "T", contentType: "text", body: "b", durationMinutes }).durationMinutes).toBe(durationMinutes);
    }
  });

  it("refuses an unknown kind of lesson", () => {
    expect(errorsOf(lessonSchema.safeParse({ title: "T", contentType: "quiz", body: "b" }))).toEqual({ contentType: "Choose the kind of lesson." });
  });

  it("checks the content in the action's schema too", () => {
    const input = { courseId: randomUUID(), moduleId: randomUUID(), title: "F", contentType: "file" };
    expect(errorsOf(addLessonSchema.safeParse(input))).toEqual({ fileId: "Upload the document for this lesson." });
  });
});

describe("reorder and move schemas", () => {
  it("refuse an id twice or a malformed id", () => {
    const [a, b] = [randomUUID(), randomUUID()];
    expect(reorderModulesSchema.safeParse({ courseId: randomUUID(), moduleIds: [a, b] }).success).toBe(true);
    expect(errorsOf(reorderModulesSchema.safeParse({ courseId: randomUUID(), moduleIds: [a, b, a] }))).toEqual({
      moduleIds: "An item appears twice in the new order.",
    });
    expect(errorsOf(reorderLessonsSchema.safeParse({ courseId: randomUUID(), moduleId: randomUUID(), lessonIds: [a, "1"] }))).toEqual({
      "lessonIds.1": "Choose a lesson.",
    });
  });

  it("moves a lesson to the end when no index is given, and refuses a negative index", () => {
    const base = { courseId: randomUUID(), lessonId: randomUUID(), toModuleId: randomUUID() };
    expect(moveLessonSchema.parse(base).toIndex).toBe(1000);
    expect(moveLessonSchema.safeParse({ ...base, toIndex: -1 }).success).toBe(false);
  });
});

describe("ordering", () => {
  it("moves an item and clamps the destination", () => {
    expect(moveItem(["a", "b", "c", "d"], 3, 1)).toEqual(["a", "d", "b", "c"]);
    expect(moveItem(["a", "b", "c"], 0, 2)).toEqual(["b", "c", "a"]);
    expect(moveItem(["a", "b", "c"], 0, 99)).toEqual(["b", "c", "a"]);
    expect(moveItem(["a", "b", "c"], 1, -5)).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b"], 5, 0)).toEqual(["a", "b"]);
  });

  it("recognises exactly the same ids in another order", () => {
    expect(isPermutationOf(["a", "b", "c"], ["c", "a", "b"])).toBe(true);
    expect(isPermutationOf(["a", "b", "c"], ["a", "b"])).toBe(false);
    expect(isPermutationOf(["a", "b", "c"], ["a", "b", "c", "d"])).toBe(false);
    expect(isPermutationOf(["a", "b", "c"], ["a", "b", "d"])).toBe(false);
    expect(isPermutationOf(["a", "b", "c"], ["a", "a", "b"])).toBe(false);
    expect(isPermutationOf([], [])).toBe(true);
  });

  it("shifts up and down, and leaves the ends alone", () => {
    expect(shiftedOrder(["a", "b", "c"], "b", "up")).toEqual(["b", "a", "c"]);
    expect(shiftedOrder(["a", "b", "c"], "b", "down")).toEqual(["a", "c", "b"]);
    expect(shiftedOrder(["a", "b", "c"], "a", "up")).toEqual(["a", "b", "c"]);
    expect(shiftedOrder(["a", "b", "c"], "c", "down")).toEqual(["a", "b", "c"]);
    expect(shiftedOrder(["a", "b", "c"], "z", "up")).toBeNull();
  });

  it("transfers an item between lists at an index", () => {
    expect(transferItem(["a", "b", "c"], ["x", "y"], "b", 1)).toEqual({ source: ["a", "c"], target: ["x", "b", "y"] });
    expect(transferItem(["a", "b"], ["x"], "a", 50)).toEqual({ source: ["b"], target: ["x", "a"] });
  });
});

describe("lessonColumns", () => {
  const base = { title: "L", body: "notes", durationMinutes: 5 };
  it("keeps only what each kind uses, and the body for all", () => {
    expect(lessonColumns({ ...base, contentType: "text", externalUrl: "https://x.org", fileId })).toEqual({
      ...base,
      contentType: "text",
      externalUrl: null,
      fileId: null,
    });
    expect(lessonColumns({ ...base, contentType: "url", externalUrl: "https://x.org", fileId })).toMatchObject({ externalUrl: "https://x.org", fileId: null });
    expect(lessonColumns({ ...base, contentType: "file", externalUrl: "https://x.org", fileId })).toMatchObject({ externalUrl: null, fileId });
  });

  it("prefers an uploaded video over a link", () => {
    const link = "https://youtu.be/dQw4w9WgXcQ";
    expect(lessonColumns({ ...base, contentType: "video", externalUrl: link, fileId })).toMatchObject({ externalUrl: null, fileId });
    expect(lessonColumns({ ...base, contentType: "video", externalUrl: link, fileId: null })).toMatchObject({ externalUrl: link, fileId: null });
  });
});
