import { describe, expect, it } from "vitest";
import { formatPoints, formatSeconds, percentOrDash } from "@/components/quiz-results/format";
import { toTableRows } from "@/components/quiz-results/to-table-rows";

describe("results formatting", () => {
  it.each([
    [null, "—"],
    [0, "0 s"],
    [45, "45 s"],
    [60, "1 min"],
    [365, "6 min 5 s"],
    [3600, "1 h"],
    [3720, "1 h 2 min"],
  ])("%s seconds read %j", (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text);
  });

  it("percent and points", () => {
    expect(percentOrDash(null)).toBe("—");
    expect(percentOrDash(66.67)).toBe("66.67%");
    expect(percentOrDash(100)).toBe("100%");
    expect(formatPoints(4.5)).toBe("4.5");
    expect(formatPoints(2)).toBe("2");
    expect(formatPoints(0.33)).toBe("0.33");
  });

  it("hands the client table plain values, dates formatted on the server", () => {
    const [graded, open] = toTableRows([
      {
        id: "a1",
        studentName: "Hana Sato",
        studentEmail: "student8@jeevi.example",
        attemptNumber: 1,
        state: "submitted",
        startedAt: new Date("2026-03-02T09:00:00Z"),
        submittedAt: new Date("2026-03-02T09:06:00Z"),
        durationSeconds: 360,
        scorePoints: 4.5,
        maxPoints: 6,
        scorePercent: 75,
      },
      {
        id: "a2",
        studentName: "Ethan Brooks",
        studentEmail: "student9@jeevi.example",
        attemptNumber: 2,
        state: "closing",
        startedAt: new Date("2026-03-02T10:00:00Z"),
        submittedAt: null,
        durationSeconds: null,
        scorePoints: null,
        maxPoints: null,
        scorePercent: null,
      },
    ], "/teacher/courses/c/quizzes/q/results");
    expect(graded!.reviewHref).toBe("/teacher/courses/c/quizzes/q/results/a1");
    expect(open!.reviewHref).toBeNull();
    expect(graded).toMatchObject({
      startedIso: "2026-03-02T09:00:00.000Z",
      submittedIso: "2026-03-02T09:06:00.000Z",
      duration: "6 min",
      points: "4.5 / 6 points",
      percent: "75%",
    });
    expect(open).toMatchObject({ state: "closing", submittedIso: null, submitted: "—", duration: "—", points: "—", percent: "—" });
  });
});
