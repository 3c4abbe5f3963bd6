import { describe, expect, it } from "vitest";
import { codeLength, formatCertificateCode, generateCertificateCode, normalizeCertificateCode } from "@/lib/certificates/code";
import { ruleBodySchema, templateSchema } from "@/lib/certificates/schemas";
import { standingNote } from "@/lib/certificates/standing";
import { fillWording, unknownPlaceholders, wordingProblem } from "@/lib/certificates/wording";

describe("certificate codes", () => {
  it("are 16 Crockford base32 characters, different each time", () => {
    const codes = Array.from({ length: 200 }, generateCertificateCode);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(new Set(codes).size).toBe(200);
    expect(codeLength).toBe(16);
  });

  it("use every character of the alphabet (no bias towards part of it)", () => {
    const seen = new Set(Array.from({ length: 400 }, generateCertificateCode).join(""));
    expect(seen.size).toBe(32);
  });

  it("are shown in four groups of four", () => {
    expect(formatCertificateCode("7KQ2M9XD4TRC0B1H")).toBe("7KQ2-M9XD-4TRC-0B1H");
  });

  it.each([
    ["7KQ2-M9XD-4TRC-0B1H", "7KQ2M9XD4TRC0B1H"],
    ["7kq2m9xd4trc0b1h", "7KQ2M9XD4TRC0B1H"],
    ["  7kq2 m9xd-4trc 0b1h ", "7KQ2M9XD4TRC0B1H"],
    // Crockford reads I and L as 1, O as 0.
    ["7KQ2-M9XD-4TRC-OBIH", "7KQ2M9XD4TRC0B1H"],
    ["7KQ2-M9XD-4TRC-0BLH", "7KQ2M9XD4TRC0B1H"],
  ])("%s is looked up as %s", (typed, stored) => {
    expect(normalizeCertificateCode(typed)).toBe(stored);
  });

  it.each(["", "7KQ2-M9XD-4TRC", "7KQ2-M9XD-4TRC-0B1HX", "7KQ2-M9XD-4TRC-0B1U", "7KQ2-M9XD-4TRC-0B1*", "../../etc/passwd0000"])(
    "%j is not a code",
    (typed) => {
      expect(normalizeCertificateCode(typed)).toBeNull();
    },
  );
});

describe("wording placeholders", () => {
  const values = { student: "Zoë Ωmega", course: "Physics", date: "3 March 2026", teacher: "Ms Rao" };

  it("fills every known placeholder, each time it appears", () => {
    expect(fillWording("{student} completed {course} on {date} with {teacher}. Well done, {student}!", values)).toBe(
      "Zoë Ωmega completed Physics on 3 March 2026 with Ms Rao. Well done, Zoë Ωmega!",
    );
  });

  it("never reads a value as a placeholder", () => {
    expect(fillWording("{student} / {course}", { ...values, student: "{course}" })).toBe("{course} / Physics");
  });

  it("names the unknown placeholders once each", () => {
    expect(unknownPlaceholders("{student} {grade} {Student} {grade} {}")).toEqual(["{grade}", "{Student}", "{}"]);
    expect(unknownPlaceholders("{student} {course} {date} {teacher}")).toEqual([]);
    expect(wordingProblem("Hello {name}")).toBe("Unknown placeholder {name}: use only {student}, {course}, {date}, {teacher}.");
    expect(wordingProblem("{student} done")).toBeNull();
  });

  it("the template form refuses an unknown placeholder next to the wording", () => {
    const result = templateSchema.safeParse({ name: "Main", title: "Certificate", wording: "For {student} in {class}", signatureName: "", signatureTitle: "" });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["wording"], message: expect.stringContaining("{class}") })]);
  });

  it("one-line fields lose bidi controls and zero-width characters", () => {
    const result = templateSchema.parse({ name: "Ma\u202ein\u200b", title: " Certificate ", wording: "For {student}", signatureName: "Dr\u200d X", signatureTitle: "" });
    expect(result).toMatchObject({ name: "Main", title: "Certificate", signatureName: "Dr X" });
  });
});

describe("certificate rule input", () => {
  it.each([
    [{ minGradePercent: "", templateId: "" }, { minGradePercent: null, templateId: null }],
    [{ minGradePercent: "70", templateId: null }, { minGradePercent: 70, templateId: null }],
    [{ minGradePercent: 62.5, templateId: null }, { minGradePercent: 62.5, templateId: null }],
    [{ minGradePercent: "0", templateId: null }, { minGradePercent: 0, templateId: null }],
  ])("%j is %j", (input, expected) => {
    expect(ruleBodySchema.parse(input)).toEqual(expected);
  });

  it.each([["101"], ["-1"], ["abc"], [70.123], [Number.NaN]])("minimum %j is refused next to the field", (minGradePercent) => {
    const result = ruleBodySchema.safeParse({ minGradePercent, templateId: null });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["minGradePercent"]);
  });

  it("refuses unknown fields and a malformed template id", () => {
    expect(ruleBodySchema.safeParse({ minGradePercent: null, templateId: null, extra: 1 }).success).toBe(false);
    expect(ruleBodySchema.safeParse({ minGradePercent: null, templateId: "nope" }).success).toBe(false);
  });
});

describe("what a student reads about a course's certificate", () => {
  const base = { issues: true, minGradePercent: null, gradePercent: null, enrollmentCompleted: false, certificate: null };
  it.each([
    [{ ...base, issues: false }, { kind: "none" }],
    [base, { kind: "pending", steps: ["Complete every item"] }],
    [{ ...base, minGradePercent: 70, gradePercent: 55 }, { kind: "pending", steps: ["Complete every item", "Reach 70% course grade"] }],
    [{ ...base, minGradePercent: 70, gradePercent: 70, enrollmentCompleted: true }, { kind: "pending", steps: [] }],
    [{ ...base, enrollmentCompleted: true, certificate: { id: "c1", code: "ABC", revoked: false } }, { kind: "earned", certificateId: "c1", code: "ABC" }],
    [{ ...base, enrollmentCompleted: true, certificate: { id: "c1", code: "ABC", revoked: true } }, { kind: "revoked" }],
  ])("%j → %j", (standing, expected) => {
    expect(standingNote(standing)).toEqual(expected);
  });
});
