import type { LatePenaltyType } from "@/db/schema/enums";

export interface DemoAssignment {
  courseSlug: string;
  /** The module (by index) it sits in, after its lessons and quizzes. */
  moduleIndex: number;
  title: string;
  instructions: string;
  /** Due this many days after the demo site is loaded. */
  dueInDays: number;
  maxPoints: number;
  textEntry: boolean;
  allowedFileTypes: string[];
  maxFiles: number;
  acceptLate: boolean;
  latePenaltyType: LatePenaltyType;
  latePenaltyPercent: number;
  /** Hand-ins, and for some a grade released by the course's teacher. */
  handIns: { email: string; text: string; grade?: { points: number; feedback: string } }[];
}

export const demoAssignments: DemoAssignment[] = [
  {
    courseSlug: "algebra-essentials",
    moduleIndex: 1,
    title: "Word problems: write and solve",
    instructions:
      "Write **two word problems** of your own that lead to a quadratic equation, then solve each one.\n\n" +
      "- Show every step, including how you set up the equation.\n- Check your answers in the original problem.\n\n" +
      "Type your work below, or upload it as a PDF.",
    dueInDays: 14,
    maxPoints: 10,
    textEntry: true,
    allowedFileTypes: ["pdf", "image"],
    maxFiles: 2,
    acceptLate: true,
    latePenaltyType: "percent_per_day",
    latePenaltyPercent: 10,
    handIns: [
      {
        email: "student8@jeevi.example",
        text: "1. A garden is 3 m longer than it is wide and has an area of 40 m². w(w + 3) = 40, so w² + 3w − 40 = 0, (w + 8)(w − 5) = 0, w = 5: the garden is 5 m by 8 m.\n\n2. A ball's height is h = 20t − 5t². It lands when 20t − 5t² = 0: t = 0 or t = 4, so after 4 seconds.",
        grade: { points: 9, feedback: "Clear set-up and working in both problems. In the first, say why **w = −8** is rejected." },
      },
      {
        email: "student9@jeevi.example",
        text: "1. Two numbers differ by 2 and multiply to 48: x(x + 2) = 48, x² + 2x − 48 = 0, x = 6, so 6 and 8.\n\n2. (still working on it)",
      },
    ],
  },
];
