import { describe, expect, it } from "vitest";
import { courseIdSchema, courseSchema, updateCourseSchema } from "@/lib/courses/schemas";
import { firstFreeSlug, slugFromTitle } from "@/lib/courses/slug";

const valid = {
  title: "Mechanics: Motion and Forces",
  description: "Newton's **laws**.",
  learningObjectives: "- Describe motion",
  prerequisites: "",
  subject: "physics",
  visibility: "public",
  enrollmentKey: "",
} as const;

/** The messages a failed parse gives, by field path. */
function errorsOf(input: unknown): Record<string, string[]> {
  const result = courseSchema.safeParse(input);
  expect(result.success).toBe(false);
  const errors: Record<string, string[]> = {};
  for (const issue of result.error!.issues) (errors[issue.path.join(".")] ??= []).push(issue.message);
  return errors;
}

describe("courseSchema: title", () => {
  it("trims the title", () => {
    expect(courseSchema.parse({ ...valid, title: "  Optics  " }).title).toBe("Optics");
  });

  it.each([1, 200])("accepts a title of %i characters", (length) => {
    expect(courseSchema.parse({ ...valid, title: "a".repeat(length) }).title).toHaveLength(length);
  });

  it("counts the length after trimming", () => {
    expect(courseSchema.parse({ ...valid, title: `  ${"a".repeat(200)}  ` }).title).toHaveLength(200);
  });

  it.each([
    ["", "Give the course a title."],
    ["    ", "Give the course a title."],
    ["a".repeat(201), "A title has at most 200 characters."],
    ["\u202e\u200b", "Give the course a title."],
  ])("refuses %j", (title, message) => {
    expect(errorsOf({ ...valid, title })).toEqual({ title: [message] });
  });

  it.each([
    ["Two\nlines", "Two lines"],
    ["Nul\u0000byte", "Nulbyte"],
    ["\u202eMechanics\u200b", "Mechanics"],
  ])("stores %j as one line, %j", (title, stored) => {
    expect(courseSchema.parse({ ...valid, title }).title).toBe(stored);
  });
});

describe("courseSchema: Markdown fields", () => {
  it.each([
    ["description", 20_000],
    ["learningObjectives", 5_000],
    ["prerequisites", 5_000],
  ] as const)("%s accepts %i characters and refuses one more", (field, max) => {
    expect(courseSchema.parse({ ...valid, [field]: "x".repeat(max) })[field]).toHaveLength(max);
    expect(Object.keys(errorsOf({ ...valid, [field]: "x".repeat(max + 1) }))).toEqual([field]);
  });

  it("keeps line breaks and indentation, which are Markdown", () => {
    const description = "# Heading\n\n  - item\n\tcode";
    expect(courseSchema.parse({ ...valid, description }).description).toBe(description);
  });

  it("drops NUL characters, which PostgreSQL cannot store", () => {
    expect(courseSchema.parse({ ...valid, description: "a\u0000b" }).description).toBe("ab");
  });

  it("accepts empty Markdown fields", () => {
    const parsed = courseSchema.parse({ ...valid, description: "", learningObjectives: "", prerequisites: "" });
    expect(parsed).toMatchObject({ description: "", learningObjectives: "", prerequisites: "" });
  });
});

describe("courseSchema: subject", () => {
  it.each([
    ["physics", "physics"],
    ["  Physics ", "physics"],
    ["COMPUTER   Science", "computer science"],
    ["arts & crafts", "arts & crafts"],
    ["year-10 maths", "year-10 maths"],
    ["ab", "ab"],
    ["a".repeat(60), "a".repeat(60)],
  ])("accepts %j as %j", (subject, stored) => {
    expect(courseSchema.parse({ ...valid, subject }).subject).toBe(stored);
  });

  it.each([
    ["", "Name the subject, like “physics” or “mathematics”."],
    ["a", "Name the subject, like “physics” or “mathematics”."],
    ["a".repeat(61), "A subject has at most 60 characters."],
  ])("refuses %j with a clear message", (subject, message) => {
    expect(errorsOf({ ...valid, subject }).subject).toEqual([message]);
  });

  it.each(["10th grade", "-physics", "physics!", "chemistry/biology", "física", "math_s"])("refuses %j", (subject) => {
    expect(errorsOf({ ...valid, subject }).subject).toEqual([
      "Start the subject with a letter, then use letters, digits, spaces, “&” or “-”, like “computer science”.",
    ]);
  });
});

describe("courseSchema: visibility and enrolment key", () => {
  it("stores no key for a public course, whatever was typed", () => {
    expect(courseSchema.parse({ ...valid, enrollmentKey: "typed-then-hidden" }).enrollmentKey).toBeNull();
    expect(courseSchema.parse({ ...valid, enrollmentKey: null }).enrollmentKey).toBeNull();
    expect(courseSchema.parse({ ...valid, enrollmentKey: undefined }).enrollmentKey).toBeNull();
  });

  it("does not judge a hidden key on a public course", () => {
    expect(courseSchema.safeParse({ ...valid, enrollmentKey: "x".repeat(500) }).success).toBe(true);
  });

  it("a private course needs a key, reported on the key's field", () => {
    expect(errorsOf({ ...valid, visibility: "private", enrollmentKey: "   " })).toEqual({
      enrollmentKey: ["A private course needs an enrolment key: students type it to join."],
    });
    expect(errorsOf({ ...valid, visibility: "private", enrollmentKey: null })).toEqual({
      enrollmentKey: ["A private course needs an enrolment key: students type it to join."],
    });
  });

  it.each([
    ["abc", "An enrolment key has at least 4 characters."],
    ["k".repeat(101), "An enrolment key has at most 100 characters."],
    ["two\nlines", "An enrolment key is one line of text."],
  ])("refuses the private key %j", (enrollmentKey, message) => {
    expect(errorsOf({ ...valid, visibility: "private", enrollmentKey })).toEqual({ enrollmentKey: [message] });
  });

  it.each(["abcd", "k".repeat(100), "LIMITS-2026"])("keeps the private key %j, trimmed", (key) => {
    expect(courseSchema.parse({ ...valid, visibility: "private", enrollmentKey: ` ${key} ` }).enrollmentKey).toBe(key);
  });

  it("reports the key along with other fields' errors", () => {
    expect(Object.keys(errorsOf({ ...valid, title: "", visibility: "private", enrollmentKey: "" })).sort()).toEqual([
      "enrollmentKey",
      "title",
    ]);
  });

  it("reports a missing key even when the subject is empty too", () => {
    expect(Object.keys(errorsOf({ ...valid, subject: "", visibility: "private", enrollmentKey: "" })).sort()).toEqual([
      "enrollmentKey",
      "subject",
    ]);
  });

  it("refuses an unknown visibility", () => {
    expect(Object.keys(errorsOf({ ...valid, visibility: "secret" }))).toEqual(["visibility"]);
  });
});

describe("updateCourseSchema and courseIdSchema", () => {
  const courseId = "4b4a9c1e-3f7b-4c55-9a3e-2f0d6f1b9e01";

  it("applies the same rules and keeps the course id", () => {
    expect(updateCourseSchema.parse({ ...valid, courseId, subject: " Physics " })).toMatchObject({
      courseId,
      subject: "physics",
      enrollmentKey: null,
    });
    expect(updateCourseSchema.safeParse({ ...valid, courseId, visibility: "private", enrollmentKey: "" }).success).toBe(false);
  });

  it("refuses a malformed course id", () => {
    expect(updateCourseSchema.safeParse({ ...valid, courseId: "1 OR 1=1" }).success).toBe(false);
    expect(courseIdSchema.safeParse({ courseId: "not-a-uuid" }).success).toBe(false);
    expect(courseIdSchema.parse({ courseId })).toEqual({ courseId });
  });
});

describe("slugFromTitle", () => {
  it.each([
    ["Mechanics: Motion and Forces", "mechanics-motion-and-forces"],
    ["  Électricité & Magnétisme!  ", "electricite-and-magnetisme"],
    ["C++ for Beginners (2026)", "c-for-beginners-2026"],
    ["物理", "course"],
    ["---", "course"],
  ])("%j → %j", (title, slug) => {
    expect(slugFromTitle(title)).toBe(slug);
  });

  it("keeps slugs to 200 characters, never ending on a dash", () => {
    const slug = slugFromTitle(`${"a".repeat(199)} b${"c".repeat(50)}`);
    expect(slug).toBe("a".repeat(199));
    expect(slugFromTitle("x".repeat(300))).toHaveLength(200);
  });
});

describe("firstFreeSlug", () => {
  it("uses the base when it is free", () => {
    expect(firstFreeSlug("optics", ["optics-2"])).toBe("optics");
  });

  it("appends -2, -3… on collision, filling the first gap", () => {
    expect(firstFreeSlug("optics", ["optics"])).toBe("optics-2");
    expect(firstFreeSlug("optics", ["optics", "optics-2", "optics-3"])).toBe("optics-4");
    expect(firstFreeSlug("optics", ["optics", "optics-3"])).toBe("optics-2");
  });
});
