"use client";

import { createContext, useContext } from "react";
import type { QuizEditorData, StructureQuiz } from "@/lib/quizzes/editor-queries";

export interface QuizBuilderData {
  /** Every quiz of the course, in order (each module shows its own). */
  quizzes: StructureQuiz[];
  /** The quiz opened with `?quiz=<id>`, with its questions; null when none is open. */
  openQuiz: QuizEditorData | null;
}

const QuizBuilderContext = createContext<QuizBuilderData>({ quizzes: [], openQuiz: null });

export const QuizBuilderProvider = QuizBuilderContext.Provider;

export function useQuizBuilder(): QuizBuilderData {
  return useContext(QuizBuilderContext);
}
