import "server-only";
import { QuestionInlineMarkdown, QuestionMarkdown } from "@/components/content/question-markdown";
import type { QuestionType } from "@/db/schema/enums";
import { splitClozeText } from "@/lib/quizzes/cloze-text";
import type { StudentQuestionData } from "@/lib/quizzes/question-data";
import type { AttemptQuestion, AttemptQuestionData } from "./attempt-question";

// Markdown and math are rendered here, on the server, so neither the renderer
// nor KaTeX reaches the browser: the client inputs get ready React nodes.

interface StudentView {
  id: string;
  number: number;
  type: QuestionType;
  points: number;
  text: string;
  choices: { id: string; text: string }[];
  /** Already cut down to what a student may see (studentQuestionData): nothing of the key. */
  data: StudentQuestionData | null;
}

/** The attempt page's (and the bank preview's) question, built field by field from what a student may see. */
export function buildAttemptQuestion(question: StudentView): AttemptQuestion {
  const data = attemptData(question.text, question.data);
  return {
    id: question.id,
    number: question.number,
    type: question.type,
    points: question.points,
    prompt: data?.kind === "cloze" ? null : <QuestionMarkdown source={question.text} />,
    choices: question.choices.map((choice) => ({ id: choice.id, label: <QuestionInlineMarkdown source={choice.text} /> })),
    data,
  };
}

function attemptData(text: string, data: StudentQuestionData | null): AttemptQuestionData | null {
  if (!data) return null;
  switch (data.kind) {
    case "matching":
      return {
        kind: "matching",
        prompts: data.prompts.map((prompt) => ({ id: prompt.id, text: prompt.text, label: <QuestionInlineMarkdown source={prompt.text} /> })),
        answers: data.answers.map((answer) => ({ id: answer.id, text: answer.text })),
      };
    case "ordering":
      return { kind: "ordering", items: data.items.map((item) => ({ id: item.id, text: item.text, label: <QuestionInlineMarkdown source={item.text} /> })) };
    case "cloze":
      return {
        kind: "cloze",
        blocks: splitClozeText(text, data.gaps.length).map((block) =>
          block.kind === "markdown"
            ? { kind: "markdown", content: <QuestionMarkdown source={block.source} /> }
            : {
                kind: "gapped",
                parts: block.parts.map((part) => (part.kind === "gap" ? part : { kind: "text", content: <QuestionInlineMarkdown source={part.source} /> })),
              },
        ),
        gaps: data.gaps.map((gap) => (gap.kind === "dropdown" ? { kind: "dropdown", options: gap.options.map(({ id, text: optionText }) => ({ id, text: optionText })) } : { kind: gap.kind })),
      };
    case "essay":
      return { kind: "essay" };
    default: {
      const _unknown: never = data;
      return null;
    }
  }
}
