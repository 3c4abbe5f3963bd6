import type { ReactNode } from "react";
import type { QuestionType } from "@/db/schema/enums";

/** A question as the attempt page gets it: the prompt rendered on the server, and no answers. */
export interface AttemptQuestion {
  id: string;
  number: number;
  type: QuestionType;
  points: number;
  prompt: ReactNode;
  choices: { id: string; label: ReactNode }[];
}
