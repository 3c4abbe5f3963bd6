import { describe, expect, it } from "vitest";
import { emailSchema, passwordSchema, registerSchema, signInSchema, usernameSchema } from "@/lib/auth/schemas";

const validRegistration = {
  email: "Student@School.org",
  username: "new_student_1",
  displayName: "New Student",
  password: "correct-horse-battery",
  confirmPassword: "correct-horse-battery",
};

/** The field paths a failed parse complains about. */
function failingPaths(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): string[] {
  expect(result.success).toBe(false);
  return [...new Set(result.error!.issues.map((issue) => issue.path.join(".")))];
}

describe("emailSchema", () => {
  it("trims and lower-cases the address", () => {
    expect(emailSchema.parse("  Ada.Lovelace@Example.COM  ")).toBe("ada.lovelace@example.com");
  });

  it.each(["", "   ", "not-an-email", "a@", "@b.org", "a b@c.org", "a@b", `${"x".repeat(250)}@b.org`])(
    "refuses %j",
    (value) => {
      expect(emailSchema.safeParse(value).success).toBe(false);
    },
  );

  it("refuses non-strings", () => {
    expect(emailSchema.safeParse(42).success).toBe(false);
    expect(emailSchema.safeParse(null).success).toBe(false);
  });
});

describe("usernameSchema", () => {
  it.each(["abc", "ABC_def_123", "___", "user_name", "a".repeat(150)])("accepts %j", (value) => {
    expect(usernameSchema.parse(value)).toBe(value);
  });

  it("trims surrounding spaces before checking", () => {
    expect(usernameSchema.parse("  ada_99  ")).toBe("ada_99");
  });

  it.each([
    ["too short", "ab"],
    ["empty", ""],
    ["151 characters", "a".repeat(151)],
    ["a space", "has space"],
    ["a dash", "dash-ed"],
    ["a dot", "dot.ted"],
    ["an at sign", "me@home"],
    ["a non-ASCII letter", "josé_1"],
    ["an emoji", "smile_😀"],
  ])("refuses a username with %s", (_label, value) => {
    expect(usernameSchema.safeParse(value).success).toBe(false);
  });
});

describe("passwordSchema", () => {
  it.each([
    [7, false],
    [8, true],
    [128, true],
    [129, false],
  ])("a password of %i characters is accepted: %s", (length, accepted) => {
    expect(passwordSchema.safeParse("p".repeat(length)).success).toBe(accepted);
  });

  it("keeps the password exactly as typed (no trimming)", () => {
    expect(passwordSchema.parse("  spaced password  ")).toBe("  spaced password  ");
  });
});

describe("registerSchema", () => {
  it("parses a valid registration and normalises the email", () => {
    const parsed = registerSchema.parse(validRegistration);
    expect(parsed).toEqual({
      email: "student@school.org",
      username: "new_student_1",
      displayName: "New Student",
      password: "correct-horse-battery",
      confirmPassword: "correct-horse-battery",
    });
  });

  it("reports an invalid email on the email field", () => {
    expect(failingPaths(registerSchema.safeParse({ ...validRegistration, email: "nope" }))).toEqual(["email"]);
  });

  it.each(["ab", "has space", "dash-ed", "a".repeat(151)])("reports username %j on the username field", (username) => {
    expect(failingPaths(registerSchema.safeParse({ ...validRegistration, username }))).toEqual(["username"]);
  });

  it.each([
    [7, false],
    [8, true],
    [128, true],
    [129, false],
  ])("a %i-character password passes: %s", (length, accepted) => {
    const password = "q".repeat(length);
    const result = registerSchema.safeParse({ ...validRegistration, password, confirmPassword: password });
    expect(result.success).toBe(accepted);
    if (!accepted) expect(failingPaths(result)).toEqual(["password"]);
  });

  it("refuses a confirmation that does not match, on the confirmPassword field", () => {
    const result = registerSchema.safeParse({ ...validRegistration, confirmPassword: "correct-horse-battery!" });
    expect(failingPaths(result)).toEqual(["confirmPassword"]);
    expect(result.error!.issues[0]!.message).toBe("The passwords do not match.");
  });

  it("refuses a missing confirmation", () => {
    const { confirmPassword: _omitted, ...rest } = validRegistration;
    expect(failingPaths(registerSchema.safeParse(rest))).toContain("confirmPassword");
  });

  it.each([
    ["empty", ""],
    ["blank", "   "],
    ["null", null],
    ["undefined", undefined],
  ])("turns a %s display name into null", (_label, displayName) => {
    expect(registerSchema.parse({ ...validRegistration, displayName }).displayName).toBeNull();
  });

  it("trims the display name", () => {
    expect(registerSchema.parse({ ...validRegistration, displayName: "  Ada  " }).displayName).toBe("Ada");
  });

  it("accepts a display name of 200 characters and refuses 201", () => {
    expect(registerSchema.parse({ ...validRegistration, displayName: "d".repeat(200) }).displayName).toBe("d".repeat(200));
    expect(failingPaths(registerSchema.safeParse({ ...validRegistration, displayName: "d".repeat(201) }))).toEqual([
      "displayName",
    ]);
  });

  it("reports every bad field at once", () => {
    const result = registerSchema.safeParse({
      email: "bad",
      username: "x",
      displayName: "",
      password: "short",
      confirmPassword: "short",
    });
    expect(failingPaths(result).sort()).toEqual(["email", "password", "username"]);
  });
});

describe("signInSchema", () => {
  it("trims and lower-cases the email and keeps the password as typed", () => {
    expect(signInSchema.parse({ email: " Teacher@Jeevi.Example ", password: " secret " })).toEqual({
      email: "teacher@jeevi.example",
      password: " secret ",
    });
  });

  it("keeps an optional callbackUrl", () => {
    expect(signInSchema.parse({ email: "a@b.org", password: "x", callbackUrl: "/courses" }).callbackUrl).toBe("/courses");
  });

  it("refuses an invalid email", () => {
    expect(failingPaths(signInSchema.safeParse({ email: "a@", password: "whatever" }))).toEqual(["email"]);
  });

  it("refuses an empty password but does not apply the registration minimum", () => {
    expect(failingPaths(signInSchema.safeParse({ email: "a@b.org", password: "" }))).toEqual(["password"]);
    expect(signInSchema.safeParse({ email: "a@b.org", password: "short" }).success).toBe(true);
  });

  it("accepts a 128-character password, and reads a longer one as a wrong password rather than refusing it on length", () => {
    expect(signInSchema.safeParse({ email: "a@b.org", password: "p".repeat(128) }).success).toBe(true);
    // A "too long" message would be a refusal unlike any other wrong password's (see overLongPasswordStandIn).
    expect(signInSchema.parse({ email: "a@b.org", password: "p".repeat(129) }).password).not.toBe("p".repeat(129));
  });
});
