import { describe, expect, it } from "vitest";
import { releaseOptions } from "@/lib/pacing/release-options";

const outline = {
  modules: [
    { id: "00000000-0000-4000-8000-0000000000a1", title: "Motion", rule: null },
    { id: "00000000-0000-4000-8000-0000000000a2", title: "Forces", rule: null },
  ],
  lessons: [
    { id: "00000000-0000-4000-8000-0000000000b1", moduleId: "00000000-0000-4000-8000-0000000000a1", title: "Speed", rule: null },
    { id: "00000000-0000-4000-8000-0000000000b2", moduleId: "00000000-0000-4000-8000-0000000000a2", title: "Newton", rule: null },
  ],
  tasks: [
    { id: "00000000-0000-4000-8000-0000000000c1", moduleId: "00000000-0000-4000-8000-0000000000a1", title: "Motion quiz", type: "quiz", rule: null, published: true, maxPoints: 6 },
    { id: "00000000-0000-4000-8000-0000000000c2", moduleId: null, title: "Forum", type: "discussion", rule: null, published: true, maxPoints: null },
  ],
};
const [m1, m2] = outline.modules.map((entry) => entry.id);
const [l1, l2] = outline.lessons.map((entry) => entry.id);
const [q1, d1] = outline.tasks.map((entry) => entry.id);

describe("releaseOptions", () => {
  it("offers a lesson every other item grouped by module, but not itself nor its own module", () => {
    expect(releaseOptions(outline, { kind: "lesson", id: l2!, moduleId: m2! })).toEqual({
      groups: [
        {
          label: "Motion",
          options: [
            { value: `module:${m1}`, label: "The whole module “Motion”" },
            { value: `lesson:${l1}`, label: "Lesson: Speed" },
            { value: `task:${q1}`, label: "Quiz: Motion quiz" },
          ],
        },
        { label: "Not in a module", options: [{ value: `task:${d1}`, label: "Discussion: Forum" }] },
      ],
      scored: [{ value: q1, label: "Motion quiz (6 points)" }],
    });
  });

  it("offers a module neither itself, its contents, nor a score on its own quiz", () => {
    const options = releaseOptions(outline, { kind: "module", id: m1!, moduleId: null });
    expect(options.groups.map((group) => group.label)).toEqual(["Forces", "Not in a module"]);
    expect(options.scored).toEqual([]);
  });

  it("leaves a task out of its own score list", () => {
    expect(releaseOptions(outline, { kind: "task", id: q1!, moduleId: m1! }).scored).toEqual([]);
  });
});
