import { describe, expect, it } from "vitest";
import { announcementFieldsSchema } from "@/lib/announcements/schemas";
import { createApiTokenSchema } from "@/lib/api/token-schemas";
import { displayNameSchema, overLongPasswordStandIn, passwordSchema, registerSchema, signInSchema, usernameSchema } from "@/lib/auth/schemas";
import { moduleSchema } from "@/lib/authoring/schemas";
import { courseSchema } from "@/lib/courses/schemas";
import { startThreadSchema } from "@/lib/discussions/schemas";
import { saveAnswerSchema } from "@/lib/quizzes/taking/schemas";
import { cleanMultiLine, cleanOneLine } from "@/lib/text/one-line";

// Names and titles must read as what they are: the characters that reorder
// or hide text are removed, and so are the control characters PostgreSQL
// would refuse (NUL) or a title has no use for.

const bidi = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c"];
const zeroWidth = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"];

describe("cleanOneLine", () => {
  it.each([...bidi, ...zeroWidth].map((char) => [`U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`, char]))(
    "removes %s",
    (_name, char) => {
      expect(cleanOneLine(`Ad${char}min`)).toBe("Admin");
    },
  );

  it("removes C0 and C1 controls, turns line breaks and tabs into a space, and trims", () => {
    expect(cleanOneLine("  a\u0000b\u0007c\u0085d\u009fe\u007f  ")).toBe("abc de");
    expect(cleanOneLine("Two\nlines\tand\r\na tab ")).toBe("Two lines and a tab");
  });

  it("keeps letters of every script, accents and emoji", () => {
    expect(cleanOneLine("Zoë Ωmega 数学 مرحبا 👩‍🔬")).toBe("Zoë Ωmega 数学 مرحبا 👩🔬");
  });

  it("makes a reversed name read as what it is", () => {
    // "‮nimda" shows as "admin" in a browser; stored cleaned it shows as "nimda".
    expect(cleanOneLine("\u202enimda")).toBe("nimda");
  });
});

describe("cleanMultiLine", () => {
  it("keeps tabs, line breaks and bidi marks, and loses NUL and the other controls", () => {
    expect(cleanMultiLine("# Title\n\n\tcode\r\nשלום\u200f end\u0000\u0007\u000b")).toBe("# Title\n\n\tcode\r\nשלום\u200f end");
  });
});

describe("the schemas use it", () => {
  it("display names lose bidi and zero-width characters before their length is checked", () => {
    expect(displayNameSchema.parse("\u202eAsha\u200b Raman\u0000")).toBe("Asha Raman");
    expect(displayNameSchema.parse("\u200b\u200b")).toBeNull();
  });

  it("usernames are refused rather than cleaned: their pattern already forbids such characters", () => {
    expect(usernameSchema.safeParse("ad\u202emin").success).toBe(false);
    expect(usernameSchema.safeParse("ad\u0000min").success).toBe(false);
  });

  it("titles of courses, modules, announcements, threads and tokens are cleaned", () => {
    const course = { title: "\u202eMechanics\u200d", description: "", learningObjectives: "", prerequisites: "", subject: "physics", visibility: "public" };
    expect(courseSchema.parse(course).title).toBe("Mechanics");
    expect(moduleSchema.parse({ title: "Week\u00001" }).title).toBe("Week1");
    expect(announcementFieldsSchema.parse({ title: "Exam\u2066 moved", body: "Body\u0000 text" })).toEqual({ title: "Exam moved", body: "Body text" });
    const thread = startThreadSchema.parse({ courseId: "5f0c8a3e-2b7d-4c1a-9e6f-0a1b2c3d4e5f", title: "\ufeffHelp", body: "a\u0000b" });
    expect([thread.title, thread.body]).toEqual(["Help", "ab"]);
    expect(createApiTokenSchema.parse({ name: "ci\u200b script", lifetime: "30" }).name).toBe("ci script");
  });

  it("a title made only of invisible characters is empty, and refused as empty", () => {
    const result = courseSchema.safeParse({ title: "\u202e\u200b", description: "", learningObjectives: "", prerequisites: "", subject: "physics", visibility: "public" });
    expect(result.success).toBe(false);
  });

  it("a typed quiz answer loses NUL", () => {
    const parsed = saveAnswerSchema.parse({
      attemptId: "5f0c8a3e-2b7d-4c1a-9e6f-0a1b2c3d4e5f",
      questionId: "5f0c8a3e-2b7d-4c1a-9e6f-0a1b2c3d4e5f",
      response: { text: "4\u00002" },
    });
    expect(parsed.response).toEqual({ text: "42" });
  });
});

describe("passwords", () => {
  const megabyte = "p".repeat(1024 * 1024);

  it("a new password longer than 128 characters is refused by the schema, before any hashing", () => {
    expect(passwordSchema.safeParse("p".repeat(128)).success).toBe(true);
    expect(passwordSchema.safeParse("p".repeat(129)).success).toBe(false);
    const result = registerSchema.safeParse({ email: "a@b.example", username: "abc", password: megabyte, confirmPassword: megabyte });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((issue) => issue.path[0])).toEqual(expect.arrayContaining(["password", "confirmPassword"]));
  });

  it("an over-long sign-in password becomes a short stand-in that no password can match, not a message of its own", () => {
    const parsed = signInSchema.parse({ email: "a@b.example", password: megabyte });
    expect(parsed.password).toBe(overLongPasswordStandIn);
    expect(parsed.password.length).toBe(129);
    expect(passwordSchema.safeParse(overLongPasswordStandIn).success).toBe(false);
    expect(signInSchema.parse({ email: "a@b.example", password: "p".repeat(128) }).password).toHaveLength(128);
  });
});
