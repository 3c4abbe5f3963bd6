import { describe, expect, it } from "vitest";
import { allOpen, completedModules, courseRelease, hasRules, type PacedCourse, type StudentFacts } from "@/lib/pacing/course-release";
import { describeGroup, describeLock, describeReason, lockSentence, usableTimeZone, type LockWording } from "@/lib/pacing/describe-lock";
import { effectiveLimits } from "@/lib/pacing/effective-task";
import { combineStates, enrolmentOpensAt, evaluateRule, openState, unmetReason, type ReleaseFacts } from "@/lib/pacing/evaluate-release";
import { lockJson } from "@/lib/pacing/lock-json";
import { nextOpenItem, openNeighbours, pacedProgress, releasedCounts } from "@/lib/pacing/paced-progress";
import { parseStoredRule, referencedItems, releaseRuleSchema, type ReleaseRule } from "@/lib/pacing/release-rule";
import type { CourseItem } from "@/lib/progress/course-items";

// Ids as uuids, so every rule here also passes the schema.
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const [m1, m2, l1, l2, l3, t1, t2, draftTask] = [1, 2, 3, 4, 5, 6, 7, 8].map(id) as [string, string, string, string, string, string, string, string];

const now = new Date("2027-01-12T09:00:00Z");
const day = 86_400_000;
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);

function facts(over: Partial<ReleaseFacts> = {}): ReleaseFacts {
  return {
    now,
    enrolledAt: at(-3 * day),
    completedLessons: new Set(),
    completedTasks: new Set(),
    completedModules: new Set(),
    scores: new Map(),
    ...over,
  };
}

const rule = (match: "all" | "any", ...conditions: ReleaseRule["conditions"]): ReleaseRule => releaseRuleSchema.parse({ match, conditions });
const date = (when: Date) => ({ kind: "date" as const, opensAt: when.toISOString() });
const days = (n: number) => ({ kind: "enrolment_days" as const, days: n });
const done = (kind: "module" | "lesson" | "task", itemId: string) => ({ kind: "completed" as const, item: { kind, id: itemId } });
const score = (taskId: string, minPercent: number) => ({ kind: "score" as const, taskId, minPercent });

describe("release rule schema", () => {
  it("takes each kind of condition, matched all or any", () => {
    for (const match of ["all", "any"] as const) {
      expect(releaseRuleSchema.safeParse({ match, conditions: [date(now), days(7), done("module", m1), score(t1, 60)] }).success).toBe(true);
    }
  });

  it("takes a date with Z or an offset, and refuses one without", () => {
    expect(releaseRuleSchema.safeParse({ match: "all", conditions: [{ kind: "date", opensAt: "2027-01-12T09:00:00Z" }] }).success).toBe(true);
    expect(releaseRuleSchema.safeParse({ match: "all", conditions: [{ kind: "date", opensAt: "2027-01-12T09:00:00+05:30" }] }).success).toBe(true);
    expect(releaseRuleSchema.safeParse({ match: "all", conditions: [{ kind: "date", opensAt: "2027-01-12T09:00:00" }] }).success).toBe(false);
    expect(releaseRuleSchema.safeParse({ match: "all", conditions: [{ kind: "date", opensAt: "next Tuesday" }] }).success).toBe(false);
  });

  it.each([
    ["no conditions", { match: "all", conditions: [] }],
    ["eleven conditions", { match: "all", conditions: Array.from({ length: 11 }, () => days(1)) }],
    ["an unknown match", { match: "most", conditions: [days(1)] }],
    ["an unknown kind", { match: "all", conditions: [{ kind: "moon_phase" }] }],
    ["negative days", { match: "all", conditions: [days(-1)] }],
    ["fractional days", { match: "all", conditions: [{ kind: "enrolment_days", days: 1.5 }] }],
    ["too many days", { match: "all", conditions: [days(3651)] }],
    ["a score above 100", { match: "all", conditions: [score(t1, 100.5)] }],
    ["a negative score", { match: "all", conditions: [score(t1, -1)] }],
    ["a task id that is no uuid", { match: "all", conditions: [score("quiz-1", 50)] }],
    ["an item of an unknown kind", { match: "all", conditions: [{ kind: "completed", item: { kind: "course", id: m1 } }] }],
  ])("refuses %s", (_name, value) => {
    expect(releaseRuleSchema.safeParse(value).success).toBe(false);
  });

  it("reads a stored rule, and anything unreadable as no rule", () => {
    const stored = { match: "any", conditions: [days(2)] };
    expect(parseStoredRule(stored)).toEqual(stored);
    for (const bad of [null, undefined, "rule", 42, [], {}, { match: "all" }, { match: "all", conditions: [{ kind: "date", opensAt: "soon" }] }]) {
      expect(parseStoredRule(bad)).toBeNull();
    }
  });

  it("lists the items a rule points at", () => {
    expect(referencedItems(rule("all", date(now), days(1), done("lesson", l1), score(t1, 50), done("module", m2)))).toEqual([
      { kind: "lesson", id: l1 },
      { kind: "task", id: t1 },
      { kind: "module", id: m2 },
    ]);
    expect(referencedItems(rule("all", date(now)))).toEqual([]);
  });
});

describe("one condition", () => {
  it("opens a date at its instant, not a millisecond before", () => {
    expect(unmetReason(date(now), facts())).toBeNull();
    expect(unmetReason(date(at(-1)), facts())).toBeNull();
    expect(unmetReason(date(at(1)), facts())).toEqual({ kind: "date", opensAt: at(1) });
  });

  it("opens N days after enrolment, and never for a reader who is not enrolled", () => {
    // Enrolled three days ago.
    expect(unmetReason(days(0), facts())).toBeNull();
    expect(unmetReason(days(3), facts())).toBeNull();
    expect(unmetReason(days(4), facts())).toEqual({ kind: "enrolment_days", days: 4, opensAt: at(day) });
    expect(unmetReason(days(0), facts({ enrolledAt: null }))).toEqual({ kind: "enrolment_days", days: 0, opensAt: null });
    expect(enrolmentOpensAt(null, 3)).toBeNull();
    expect(enrolmentOpensAt(now, 7)).toEqual(at(7 * day));
  });

  it("opens once the named module, lesson or task is completed", () => {
    const all = facts({ completedModules: new Set([m1]), completedLessons: new Set([l1]), completedTasks: new Set([t1]) });
    for (const [kind, itemId] of [["module", m1], ["lesson", l1], ["task", t1]] as const) {
      expect(unmetReason(done(kind, itemId), all)).toBeNull();
      expect(unmetReason(done(kind, itemId), facts())).toEqual({ kind: "completed", item: { kind, id: itemId } });
    }
    // The kinds are kept apart: a lesson done is not a task done.
    expect(unmetReason(done("task", l1), all)).not.toBeNull();
  });

  it("opens on a score at or above the threshold, not below it or without a score", () => {
    const scored = (percent: number) => facts({ scores: new Map([[t1, percent]]) });
    expect(unmetReason(score(t1, 60), scored(60))).toBeNull();
    expect(unmetReason(score(t1, 60), scored(60.0001))).toBeNull();
    expect(unmetReason(score(t1, 60), scored(59.9999))).toEqual({ kind: "score", taskId: t1, minPercent: 60 });
    expect(unmetReason(score(t1, 60), facts())).toEqual({ kind: "score", taskId: t1, minPercent: 60 });
    expect(unmetReason(score(t1, 0), scored(0))).toBeNull();
    expect(unmetReason(score(t1, 0), facts())).not.toBeNull();
    expect(unmetReason(score(t1, 100), scored(100))).toBeNull();
    // Another task's score does not count.
    expect(unmetReason(score(t2, 10), scored(100))).not.toBeNull();
  });
});

describe("a rule", () => {
  it("is open without a rule", () => {
    expect(evaluateRule(null, facts())).toBe(openState);
  });

  it("with all: opens only when every condition is met, listing each one unmet", () => {
    const both = rule("all", date(at(-day)), done("lesson", l1));
    expect(evaluateRule(both, facts({ completedLessons: new Set([l1]) })).open).toBe(true);
    const state = evaluateRule(both, facts());
    expect(state).toEqual({
      open: false,
      reasons: [{ kind: "completed", item: { kind: "lesson", id: l1 } }],
      groups: [{ match: "all", reasons: [{ kind: "completed", item: { kind: "lesson", id: l1 } }] }],
      opensAt: null,
    });
  });

  it("with any: opens when one condition is met, and lists them all while none is", () => {
    const either = rule("any", date(at(day)), done("lesson", l1));
    expect(evaluateRule(either, facts({ completedLessons: new Set([l1]) })).open).toBe(true);
    expect(evaluateRule(either, facts({ now: at(day) })).open).toBe(true);
    const state = evaluateRule(either, facts());
    expect(state.open).toBe(false);
    expect(state.reasons).toHaveLength(2);
    expect(state.groups).toEqual([{ match: "any", reasons: state.reasons }]);
  });

  it("with all: knows when it opens only if nothing but time stands in the way (the latest time)", () => {
    expect(evaluateRule(rule("all", date(at(day)), days(5)), facts()).opensAt).toEqual(at(2 * day));
    expect(evaluateRule(rule("all", date(at(3 * day)), days(5)), facts()).opensAt).toEqual(at(3 * day));
    expect(evaluateRule(rule("all", date(at(day)), done("lesson", l1)), facts()).opensAt).toBeNull();
    expect(evaluateRule(rule("all", date(at(day)), score(t1, 50)), facts()).opensAt).toBeNull();
    // Enrolment days of a reader who is not enrolled: unknown.
    expect(evaluateRule(rule("all", date(at(day)), days(1)), facts({ enrolledAt: null })).opensAt).toBeNull();
    // A condition already met does not hold the time back.
    expect(evaluateRule(rule("all", date(at(day)), done("lesson", l1)), facts({ completedLessons: new Set([l1]) })).opensAt).toEqual(at(day));
  });

  it("with any: opens at the latest by the earliest time-bound condition", () => {
    expect(evaluateRule(rule("any", date(at(3 * day)), days(5)), facts()).opensAt).toEqual(at(2 * day));
    expect(evaluateRule(rule("any", date(at(day)), done("lesson", l1)), facts()).opensAt).toEqual(at(day));
    expect(evaluateRule(rule("any", done("lesson", l1), score(t1, 50)), facts()).opensAt).toBeNull();
    expect(evaluateRule(rule("any", days(1)), facts({ enrolledAt: null })).opensAt).toBeNull();
  });
});

describe("combining a module's state with its item's", () => {
  const lockedAt = (when: Date) => evaluateRule(rule("all", date(when)), facts());
  const lockedBy = (lessonId: string) => evaluateRule(rule("all", done("lesson", lessonId)), facts());

  it("is the other one's when either is open", () => {
    expect(combineStates(openState, lockedAt(at(day)))).toEqual(lockedAt(at(day)));
    expect(combineStates(lockedAt(at(day)), openState)).toEqual(lockedAt(at(day)));
    expect(combineStates(openState, openState).open).toBe(true);
  });

  it("lists the module's reasons first and opens at the later time, or unknown", () => {
    const both = combineStates(lockedAt(at(2 * day)), lockedAt(at(day)));
    expect(both.opensAt).toEqual(at(2 * day));
    expect(both.reasons.map((reason) => reason.kind === "date" && reason.opensAt)).toEqual([at(2 * day), at(day)]);
    expect(both.groups).toHaveLength(2);
    expect(combineStates(lockedAt(at(day)), lockedBy(l1)).opensAt).toBeNull();
    expect(combineStates(lockedBy(l1), lockedAt(at(day))).reasons[0]).toEqual({ kind: "completed", item: { kind: "lesson", id: l1 } });
  });
});

describe("a course's release states", () => {
  const course = (over: Partial<PacedCourse> = {}): PacedCourse => ({
    modules: [
      { id: m1, rule: null },
      { id: m2, rule: null },
    ],
    lessons: [
      { id: l1, moduleId: m1, rule: null },
      { id: l2, moduleId: m1, rule: null },
      { id: l3, moduleId: m2, rule: null },
    ],
    tasks: [
      { id: t1, moduleId: m1, rule: null, published: true },
      { id: t2, moduleId: null, rule: null, published: true },
      { id: draftTask, moduleId: m1, rule: null, published: false },
    ],
    ...over,
  });
  const student = (over: Partial<StudentFacts> = {}): StudentFacts => ({
    enrolledAt: at(-3 * day),
    completedLessons: new Set(),
    completedTasks: new Set(),
    scores: new Map(),
    ...over,
  });

  it("has no rules, and everything open, when no item has one", () => {
    expect(hasRules(course())).toBe(false);
    const release = courseRelease(course(), student(), now);
    for (const [kind, itemId] of [["module", m1], ["lesson", l1], ["task", t1], ["task", "unknown"]] as const) {
      expect(release.isOpen(kind, itemId)).toBe(true);
    }
    expect(allOpen.isOpen("lesson", l1)).toBe(true);
    expect(allOpen.state("task", t1)).toBe(openState);
  });

  it("notices a rule on a module, a lesson or a task", () => {
    const locked = rule("all", days(10));
    expect(hasRules(course({ modules: [{ id: m1, rule: locked }] }))).toBe(true);
    expect(hasRules(course({ lessons: [{ id: l1, moduleId: m1, rule: locked }] }))).toBe(true);
    expect(hasRules(course({ tasks: [{ id: t1, moduleId: null, rule: locked, published: true }] }))).toBe(true);
  });

  it("applies a module's rule to its lessons and tasks, and not to the rest", () => {
    const paced = course({ modules: [{ id: m1, rule: rule("all", date(at(day))) }, { id: m2, rule: null }] });
    const release = courseRelease(paced, student(), now);
    expect(release.isOpen("module", m1)).toBe(false);
    expect(release.isOpen("lesson", l1)).toBe(false);
    expect(release.isOpen("lesson", l2)).toBe(false);
    expect(release.isOpen("task", t1)).toBe(false);
    expect(release.state("lesson", l1).opensAt).toEqual(at(day));
    expect(release.isOpen("module", m2)).toBe(true);
    expect(release.isOpen("lesson", l3)).toBe(true);
    expect(release.isOpen("task", t2)).toBe(true);
    // Once the day comes, all of it opens.
    const later = courseRelease(paced, student(), at(day));
    expect([later.isOpen("lesson", l1), later.isOpen("task", t1)]).toEqual([true, true]);
  });

  it("needs both the module's rule and the lesson's own", () => {
    const paced = course({
      modules: [{ id: m1, rule: rule("all", date(at(-day))) }, { id: m2, rule: null }],
      lessons: [
        { id: l1, moduleId: m1, rule: null },
        { id: l2, moduleId: m1, rule: rule("all", done("lesson", l1)) },
        { id: l3, moduleId: m2, rule: null },
      ],
    });
    expect(courseRelease(paced, student(), now).isOpen("lesson", l2)).toBe(false);
    expect(courseRelease(paced, student({ completedLessons: new Set([l1]) }), now).isOpen("lesson", l2)).toBe(true);
  });

  it("counts a module done when its lessons and published tasks are (drafts aside)", () => {
    const paced = course();
    expect(completedModules(paced, student())).toEqual(new Set());
    expect(completedModules(paced, student({ completedLessons: new Set([l1, l2]) }))).toEqual(new Set());
    expect(completedModules(paced, student({ completedLessons: new Set([l1, l2]), completedTasks: new Set([t1]) }))).toEqual(new Set([m1]));
    expect(completedModules(paced, student({ completedLessons: new Set([l3]) }))).toEqual(new Set([m2]));
    // A task outside any module holds no module back.
    expect(completedModules(paced, student({ completedLessons: new Set([l1, l2, l3]), completedTasks: new Set([t1]) }))).toEqual(new Set([m1, m2]));
  });

  it("opens an item on a module completed", () => {
    const paced = course({
      modules: [{ id: m1, rule: null }, { id: m2, rule: rule("all", done("module", m1)) }],
    });
    expect(courseRelease(paced, student({ completedLessons: new Set([l1, l2]) }), now).isOpen("lesson", l3)).toBe(false);
    expect(courseRelease(paced, student({ completedLessons: new Set([l1, l2]), completedTasks: new Set([t1]) }), now).isOpen("lesson", l3)).toBe(true);
  });

  it("opens an item on a score threshold, at the boundary", () => {
    const paced = course({ tasks: [{ id: t1, moduleId: m1, rule: null, published: true }, { id: t2, moduleId: null, rule: rule("all", score(t1, 60)), published: true }] });
    expect(courseRelease(paced, student({ scores: new Map([[t1, 59.99]]) }), now).isOpen("task", t2)).toBe(false);
    expect(courseRelease(paced, student({ scores: new Map([[t1, 60]]) }), now).isOpen("task", t2)).toBe(true);
  });
});

describe("progress and navigation with locks", () => {
  const items: CourseItem[] = [
    { kind: "lesson", id: l1, title: "One", moduleId: m1 },
    { kind: "lesson", id: l2, title: "Two", moduleId: m1 },
    { kind: "task", id: t1, title: "Quiz", type: "quiz", moduleId: m1 },
    { kind: "lesson", id: l3, title: "Three", moduleId: m2 },
  ];
  const paced: PacedCourse = {
    modules: [{ id: m1, rule: null }, { id: m2, rule: rule("all", date(at(day))) }],
    lessons: [
      { id: l1, moduleId: m1, rule: null },
      { id: l2, moduleId: m1, rule: rule("all", done("lesson", l1)) },
      { id: l3, moduleId: m2, rule: null },
    ],
    tasks: [{ id: t1, moduleId: m1, rule: null, published: true }, { id: draftTask, moduleId: m1, rule: null, published: false }],
  };
  const student: StudentFacts = { enrolledAt: at(-day), completedLessons: new Set([l1]), completedTasks: new Set(), scores: new Map() };
  const release = courseRelease(paced, student, now);
  const doneSets = { lessons: student.completedLessons, tasks: student.completedTasks };

  it("counts every item under 'all', as before", () => {
    expect(pacedProgress(items, doneSets, release, "all")).toEqual({ required: 4, completed: 1, percent: 25, isComplete: false });
  });

  it("counts released (or done) items under 'released', and never completes early", () => {
    // l1 done, l2 open, t1 open, l3 locked by its module.
    expect(pacedProgress(items, doneSets, release, "released")).toEqual({ required: 3, completed: 1, percent: 33.33, isComplete: false });
    const allReleasedDone = { lessons: new Set([l1, l2]), tasks: new Set([t1]) };
    expect(pacedProgress(items, allReleasedDone, release, "released")).toEqual({ required: 3, completed: 3, percent: 100, isComplete: false });
    // A completed item counts even when a rule now locks it.
    const lockedButDone = { lessons: new Set([l1, l3]), tasks: new Set<string>() };
    expect(pacedProgress(items, lockedButDone, release, "released")).toMatchObject({ required: 4, completed: 2 });
    expect(pacedProgress(items, { lessons: new Set([l1, l2, l3]), tasks: new Set([t1]) }, release, "released").isComplete).toBe(true);
  });

  it("gives the same counts from the rows as from the outline", () => {
    expect(releasedCounts(paced, student, release)).toEqual({ required: 3, completed: 1 });
    const everything: StudentFacts = { ...student, completedLessons: new Set([l1, l2, l3]), completedTasks: new Set([t1, draftTask]) };
    expect(releasedCounts(paced, everything, courseRelease(paced, everything, now))).toEqual({ required: 4, completed: 4 });
  });

  it("goes on to the first open item not done, skipping locked ones", () => {
    expect(nextOpenItem(items, doneSets, release)?.id).toBe(l2);
    expect(nextOpenItem(items, { lessons: new Set([l1, l2]), tasks: new Set([t1]) }, release)).toBeNull();
    expect(nextOpenItem(items, doneSets, allOpen)?.id).toBe(l2);
  });

  it("links Previous and Next to open items only", () => {
    const lessons = items.filter((item) => item.kind === "lesson");
    const locked = courseRelease(paced, { ...student, completedLessons: new Set() }, now);
    // l2 locked (l1 not done), l3 locked (its module): from l1 nothing comes next.
    expect(openNeighbours(lessons, l1, locked)).toEqual({ previous: null, next: null });
    expect(openNeighbours(lessons, l3, release)).toEqual({ previous: lessons[1], next: null });
    expect(openNeighbours(lessons, l1, allOpen)).toEqual({ previous: null, next: lessons[1] });
    expect(openNeighbours(lessons, "missing", allOpen)).toEqual({ previous: null, next: null });
  });
});

describe("wording a lock", () => {
  const titles = new Map([
    [`module:${m1}`, "Module 1: Basics"],
    [`task:${t1}`, "Quiz 1"],
  ]);
  const wording: LockWording = { timeZone: "UTC", titleOf: (item) => titles.get(`${item.kind}:${item.id}`) };

  it("words the opening as the calendar does, in the reader's zone named, falling back to UTC", () => {
    const opensAt = new Date("2027-01-11T09:00:00Z");
    const on = (timeZone: string, instant = opensAt) => describeReason({ kind: "date", opensAt: instant }, { ...wording, timeZone });
    expect(on("UTC")).toBe("Opens on Mon, 11 Jan 2027, 09:00 UTC");
    expect(on("Asia/Kolkata")).toBe("Opens on Mon, 11 Jan 2027, 14:30 GMT+5:30");
    expect(on("Europe/Berlin", new Date("2027-01-11T23:30:00Z"))).toBe("Opens on Tue, 12 Jan 2027, 00:30 CET");
    expect(on("Mars/Olympus")).toBe("Opens on Mon, 11 Jan 2027, 09:00 UTC");
    expect(on("europe/berlin")).toBe("Opens on Mon, 11 Jan 2027, 10:00 CET");
    expect(usableTimeZone(null)).toBe("UTC");
    expect(usableTimeZone("Not/AZone")).toBe("UTC");
    expect(usableTimeZone("Europe/London")).toBe("Europe/London");
  });

  it("words each kind of reason", () => {
    expect(describeReason({ kind: "date", opensAt: new Date("2027-01-11T09:00:00Z") }, wording)).toBe("Opens on Mon, 11 Jan 2027, 09:00 UTC");
    expect(describeReason({ kind: "enrolment_days", days: 7, opensAt: new Date("2027-01-18T09:00:00Z") }, wording)).toBe(
      "Opens 7 days after you enrolled (on Mon, 18 Jan 2027, 09:00 UTC)",
    );
    expect(describeReason({ kind: "enrolment_days", days: 1, opensAt: null }, wording)).toBe("Opens 1 day after you enrol");
    expect(describeReason({ kind: "enrolment_days", days: 0, opensAt: null }, wording)).toBe("Opens once you are enrolled");
    expect(describeReason({ kind: "completed", item: { kind: "module", id: m1 } }, wording)).toBe("Complete “Module 1: Basics” first");
    expect(describeReason({ kind: "completed", item: { kind: "lesson", id: l1 } }, wording)).toBe("Complete an earlier lesson first");
    expect(describeReason({ kind: "completed", item: { kind: "task", id: t2 } }, wording)).toBe("Complete an earlier activity first");
    expect(describeReason({ kind: "score", taskId: t1, minPercent: 60 }, wording)).toBe("Score at least 60% in “Quiz 1” first");
    expect(describeReason({ kind: "score", taskId: t1, minPercent: 62.5 }, wording)).toBe("Score at least 62.5% in “Quiz 1” first");
    expect(describeReason({ kind: "score", taskId: t2, minPercent: 50 }, wording)).toBe("Score at least 50% in an earlier activity first");
  });

  it("gives every unmet condition of an all-rule its sentence, and joins an any-rule's with or", () => {
    const reasons = [
      { kind: "date" as const, opensAt: new Date("2027-01-11T09:00:00Z") },
      { kind: "score" as const, taskId: t1, minPercent: 60 },
    ];
    expect(describeGroup({ match: "all", reasons }, wording)).toEqual(["Opens on Mon, 11 Jan 2027, 09:00 UTC", "Score at least 60% in “Quiz 1” first"]);
    expect(describeGroup({ match: "any", reasons }, wording)).toEqual(["Opens on Mon, 11 Jan 2027, 09:00 UTC; or score at least 60% in “Quiz 1” first"]);
    expect(describeGroup({ match: "any", reasons: reasons.slice(0, 1) }, wording)).toEqual(["Opens on Mon, 11 Jan 2027, 09:00 UTC"]);
  });

  it("words a whole state, module first, and nothing for an open one", () => {
    const moduleLock = evaluateRule(rule("all", date(new Date("2027-02-01T08:00:00Z"))), facts());
    const lessonLock = evaluateRule(rule("any", done("module", m1), score(t1, 80)), facts());
    const state = combineStates(moduleLock, lessonLock);
    expect(describeLock(state, wording)).toEqual([
      "Opens on Mon, 1 Feb 2027, 08:00 UTC",
      "Complete “Module 1: Basics” first; or score at least 80% in “Quiz 1” first",
    ]);
    expect(lockSentence(state, wording)).toBe(
      "Opens on Mon, 1 Feb 2027, 08:00 UTC. Complete “Module 1: Basics” first; or score at least 80% in “Quiz 1” first.",
    );
    expect(describeLock(openState, wording)).toEqual([]);
    expect(lockSentence(openState, wording)).toBe("");
  });

  it("hands the API the reasons structured and worded", () => {
    const state = evaluateRule(rule("all", date(at(day)), days(7), done("module", m1), score(t1, 60)), facts());
    expect(lockJson(state, wording)).toEqual({
      locked: true,
      opensAt: null,
      lockedReasons: [
        { kind: "date", opensAt: at(day).toISOString(), message: "Opens on Wed, 13 Jan 2027, 09:00 UTC" },
        { kind: "enrolment_days", days: 7, opensAt: at(4 * day).toISOString(), message: "Opens 7 days after you enrolled (on Sat, 16 Jan 2027, 09:00 UTC)" },
        { kind: "completed", item: { kind: "module", id: m1 }, message: "Complete “Module 1: Basics” first" },
        { kind: "score", taskId: t1, minPercent: 60, message: "Score at least 60% in “Quiz 1” first" },
      ],
      lockedSummary: [
        "Opens on Wed, 13 Jan 2027, 09:00 UTC",
        "Opens 7 days after you enrolled (on Sat, 16 Jan 2027, 09:00 UTC)",
        "Complete “Module 1: Basics” first",
        "Score at least 60% in “Quiz 1” first",
      ],
    });
    expect(lockJson(openState, wording)).toEqual({ locked: false, opensAt: null, lockedReasons: [], lockedSummary: [] });
    expect(lockJson(evaluateRule(rule("all", date(at(day))), facts()), wording).opensAt).toBe(at(day).toISOString());
  });
});

describe("a student's own limits", () => {
  const task = { dueAt: new Date("2027-01-20T12:00:00Z"), timeLimitMinutes: 30, attemptsAllowed: 2 };

  it("are the task's without an override", () => {
    expect(effectiveLimits(task, null)).toBe(task);
    expect(effectiveLimits(task, undefined)).toBe(task);
  });

  it("take each field the override sets and keep the others", () => {
    const later = new Date("2027-01-27T12:00:00Z");
    expect(effectiveLimits(task, { dueAt: later, timeLimitMinutes: null, attemptsAllowed: null })).toEqual({ ...task, dueAt: later });
    expect(effectiveLimits(task, { dueAt: null, timeLimitMinutes: 45, attemptsAllowed: null })).toEqual({ ...task, timeLimitMinutes: 45 });
    expect(effectiveLimits(task, { dueAt: null, timeLimitMinutes: null, attemptsAllowed: 5 })).toEqual({ ...task, attemptsAllowed: 5 });
    expect(effectiveLimits({ dueAt: null, timeLimitMinutes: null, attemptsAllowed: null }, { dueAt: later, timeLimitMinutes: 10, attemptsAllowed: 1 })).toEqual({
      dueAt: later,
      timeLimitMinutes: 10,
      attemptsAllowed: 1,
    });
  });
});
