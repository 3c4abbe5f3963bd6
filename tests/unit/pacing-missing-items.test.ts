import { describe, expect, it } from "vitest";
import { courseRelease, withoutMissingItems, type PacedCourse } from "@/lib/pacing/course-release";
import type { ReleaseRule } from "@/lib/pacing/release-rule";

const lessonA = "00000000-0000-4000-8000-00000000000a";
const lessonB = "00000000-0000-4000-8000-00000000000b";
const gone = "00000000-0000-4000-8000-0000000000ff";
const moduleId = "00000000-0000-4000-8000-000000000001";
const now = new Date("2027-01-10T09:00:00Z");
const noFacts = { enrolledAt: null, completedLessons: new Set<string>(), completedTasks: new Set<string>(), scores: new Map() };

const course = (rule: ReleaseRule | null): PacedCourse => ({
  modules: [{ id: moduleId, rule: null }],
  lessons: [
    { id: lessonA, moduleId, rule: null },
    { id: lessonB, moduleId, rule },
  ],
  tasks: [],
});

describe("conditions on items the course no longer has", () => {
  it("are dropped, so deleting the awaited lesson does not lock what follows it for ever", () => {
    const rule: ReleaseRule = { match: "all", conditions: [{ kind: "completed", item: { kind: "lesson", id: gone } }] };
    expect(courseRelease(course(rule), noFacts, now).isOpen("lesson", lessonB)).toBe(true);
  });

  it("leave the rest of the rule in force", () => {
    const rule: ReleaseRule = {
      match: "all",
      conditions: [
        { kind: "completed", item: { kind: "lesson", id: gone } },
        { kind: "completed", item: { kind: "lesson", id: lessonA } },
      ],
    };
    const release = courseRelease(course(rule), noFacts, now);
    expect(release.isOpen("lesson", lessonB)).toBe(false);
    expect(release.state("lesson", lessonB).reasons).toEqual([{ kind: "completed", item: { kind: "lesson", id: lessonA } }]);
    const done = { ...noFacts, completedLessons: new Set([lessonA]) };
    expect(courseRelease(course(rule), done, now).isOpen("lesson", lessonB)).toBe(true);
  });

  it("keep a rule untouched when everything it names exists, and a score on a missing task goes too", () => {
    const kept: ReleaseRule = { match: "any", conditions: [{ kind: "date", opensAt: "2027-02-01T00:00:00Z" }] };
    expect(withoutMissingItems(kept, () => false)).toBe(kept);
    const scored: ReleaseRule = { match: "any", conditions: [{ kind: "score", taskId: gone, minPercent: 50 }] };
    expect(withoutMissingItems(scored, () => false)).toBeNull();
    expect(withoutMissingItems(null, () => true)).toBeNull();
  });
});
