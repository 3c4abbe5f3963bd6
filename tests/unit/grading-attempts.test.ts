import { describe, expect, it } from "vitest";
import { combineAttempts, gradeAttempt, percentOf, type GradableQuestion, type StoredResponse } from "@/lib/grading";

const questions: GradableQuestion[] = [
  { id: "single", type: "single_choice", points: 1, choices: [{ id: "s1", isCorrect: true }, { id: "s2", isCorrect: false }], acceptedAnswers: [], numericValue: null, numericTolerance: 0 },
  {
    id: "multi",
    type: "multiple_choice",
    points: 2,
    choices: [
      { id: "m1", isCorrect: true },
      { id: "m2", isCorrect: false },
      { id: "m3", isCorrect: true },
    ],
    acceptedAnswers: [],
    numericValue: null,
    numericTolerance: 0,
  },
  { id: "tf", type: "true_false", points: 1, choices: [{ id: "t", isCorrect: true }, { id: "f", isCorrect: false }], acceptedAnswers: [], numericValue: null, numericTolerance: 0 },
  { id: "short", type: "short_answer", points: 1, choices: [], acceptedAnswers: ["variable"], numericValue: null, numericTolerance: 0 },
  { id: "num", type: "numeric", points: 1, choices: [], acceptedAnswers: [], numericValue: 2.4, numericTolerance: 0.05 },
];

const responses = (entries: [string, StoredResponse][]) => new Map(entries);

describe("gradeAttempt", () => {
  it("all right: full points, 100%", () => {
    const grade = gradeAttempt(
      questions,
      responses([
        ["single", { choiceIds: ["s1"] }],
        ["multi", { choiceIds: ["m3", "m1"] }],
        ["tf", { choiceIds: ["t"] }],
        ["short", { text: " Variable " }],
        ["num", { text: "2,4" }],
      ]),
      { partialCredit: false },
    );
    expect(grade).toMatchObject({ scorePoints: 6, maxPoints: 6, scorePercent: 100 });
    expect(grade.questions.map((q) => [q.questionId, q.isCorrect, q.pointsAwarded])).toEqual([
      ["single", true, 1],
      ["multi", true, 2],
      ["tf", true, 1],
      ["short", true, 1],
      ["num", true, 1],
    ]);
  });

  it("unanswered questions score zero and are reported unanswered, in question order", () => {
    const grade = gradeAttempt(questions, responses([["tf", { choiceIds: ["t"] }]]), { partialCredit: true });
    expect(grade).toMatchObject({ scorePoints: 1, maxPoints: 6, scorePercent: 16.67 });
    expect(grade.questions.map((q) => q.questionId)).toEqual(["single", "multi", "tf", "short", "num"]);
    expect(grade.questions.filter((q) => !q.answered).map((q) => q.questionId)).toEqual(["single", "multi", "short", "num"]);
  });

  it("nothing answered: zero points, 0%", () => {
    expect(gradeAttempt(questions, new Map(), { partialCredit: true })).toMatchObject({ scorePoints: 0, maxPoints: 6, scorePercent: 0 });
  });

  it("partial credit counts towards the attempt, rounded to two decimals", () => {
    // The seeded student9 answer pattern: single wrong, multi one right one wrong (0 with partial credit), tf right.
    const grade = gradeAttempt(
      questions,
      responses([
        ["single", { choiceIds: ["s2"] }],
        ["multi", { choiceIds: ["m1"] }],
        ["tf", { choiceIds: ["t"] }],
        ["short", { text: "letter" }],
        ["num", { text: "2.4" }],
      ]),
      { partialCredit: true },
    );
    expect(grade).toMatchObject({ scorePoints: 3, maxPoints: 6, scorePercent: 50 });
    const third = gradeAttempt(
      [{ ...questions[1]!, points: 1, choices: [...questions[1]!.choices, { id: "m4", isCorrect: true }] }],
      responses([["multi", { choiceIds: ["m1"] }]]),
      { partialCredit: true },
    );
    expect(third).toMatchObject({ scorePoints: 0.33, maxPoints: 1, scorePercent: 33 });
  });

  it("answers to questions no longer in the quiz are ignored", () => {
    const grade = gradeAttempt(questions.slice(0, 1), responses([["gone", { text: "x" }], ["single", { choiceIds: ["s1"] }]]), {
      partialCredit: false,
    });
    expect(grade).toMatchObject({ scorePoints: 1, maxPoints: 1, scorePercent: 100 });
    expect(grade.questions).toHaveLength(1);
  });

  it("a quiz without questions is worth nothing and scores 0%", () => {
    expect(gradeAttempt([], new Map(), { partialCredit: false })).toEqual({ questions: [], scorePoints: 0, maxPoints: 0, scorePercent: 0 });
  });

  it("does not change its inputs", () => {
    const input = responses([["multi", { choiceIds: ["m1", "m1"] }]]);
    const snapshot = JSON.stringify([...input]);
    const questionsSnapshot = JSON.stringify(questions);
    gradeAttempt(questions, input, { partialCredit: true });
    expect(JSON.stringify([...input])).toBe(snapshot);
    expect(JSON.stringify(questions)).toBe(questionsSnapshot);
  });
});

describe("percentOf", () => {
  it.each([
    [0, 6, 0],
    [2, 6, 33.33],
    [4, 6, 66.67],
    [6, 6, 100],
    [7, 6, 100],
    [1, 3, 33.33],
    [0.33, 1, 33],
    [3, 0, 0],
    [0, 0, 0],
  ])("%d of %d is %d%%", (points, max, percent) => {
    expect(percentOf(points, max)).toBe(percent);
  });
});

describe("combineAttempts", () => {
  const attempts = [
    { attemptNumber: 2, scorePoints: 5, maxPoints: 6 },
    { attemptNumber: 3, scorePoints: 1, maxPoints: 6 },
    { attemptNumber: 1, scorePoints: 2.5, maxPoints: 6 },
  ];

  it("highest takes the best attempt", () => {
    expect(combineAttempts("highest", attempts)).toBe(5);
  });

  it("latest takes the highest attempt number, not the last in the list", () => {
    expect(combineAttempts("latest", attempts)).toBe(1);
    expect(combineAttempts("latest", [attempts[1]!, attempts[0]!, attempts[2]!])).toBe(1);
    expect(combineAttempts("latest", [attempts[0]!, attempts[2]!])).toBe(5);
  });

  it("average is the mean, rounded to two decimals", () => {
    expect(combineAttempts("average", attempts)).toBe(2.83);
    expect(combineAttempts("average", [{ attemptNumber: 1, scorePoints: 1, maxPoints: 3 }, { attemptNumber: 2, scorePoints: 2, maxPoints: 3 }])).toBe(1.5);
    expect(
      combineAttempts("average", [
        { attemptNumber: 1, scorePoints: 0.01, maxPoints: 1 },
        { attemptNumber: 2, scorePoints: 0, maxPoints: 1 },
      ]),
    ).toBe(0.01);
  });

  it.each(["highest", "latest", "average"] as const)("%s of one attempt is that attempt", (method) => {
    expect(combineAttempts(method, [{ attemptNumber: 4, scorePoints: 3.25, maxPoints: 6 }])).toBe(3.25);
  });

  it.each(["highest", "latest", "average"] as const)("%s of no attempt is null", (method) => {
    expect(combineAttempts(method, [])).toBeNull();
  });

  it("all zero scores combine to zero, not null", () => {
    const zeros = [
      { attemptNumber: 1, scorePoints: 0, maxPoints: 6 },
      { attemptNumber: 2, scorePoints: 0, maxPoints: 6 },
    ];
    expect(combineAttempts("highest", zeros)).toBe(0);
    expect(combineAttempts("latest", zeros)).toBe(0);
    expect(combineAttempts("average", zeros)).toBe(0);
  });
});
