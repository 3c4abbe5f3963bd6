import type { ReactNode } from "react";
import type { QuestionType } from "@/db/schema/enums";
import type { StoredResponse } from "@/db/schema/quizzes";

/** A question as the attempt page gets it: the prompt rendered on the server, and no answers. */
export interface AttemptQuestion {
  id: string;
  number: number;
  type: QuestionType;
  points: number;
  /** Null for a cloze question, whose text is shown with its blanks in place (`data.blocks`). */
  prompt: ReactNode;
  choices: { id: string; label: ReactNode }[];
  /** Matching, ordering, cloze and essay: what the input needs, texts rendered on the server; null for the other types. */
  data: AttemptQuestionData | null;
}

/** Texts go into `<option>`s and accessible names as plain `text`; `label` is the same text rendered as Markdown. */
export type AttemptQuestionData =
  | { kind: "matching"; prompts: { id: string; text: string; label: ReactNode }[]; answers: { id: string; text: string }[] }
  | { kind: "ordering"; items: { id: string; text: string; label: ReactNode }[] }
  | { kind: "cloze"; blocks: AttemptClozeBlock[]; gaps: AttemptClozeGap[] }
  | { kind: "essay" };

export type AttemptClozeBlock =
  | { kind: "markdown"; content: ReactNode }
  | { kind: "gapped"; parts: ({ kind: "text"; content: ReactNode } | { kind: "gap"; index: number })[] };

export type AttemptClozeGap = { kind: "short_answer" | "numeric" } | { kind: "dropdown"; options: { id: string; text: string }[] };

/** What each kind's input takes from QuestionInput: the question's header, its answer so far and the autosave hooks. */
export interface KindInputProps<Kind extends AttemptQuestionData["kind"]> {
  questionId: string;
  header: ReactNode;
  promptId: string;
  data: Extract<AttemptQuestionData, { kind: Kind }>;
  value: StoredResponse | undefined;
  disabled: boolean;
  onChange: (response: StoredResponse) => void;
  onBlur: () => void;
}
