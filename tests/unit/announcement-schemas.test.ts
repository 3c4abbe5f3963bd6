import { describe, expect, it } from "vitest";
import { announcementFieldsSchema, postAnnouncementSchema } from "@/lib/announcements/schemas";

const messagesOf = (input: unknown) =>
  Object.fromEntries((announcementFieldsSchema.safeParse(input).error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));

describe("announcement fields", () => {
  it("trims the title and keeps the Markdown body as written", () => {
    expect(announcementFieldsSchema.parse({ title: "  Exam on Friday ", body: "    code block first\n\nthen text" })).toEqual({
      title: "Exam on Friday",
      body: "    code block first\n\nthen text",
    });
  });

  it("asks for a title of 1 to 200 characters and a body of 1 to 20,000", () => {
    expect(messagesOf({ title: " ", body: " \n\t" })).toEqual({ title: "Enter a title.", body: "Write the announcement." });
    expect(messagesOf({ title: "x".repeat(201), body: "y".repeat(20_001) })).toEqual({
      title: "A title has at most 200 characters.",
      body: "An announcement has at most 20,000 characters.",
    });
    expect(announcementFieldsSchema.safeParse({ title: "x".repeat(200), body: "y".repeat(20_000) }).success).toBe(true);
  });

  it("needs a course id that is a uuid to post", () => {
    expect(postAnnouncementSchema.safeParse({ courseId: "abc", title: "t", body: "b" }).success).toBe(false);
  });
});
