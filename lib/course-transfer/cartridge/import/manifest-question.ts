import { portableToContent } from "@/lib/question-bank/import/portable-to-content";
import type { PortableQuestion } from "@/lib/question-formats/portable-question";
import type { ManifestQuestion } from "../../manifest";
import type { IdAllocator } from "./id-allocator";

// A question read from QTI, in the bank's own terms (the same conversion as a
// question file import), as the document's first and current version.

export type QuestionConversion = { ok: true; question: ManifestQuestion; notes: string[] } | { ok: false; reason: string };

export function manifestQuestion(ids: IdAllocator, portable: PortableQuestion, preferredId: string, categoryId: string): QuestionConversion {
  const converted = portableToContent(portable);
  if (!converted.ok) return converted;
  const { content } = converted;
  const questionId = ids.take("question", preferredId);
  const versionId = ids.take("question-version", `${questionId}-v1`);
  return {
    ok: true,
    notes: converted.notes,
    question: {
      id: questionId,
      categoryId,
      tags: [],
      deleted: false,
      versions: [
        {
          id: versionId,
          version: 1,
          isCurrent: true,
          type: content.type,
          name: content.name ?? "",
          text: content.text,
          points: content.points,
          explanation: content.explanation,
          acceptedAnswers: content.acceptedAnswers,
          numericValue: content.numericValue,
          numericTolerance: content.numericTolerance,
          data: content.data ?? null,
          choices: content.choices.map((choice, position) => ({
            id: ids.take("choice", `${versionId}-c${position + 1}`),
            text: choice.text,
            isCorrect: choice.isCorrect,
            weight: choice.weight ?? null,
            feedback: choice.feedback ?? "",
            position,
          })),
        },
      ],
    },
  };
}
