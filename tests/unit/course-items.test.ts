import { describe, expect, it } from "vitest";
import type { EnrollmentStatus } from "@/db/schema/enums";
import {
  courseProgress,
  isItemDone,
  neighbours,
  nextItem,
  orderedItems,
  type CompletedSets,
  type CourseItem,
  type OutlineModule,
  type OutlineTask,
} from "@/lib/progress/course-items";
import { statusAfterProgress } from "@/lib/progress/progress";

// Small builders: ids double as titles so failures read well.
const lesson = (id: string, position: number) => ({ id, title: id, position });
const mod = (id: string, position: number, lessons: ReturnType<typeof lesson>[]): OutlineModule => ({ id, position, lessons });
// Tasks are quizzes unless their id says "assignment": the item carries its type.
const task = (id: string, moduleId: string | null, position: number): OutlineTask => ({
  id,
  title: id,
  type: id.includes("assignment") ? "assignment" : "quiz",
  moduleId,
  position,
});
const done = (lessons: string[] = [], tasks: string[] = []): CompletedSets => ({ lessons: new Set(lessons), tasks: new Set(tasks) });
const ids = (items: CourseItem[]) => items.map((item) => item.id);

// Deliberately given out of order: the functions must sort by position.
const modules: OutlineModule[] = [
  mod("m2", 1, [lesson("m2-l2", 1), lesson("m2-l1", 0)]),
  mod("m1", 0, [lesson("m1-l3", 5), lesson("m1-l1", 0), lesson("m1-l2", 2)]),
];
const tasks: OutlineTask[] = [
  task("course-task-b", null, 3),
  task("m1-task-b", "m1", 7),
  task("m2-task", "m2", 0),
  task("m1-task-a", "m1", 1),
  task("course-task-a", null, 0),
];

describe("orderedItems", () => {
  it("gives each task item its type, so links can open a quiz or an assignment", () => {
    const items = orderedItems(modules, [task("m1-assignment", "m1", 0), task("m1-quiz", "m1", 1)]);
    expect(items.filter((item) => item.kind === "task").map((item) => [item.id, item.kind === "task" ? item.type : null])).toEqual([
      ["m1-assignment", "assignment"],
      ["m1-quiz", "quiz"],
    ]);
  });

  it("orders modules by position; in each, its lessons then its tasks by position; course-level tasks last", () => {
    const items = orderedItems(modules, tasks);
    expect(ids(items)).toEqual([
      "m1-l1",
      "m1-l2",
      "m1-l3",
      "m1-task-a",
      "m1-task-b",
      "m2-l1",
      "m2-l2",
      "m2-task",
      "course-task-a",
      "course-task-b",
    ]);
    expect(items[0]).toEqual({ kind: "lesson", id: "m1-l1", title: "m1-l1", moduleId: "m1" });
    expect(items[3]).toEqual({ kind: "task", id: "m1-task-a", title: "m1-task-a", type: "quiz", moduleId: "m1" });
    expect(items[9]).toEqual({ kind: "task", id: "course-task-b", title: "course-task-b", type: "quiz", moduleId: null });
  });

  it("puts a task whose module is gone with the course-level tasks, at the end", () => {
    const items = orderedItems(modules, [task("orphan", "deleted-module", 0), task("course-task", null, 1), task("m1-task", "m1", 0)]);
    expect(ids(items)).toEqual(["m1-l1", "m1-l2", "m1-l3", "m1-task", "m2-l1", "m2-l2", "orphan", "course-task"]);
    expect(items.find((item) => item.id === "orphan")).toEqual({ kind: "task", id: "orphan", title: "orphan", type: "quiz", moduleId: null });
  });

  it("keeps a module without lessons (its tasks still appear) and does not mutate its inputs", () => {
    const input = [mod("b", 1, [lesson("b1", 1), lesson("b0", 0)]), mod("a", 0, [])];
    const taskInput = [task("a-task", "a", 0)];
    const snapshot = JSON.stringify([input, taskInput]);
    expect(ids(orderedItems(input, taskInput))).toEqual(["a-task", "b0", "b1"]);
    expect(JSON.stringify([input, taskInput])).toBe(snapshot);
  });

  it("is empty for an empty course", () => {
    expect(orderedItems([], [])).toEqual([]);
  });
});

describe("isItemDone", () => {
  it("looks a lesson up among lessons and a task among tasks, never across", () => {
    const sets = done(["x"], ["y"]);
    expect(isItemDone({ kind: "lesson", id: "x", title: "x", moduleId: "m" }, sets)).toBe(true);
    expect(isItemDone({ kind: "task", id: "x", title: "x", type: "quiz", moduleId: null }, sets)).toBe(false);
    expect(isItemDone({ kind: "task", id: "y", title: "y", type: "quiz", moduleId: null }, sets)).toBe(true);
    expect(isItemDone({ kind: "lesson", id: "y", title: "y", moduleId: "m" }, sets)).toBe(false);
  });
});

describe("courseProgress", () => {
  const items = orderedItems(modules, tasks);
  const allLessons = ["m1-l1", "m1-l2", "m1-l3", "m2-l1", "m2-l2"];
  const allTasks = ["m1-task-a", "m1-task-b", "m2-task", "course-task-a", "course-task-b"];

  it("is 0% (never NaN) and not complete for an empty course", () => {
    const progress = courseProgress([], done(["anything"], ["else"]));
    expect(progress).toEqual({ required: 0, completed: 0, percent: 0, isComplete: false });
    expect(Number.isNaN(progress.percent)).toBe(false);
  });

  it("is 0% with nothing done", () => {
    expect(courseProgress(items, done())).toEqual({ required: 10, completed: 0, percent: 0, isComplete: false });
  });

  it("is 100% and complete when every lesson and task is done", () => {
    expect(courseProgress(items, done(allLessons, allTasks))).toEqual({ required: 10, completed: 10, percent: 100, isComplete: true });
  });

  it("counts tasks: every lesson done but no task is only half way", () => {
    expect(courseProgress(items, done(allLessons))).toEqual({ required: 10, completed: 5, percent: 50, isComplete: false });
    expect(courseProgress(items, done([], ["course-task-a"]))).toMatchObject({ completed: 1, percent: 10 });
  });

  it("drops below 100% and is no longer complete when a lesson is added after completion", () => {
    const lessonsOnly = orderedItems(modules, []);
    const before = courseProgress(lessonsOnly, done(allLessons));
    expect(before).toEqual({ required: 5, completed: 5, percent: 100, isComplete: true });
    const grown = orderedItems([...modules, mod("m3", 2, [lesson("m3-l1", 0)])], []);
    expect(courseProgress(grown, done(allLessons))).toEqual({ required: 6, completed: 5, percent: 83.33, isComplete: false });
  });

  it("ignores completions of lessons and tasks no longer in the course", () => {
    const lessonsOnly = orderedItems(modules, []);
    const progress = courseProgress(lessonsOnly, done(["m1-l1", "removed-1", "removed-2", "removed-3", "removed-4"], ["gone-task"]));
    expect(progress).toEqual({ required: 5, completed: 1, percent: 20, isComplete: false });
    // Even with as many stale completions as items, the course is not complete.
    expect(courseProgress(lessonsOnly, done(["a", "b", "c", "d", "e"])).isComplete).toBe(false);
  });

  it("rounds to two decimals", () => {
    const three = orderedItems([mod("m", 0, [lesson("a", 0), lesson("b", 1), lesson("c", 2)])], []);
    expect(courseProgress(three, done(["a"])).percent).toBe(33.33);
    expect(courseProgress(three, done(["a", "b"])).percent).toBe(66.67);
  });
});

describe("nextItem", () => {
  const items = orderedItems(modules, tasks);

  it("is the first item in course order not done yet, skipping done ones", () => {
    expect(nextItem(items, done())?.id).toBe("m1-l1");
    expect(nextItem(items, done(["m1-l1", "m1-l2", "m1-l3"]))?.id).toBe("m1-task-a");
    // A gap earlier in the course comes before later undone items.
    expect(nextItem(items, done(["m1-l1", "m1-l3", "m2-l1"], ["m1-task-a"]))?.id).toBe("m1-l2");
    expect(nextItem(items, done(["m1-l1", "m1-l2", "m1-l3", "m2-l1", "m2-l2"], ["m1-task-a", "m1-task-b", "m2-task"]))).toEqual({
      kind: "task",
      id: "course-task-a",
      title: "course-task-a",
      type: "quiz",
      moduleId: null,
    });
  });

  it("is null when everything is done", () => {
    const everything = done(
      items.filter((item) => item.kind === "lesson").map((item) => item.id),
      items.filter((item) => item.kind === "task").map((item) => item.id),
    );
    expect(nextItem(items, everything)).toBeNull();
  });

  it("is null for an empty course", () => {
    expect(nextItem([], done())).toBeNull();
  });
});

describe("neighbours", () => {
  const items = orderedItems(modules, tasks);

  it("gives the items before and after, across module boundaries", () => {
    const { previous, next } = neighbours(items, "m1-task-b");
    expect(previous?.id).toBe("m1-task-a");
    expect(next?.id).toBe("m2-l1");
  });

  it("has no previous for the first item and no next for the last", () => {
    expect(neighbours(items, "m1-l1")).toEqual({ previous: null, next: items[1] });
    expect(neighbours(items, "course-task-b")).toEqual({ previous: items[8], next: null });
  });

  it("has neither for an unknown item, or in an empty or single-item list", () => {
    expect(neighbours(items, "nope")).toEqual({ previous: null, next: null });
    expect(neighbours([], "m1-l1")).toEqual({ previous: null, next: null });
    const single = orderedItems([mod("m", 0, [lesson("only", 0)])], []);
    expect(neighbours(single, "only")).toEqual({ previous: null, next: null });
  });
});

describe("statusAfterProgress with the progress model", () => {
  it.each<[EnrollmentStatus, EnrollmentStatus]>([
    ["active", "completed"],
    ["completed", "completed"],
    ["dropped", "dropped"],
    ["suspended", "suspended"],
  ])("a %s enrolment with everything done becomes %s", (current, expected) => {
    const items = orderedItems([mod("m", 0, [lesson("a", 0)])], []);
    const progress = courseProgress(items, done(["a"]));
    expect(statusAfterProgress(current, progress.completed, progress.required)).toBe(expected);
  });

  it("a dropped enrolment stays dropped whether progress rises, falls or the course is empty", () => {
    expect(statusAfterProgress("dropped", 0, 0)).toBe("dropped");
    expect(statusAfterProgress("dropped", 1, 2)).toBe("dropped");
    expect(statusAfterProgress("dropped", 2, 2)).toBe("dropped");
    expect(statusAfterProgress("dropped", 3, 2)).toBe("dropped");
  });

  it("a completed enrolment goes back to active when the course grows", () => {
    expect(statusAfterProgress("completed", 5, 6)).toBe("active");
  });
});
