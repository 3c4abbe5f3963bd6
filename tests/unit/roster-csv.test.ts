// The roster CSV: header mapping, file-level refusals, per-row validation,
// duplicates inside the file and CSV injection, all without a database.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { rosterLimits } from "@/lib/roster/columns";
import { mapRosterHeader, parseRoster } from "@/lib/roster/parse-roster";
import { rosterTemplateCsv } from "@/lib/roster/template";
import { formulaProblem, validateRosterRows } from "@/lib/roster/validate-rows";

const bytes = (text: string) => new TextEncoder().encode(text);
const rowsOf = (text: string) => {
  const parsed = parseRoster(bytes(text));
  if (!parsed.ok) throw new Error(parsed.message);
  return validateRosterRows(parsed.rows);
};
const messageOf = (text: string | Uint8Array) => {
  const parsed = parseRoster(typeof text === "string" ? bytes(text) : text);
  return parsed.ok ? null : parsed.message;
};

describe("header", () => {
  it("maps names case-insensitively and in any order", () => {
    expect(mapRosterHeader([" Role ", "EMAIL", "Username", "cohort"])).toEqual({ ok: true, columns: ["role", "email", "username", "cohort"] });
  });
  it("refuses unknown, blank, repeated and missing columns with a clear message", () => {
    expect(mapRosterHeader(["email", "username", "role", "phone"])).toMatchObject({ ok: false, message: expect.stringContaining("Unknown column “phone” (column 4)") });
    expect(mapRosterHeader(["email", "", "role"])).toMatchObject({ ok: false, message: expect.stringContaining("Column 2 of the header has no name") });
    expect(mapRosterHeader(["email", "Email", "username", "role"])).toMatchObject({ ok: false, message: expect.stringContaining("appears twice") });
    expect(mapRosterHeader(["email", "name"])).toMatchObject({ ok: false, message: "The header needs the columns username, role." });
  });
});

describe("file", () => {
  it("refuses empty, header-only, non-UTF-8 and binary files", () => {
    expect(messageOf("")).toMatch(/empty/);
    expect(messageOf("\ufeff  \n")).toMatch(/empty/);
    expect(messageOf("email,username,role\n")).toBe("The file has a header but no rows.");
    expect(messageOf(new Uint8Array([0x65, 0x6d, 0x61, 0x69, 0x6c, 0x0a, 0xe9, 0xff]))).toMatch(/not UTF-8/);
    expect(messageOf(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toMatch(/not a CSV/);
  });
  it("refuses a file over the size or row limit", () => {
    expect(messageOf(new Uint8Array(rosterLimits.fileBytes + 1).fill(0x61))).toMatch(/larger than 1 MB/);
    const many = `email,username,role\n${"a@b.example,,\n".repeat(rosterLimits.rows + 1)}`;
    expect(messageOf(many)).toMatch(/at most 5000/);
  });
  it("says at which line the CSV is broken", () => {
    expect(messageOf('email,username,role\na@b.example,a,student\n"b@b.example,b,student\n')).toMatch(/at line 3: a quote opened there is never closed/);
    expect(messageOf("email,username,role\na@b.example,a\n")).toMatch(/at line 2: it has a different number of cells/);
  });
  it("reads a UTF-8 BOM, CRLF line ends, blank lines and quoted line breaks, keeping each row's first line", () => {
    const rows = rowsOf('\ufeffEmail,Username,Role,Name\r\na@b.example,ana,student,Ana\r\n\r\nb@b.example,ben,teacher,"Ben\r\nJones"\r\nc@b.example,cyd,student,Cy\r\n');
    expect(rows.map((row) => [row.line, row.email, row.errors])).toEqual([
      [2, "a@b.example", []],
      [4, "b@b.example", []],
      [6, "c@b.example", []],
    ]);
    expect(rows[1]!.name).toBe("Ben Jones");
  });
});

describe("rows", () => {
  const header = "name,email,username,role,class,course,section,cohort\n";
  it("accepts a full row and normalises it", () => {
    const [row] = rowsOf(`${header}  Asha Perera ,Asha@School.Example,asha_p,Student,10,physics-1,10A,"Class 10, 2026"\n`);
    expect(row).toMatchObject({
      line: 2,
      name: "Asha Perera",
      email: "asha@school.example",
      username: "asha_p",
      role: "student",
      gradeLevel: 10,
      courseSlug: "physics-1",
      sectionName: "10A",
      cohortName: "Class 10, 2026",
      errors: [],
    });
  });
  it("lists every reason a row is wrong", () => {
    const [row] = rowsOf(`${header}X,not-an-email,ab,pupil,14,,10A,\n`);
    expect(row!.errors).toEqual([
      "The email “not-an-email” is not a valid address.",
      "The username “ab”: A username has at least 3 characters.",
      "The role “pupil” is unknown: use student, teacher or admin.",
      "The class “14” is not a number from 1 to 13.",
      "A section needs a course: fill in the course column too.",
    ]);
  });
  it("refuses usernames outside the rules and a missing email", () => {
    const [bad, missing] = rowsOf(`${header}A,a@b.example,has space,student,,,,\nB,,bee_1,student,,,,\n`);
    expect(bad!.errors).toEqual(["The username “has space”: Use only letters, digits and underscores."]);
    expect(missing!.errors).toEqual(["The email is missing."]);
  });
  it("marks the file's own duplicate emails and usernames on their later lines", () => {
    const rows = rowsOf(`${header}A,a@b.example,ana,student,,,,\nB,A@B.example,bee,student,,,,\nC,c@b.example,ANA,student,,,,\n`);
    expect(rows[0]!.errors).toEqual([]);
    expect(rows[1]!.errors).toEqual(["The email a@b.example is also on line 2."]);
    expect(rows[2]!.errors).toEqual(["The username ANA is also on line 2."]);
  });
  it("refuses over-long cells", () => {
    const [row] = rowsOf(`${header}${"n".repeat(rosterLimits.cellChars + 1)},a@b.example,ana,student,,,,\n`);
    expect(row!.errors[0]).toBe(`The name is longer than ${rosterLimits.cellChars} characters.`);
  });
  it("strips bidi and zero-width characters from names", () => {
    const [row] = rowsOf(`${header}Ana\u202e\u200b Lee,a@b.example,ana,student,,,,\n`);
    expect(row!.name).toBe("Ana Lee");
  });
});

describe("CSV injection", () => {
  const header = "name,email,username,role,cohort\n";
  it.each(["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", " =cmd"])("refuses a name starting %j", (name) => {
    const [row] = rowsOf(`${header}"${name.replaceAll('"', '""')}",a@b.example,ana,student,\n`);
    expect(row!.errors).toContainEqual(expect.stringMatching(/^The name starts with “[=+\-@]”, which spreadsheets run as a formula/));
  });
  it("refuses a tab or carriage return at the start, and checks the other text columns too", () => {
    expect(formulaProblem("name", "\tx")).toMatch(/starts with a tab/);
    expect(formulaProblem("cohort", "\rx")).toMatch(/starts with a line break/);
    const [row] = rowsOf(`${header}Ana,a@b.example,ana,student,=1+1\n`);
    expect(row!.errors).toContainEqual(expect.stringMatching(/^The cohort starts with “=”/));
    expect(formulaProblem("name", "Ana-Maria")).toBeNull();
  });
  it("the template we send escapes such cells and reads back as a valid roster", () => {
    const template = rosterTemplateCsv();
    const records = parse(template) as string[][];
    expect(records[0]).toEqual(["name", "email", "username", "role", "class", "course", "section", "cohort"]);
    expect(rowsOf(template).flatMap((row) => row.errors)).toEqual([]);
  });
});
