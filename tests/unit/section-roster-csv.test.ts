import { describe, expect, it } from "vitest";
import { parseRosterCsv, rosterHeaderMessage } from "@/lib/sections/roster-csv";
import { notEnrolledMessage, planRoster } from "@/lib/sections/roster-plan";
import { sectionLimits } from "@/lib/sections/schemas";

// A roster CSV: each row's validation with its line number, and what saving it would do.

const rowsOf = (text: string) => {
  const file = parseRosterCsv(text);
  if (!file.ok) throw new Error(file.error);
  return file;
};

describe("parseRosterCsv", () => {
  it("reads the email or username and the section of each row, with its line", () => {
    const file = rowsOf("email,section\narjun@school.example,10A\n\npriya_n,10B\n");
    expect(file.problems).toEqual([]);
    expect(file.rows).toEqual([
      { line: 2, identifier: "arjun@school.example", sectionName: "10A" },
      { line: 4, identifier: "priya_n", sectionName: "10B" },
    ]);
  });

  it("finds the columns by their header, in any order and case, with a byte order mark and extra columns", () => {
    const file = rowsOf('\uFEFFName,Section Name,Username\n"Mehta, Arjun",10A,arjun\n');
    expect(file.rows).toEqual([{ line: 2, identifier: "arjun", sectionName: "10A" }]);
  });

  it("reports each bad row with its line number and reason", () => {
    const long = "x".repeat(sectionLimits.name + 1);
    const file = rowsOf(`email,section\n,10A\narjun,\narjun,${long}\narjun,10A\nARJUN,10a\n${"y".repeat(400)},10A\n`);
    expect(file.rows).toEqual([{ line: 5, identifier: "arjun", sectionName: "10A" }]);
    expect(file.problems).toEqual([
      { line: 2, message: "No email or username." },
      { line: 3, message: "No section name." },
      { line: 4, message: `The section name is longer than ${sectionLimits.name} characters.` },
      { line: 6, message: "Repeats line 5." },
      { line: 7, message: "The email or username is too long to be one." },
    ]);
  });

  it("cleans invisible and control characters out of names", () => {
    const file = rowsOf("email,section\n arjun\u200b , 10\u202eA \n");
    expect(file.rows[0]).toMatchObject({ identifier: "arjun", sectionName: "10A" });
  });

  it("refuses a file without the two columns, an empty one, malformed CSV, too many rows or too many bytes", () => {
    expect(parseRosterCsv("name,class\nArjun,10A\n")).toEqual({ ok: false, error: rosterHeaderMessage });
    expect(parseRosterCsv("")).toEqual({ ok: false, error: "The file is empty." });
    expect(parseRosterCsv("email,section\n")).toEqual({ ok: false, error: "The file has a header row but no students." });
    expect(parseRosterCsv('email,section\n"arjun,10A\n')).toMatchObject({ ok: false, error: expect.stringContaining("not valid CSV") });
    const many = `email,section\n${"a,b\n".repeat(sectionLimits.csvRows + 1)}`;
    expect(parseRosterCsv(many)).toMatchObject({ ok: false, error: expect.stringContaining(`at most ${sectionLimits.csvRows}`) });
    expect(parseRosterCsv(`email,section\n${"a".repeat(sectionLimits.csvBytes)},b\n`)).toMatchObject({ ok: false, error: expect.stringContaining("KB") });
  });
});

describe("planRoster", () => {
  const students = [
    { id: "u1", email: "Arjun@School.example", username: "arjun", name: "Arjun Mehta" },
    { id: "u2", email: "priya@school.example", username: "priya_n", name: "Priya Nair" },
  ];
  const sections = [{ id: "s1", name: "10A" }];

  it("matches students by email or username and sections by name, any case; unknown sections are new", () => {
    const plan = planRoster(rowsOf("email,section\narjun@school.EXAMPLE,10a\nPRIYA_N,10B\npriya@school.example,10b\n"), {
      students,
      sections,
      memberships: new Set(["s1:u1"]),
    });
    expect(plan.problems).toEqual([{ line: 4, message: "Repeats line 3 (the same student and section)." }]);
    expect(plan.newSections).toEqual(["10B"]);
    expect(plan.rows).toEqual([
      { line: 2, student: { id: "u1", name: "Arjun Mehta" }, section: { name: "10A", id: "s1", isNew: false }, alreadyMember: true },
      { line: 3, student: { id: "u2", name: "Priya Nair" }, section: { name: "10B", id: null, isNew: true }, alreadyMember: false },
    ]);
  });

  it("reports a student who is not enrolled, in line order with the file's own problems", () => {
    const plan = planRoster(rowsOf("email,section\nstranger@school.example,10A\n,10A\narjun,10A\n"), { students, sections, memberships: new Set() });
    expect(plan.problems).toEqual([
      { line: 2, message: notEnrolledMessage },
      { line: 3, message: "No email or username." },
    ]);
    expect(plan.rows.map((row) => row.student.id)).toEqual(["u1"]);
  });
});
