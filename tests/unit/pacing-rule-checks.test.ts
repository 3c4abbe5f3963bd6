import { describe, expect, it } from "vitest";
import type { ReleaseRule } from "@/lib/pacing/release-rule";
import { cycleMessage, findCycle, ruleProblems, withRule, type RuleOutline } from "@/lib/pacing/rule-checks";

// Ids are UUIDs in the database and free-form in course documents: the checks only compare them.
const outline: RuleOutline = {
  modules: [
    { id: "m1", title: "Motion", rule: null },
    { id: "m2", title: "Forces", rule: null },
    { id: "m3", title: "Energy", rule: null },
  ],
  lessons: [
    { id: "l1", moduleId: "m1", title: "Speed", rule: null },
    { id: "l2", moduleId: "m1", title: "Acceleration", rule: null },
    { id: "l3", moduleId: "m2", title: "Newton", rule: null },
    { id: "l4", moduleId: "m3", title: "Work", rule: null },
  ],
  tasks: [
    { id: "q1", moduleId: "m1", title: "Motion quiz", rule: null, published: true, maxPoints: 10 },
    { id: "q2", moduleId: "m2", title: "Forces quiz", rule: null, published: true, maxPoints: 5 },
    { id: "d1", moduleId: "m2", title: "Discussion", rule: null, published: true, maxPoints: null },
    { id: "draft", moduleId: "m3", title: "Draft quiz", rule: null, published: false, maxPoints: 4 },
    { id: "loose", moduleId: null, title: "Final exam", rule: null, published: true, maxPoints: 50 },
  ],
};

const completed = (kind: "module" | "lesson" | "task", id: string) => ({ kind: "completed" as const, item: { kind, id } });
const score = (taskId: string, minPercent = 50) => ({ kind: "score" as const, taskId, minPercent });
const all = (...conditions: ReleaseRule["conditions"]): ReleaseRule => ({ match: "all", conditions });
const any = (...conditions: ReleaseRule["conditions"]): ReleaseRule => ({ match: "any", conditions });

describe("ruleProblems: what the rule names", () => {
  it("accepts dates, enrolment days and items of the course", () => {
    const rule = all(
      { kind: "date", opensAt: "2026-12-10T09:00:00.000Z" },
      { kind: "enrolment_days", days: 3 },
      completed("module", "m1"),
      completed("lesson", "l2"),
      completed("task", "d1"),
      score("q1", 80),
    );
    expect(ruleProblems(outline, { kind: "lesson", id: "l4" }, rule)).toEqual([]);
  });

  it.each([
    ["module", "l1"],
    ["lesson", "m1"],
    ["task", "nowhere"],
  ] as const)("refuses a %s that is not in the course (%s), next to its condition", (kind, id) => {
    const problems = ruleProblems(outline, { kind: "lesson", id: "l4" }, all({ kind: "enrolment_days", days: 1 }, completed(kind, id)));
    expect(problems).toEqual([{ path: "conditions.1.item", message: `There is no such ${kind} in this course.` }]);
  });

  it("refuses a score on a task not in the course, and on a task without points", () => {
    expect(ruleProblems(outline, { kind: "lesson", id: "l4" }, all(score("elsewhere")))).toEqual([
      { path: "conditions.0.taskId", message: "There is no such quiz or task in this course." },
    ]);
    expect(ruleProblems(outline, { kind: "lesson", id: "l4" }, all(score("d1")))).toEqual([
      { path: "conditions.0.taskId", message: "“Discussion” has no points, so it has no score: choose a quiz or a task with points." },
    ]);
  });

  it("reports every bad condition, each at its own index", () => {
    const problems = ruleProblems(outline, { kind: "lesson", id: "l4" }, any(completed("lesson", "x"), { kind: "enrolment_days", days: 0 }, score("d1")));
    expect(problems.map((problem) => problem.path)).toEqual(["conditions.0.item", "conditions.2.taskId"]);
  });
});

describe("ruleProblems: an item waiting for itself", () => {
  it.each([
    ["lesson", "l1", completed("lesson", "l1"), "A lesson cannot wait for itself to be completed."],
    ["task", "q1", completed("task", "q1"), "A task cannot wait for itself to be completed."],
    ["module", "m1", completed("module", "m1"), "A module cannot wait for itself to be completed."],
    ["task", "q1", score("q1"), "A task cannot wait for its own score."],
  ] as const)("refuses a %s %s naming itself", (kind, id, condition, message) => {
    expect(ruleProblems(outline, { kind, id }, all(condition))).toEqual([{ path: expect.stringMatching(/^conditions\.0\./), message }]);
  });

  it("refuses a lesson or task waiting for its own module", () => {
    expect(ruleProblems(outline, { kind: "lesson", id: "l1" }, all(completed("module", "m1")))[0]!.message).toMatch(/^A lesson cannot wait for its own module/);
    expect(ruleProblems(outline, { kind: "task", id: "q2" }, all(completed("module", "m2")))[0]!.message).toMatch(/^A task cannot wait for its own module/);
  });

  it("refuses a module waiting for its own lessons, tasks or quiz score", () => {
    expect(ruleProblems(outline, { kind: "module", id: "m1" }, all(completed("lesson", "l2")))[0]!.message).toMatch(/^A module cannot wait for its own lessons/);
    expect(ruleProblems(outline, { kind: "module", id: "m2" }, all(completed("task", "d1")))[0]!.message).toMatch(/^A module cannot wait for its own lessons/);
    expect(ruleProblems(outline, { kind: "module", id: "m1" }, all(score("q1")))[0]!.message).toMatch(/^A module cannot wait for a score on its own quiz/);
  });

  it("lets a task outside any module wait for any module, and a lesson for another lesson of its module", () => {
    expect(ruleProblems(outline, { kind: "task", id: "loose" }, all(completed("module", "m1"), completed("module", "m2")))).toEqual([]);
    expect(ruleProblems(outline, { kind: "lesson", id: "l2" }, all(completed("lesson", "l1"), score("q1")))).toEqual([]);
  });
});

describe("ruleProblems and findCycle: loops across the course", () => {
  it("refuses A after B when B already waits for A, naming both", () => {
    const course = withRule(outline, { kind: "lesson", id: "l3" }, all(completed("lesson", "l4")));
    const problems = ruleProblems(course, { kind: "lesson", id: "l4" }, all(completed("lesson", "l3")));
    expect(problems).toEqual([
      {
        path: "conditions",
        message:
          "These conditions wait on each other in a loop, so nothing in it could ever open: lesson “Work” waits for lesson “Newton”, which waits for lesson “Work”.",
      },
    ]);
  });

  it("finds a loop through a module's completion and its contents' modules", () => {
    // Module Forces opens after module Motion is completed; the Motion quiz would wait for a score on the Forces quiz.
    const course = withRule(outline, { kind: "module", id: "m2" }, all(completed("module", "m1")));
    const [problem] = ruleProblems(course, { kind: "task", id: "q1" }, all(score("q2")));
    expect(problem!.path).toBe("conditions");
    expect(problem!.message).toContain("task “Motion quiz” waits for task “Forces quiz”, which waits for module “Forces”, which waits for module “Motion”, which waits for task “Motion quiz”.");
  });

  it("finds a three-item loop, and a loop through any of its conditions under 'any'", () => {
    let course = withRule(outline, { kind: "lesson", id: "l1" }, all(completed("lesson", "l3")));
    course = withRule(course, { kind: "lesson", id: "l3" }, any({ kind: "enrolment_days", days: 2 }, completed("lesson", "l4")));
    const [problem] = ruleProblems(course, { kind: "lesson", id: "l4" }, all(completed("lesson", "l1")));
    expect(problem!.message).toContain("lesson “Work” waits for lesson “Speed”, which waits for lesson “Newton”, which waits for lesson “Work”.");
  });

  it("ignores draft tasks when asking whether a module is completed", () => {
    // The draft quiz is in Energy; waiting for Energy to be completed does not wait for the draft.
    const course = withRule(outline, { kind: "task", id: "draft" }, all(completed("module", "m1")));
    expect(ruleProblems(course, { kind: "module", id: "m1" }, all(completed("module", "m3")))).toEqual([]);
    // A published one counts: the same loop through the Forces quiz is refused.
    const published = withRule(outline, { kind: "task", id: "q2" }, all(completed("module", "m1")));
    expect(ruleProblems(published, { kind: "module", id: "m1" }, all(completed("module", "m2")))).toHaveLength(1);
  });

  it("accepts a chain that does not come back", () => {
    let course = withRule(outline, { kind: "module", id: "m2" }, all(completed("module", "m1")));
    course = withRule(course, { kind: "module", id: "m3" }, all(completed("module", "m2"), score("q2", 70)));
    expect(ruleProblems(course, { kind: "task", id: "loose" }, all(completed("module", "m3")))).toEqual([]);
    expect(findCycle(withRule(course, { kind: "task", id: "loose" }, all(completed("module", "m3"))))).toBeNull();
  });

  it("blames only loops through the edited item: an existing loop elsewhere does not block it", () => {
    let course = withRule(outline, { kind: "lesson", id: "l1" }, all(completed("lesson", "l3")));
    course = withRule(course, { kind: "lesson", id: "l3" }, all(completed("lesson", "l1")));
    expect(ruleProblems(course, { kind: "lesson", id: "l4" }, all(completed("lesson", "l1")))).toEqual([]);
    // The whole-course search finds it.
    const cycle = findCycle(course);
    expect(cycle).not.toBeNull();
    expect(cycleMessage(course, cycle!)).toMatch(/lesson “(Speed|Newton)” waits for lesson “(Newton|Speed)”, which waits for lesson “\1”\./);
  });

  it("finds an item naming itself in a whole-course search, and names a deleted item as such", () => {
    const course = withRule(outline, { kind: "lesson", id: "l2" }, all(completed("lesson", "l2")));
    expect(findCycle(course)).toEqual([{ kind: "lesson", id: "l2" }]);
    expect(cycleMessage(course, [{ kind: "lesson", id: "gone" }])).toContain("a deleted lesson waits for a deleted lesson.");
  });

  it("does not follow conditions naming missing items", () => {
    const course = withRule(outline, { kind: "lesson", id: "l1" }, all(completed("lesson", "missing"), score("missing")));
    expect(findCycle(course)).toBeNull();
  });

  it("handles a long chain without running out of stack", () => {
    const lessons = Array.from({ length: 5_000 }, (_, i) => ({
      id: `c${i}`,
      moduleId: "big",
      title: `Step ${i}`,
      rule: i === 0 ? null : all(completed("lesson", `c${i - 1}`)),
    }));
    const big: RuleOutline = { modules: [{ id: "big", title: "Big", rule: null }], lessons, tasks: [] };
    expect(findCycle(big)).toBeNull();
    expect(ruleProblems(big, { kind: "lesson", id: "c0" }, all(completed("lesson", "c4999")))[0]!.path).toBe("conditions");
  });
});
