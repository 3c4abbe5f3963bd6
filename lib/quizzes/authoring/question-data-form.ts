import "server-only";
import type { QuestionType } from "@/db/schema/enums";
import { fail } from "@/lib/actions/result";
import { isDataQuestionType, readAnswerExtras, readQuestionData, type AnswerExtras, type StoredQuestionData } from "@/lib/quizzes/question-data";
import { draftOfStored, questionDataDraftSchema, type QuestionDataDraft } from "./question-data-fields";

// Turns a question's draft content (the form's, with null ids for new rows)
// or already stored data (imports, copies) into what the version's `data`
// column keeps. Ids are assigned here, on the server, and an id is kept only
// when the previous version had it in the same role: a form or API client
// cannot make a row point at another question's rows, and saved answers keep
// pointing at the rows they chose.

const unreadableMessage = "This question's content could not be read. Reload the page and make your change again.";

/**
 * Hands out a kept id once (a repeated id becomes a new row), else the id of
 * an unused previous row with the same `fallback` key when one is given, else
 * a fresh UUID.
 */
function idKeeper(known: Iterable<string>, fallbackIds: ReadonlyMap<string, string> = new Map()) {
  const allowed = new Set(known);
  const used = new Set<string>();
  const take = (id: string) => {
    used.add(id);
    return id;
  };
  return (id: string | null, fallback?: string): string => {
    if (id && allowed.has(id) && !used.has(id)) return take(id);
    const similar = fallback === undefined ? undefined : fallbackIds.get(fallback);
    if (similar && !used.has(similar)) return take(similar);
    return crypto.randomUUID();
  };
}

function matchingData(draft: Extract<QuestionDataDraft, { kind: "matching" }>, previous: unknown): unknown {
  const before = readQuestionData("matching", previous);
  const keepPrompt = idKeeper(before?.prompts.map((prompt) => prompt.id) ?? []);
  // An answer row added in the form with the text of a previous answer (a distractor turned into a pair's answer) is that answer again.
  const keepAnswer = idKeeper(
    before?.answers.map((answer) => answer.id) ?? [],
    new Map((before?.answers ?? []).map((answer): [string, string] => [answer.text.toLowerCase(), answer.id]).reverse()),
  );
  // Pairs with the same answer text (ignoring case) share one answer: students see each answer once.
  const answers: { id: string; text: string }[] = [];
  const idOfText = new Map<string, string>();
  const answerFor = (text: string, id: string | null) => {
    const key = text.toLowerCase();
    let found = idOfText.get(key);
    if (!found) {
      found = keepAnswer(id, key);
      idOfText.set(key, found);
      answers.push({ id: found, text });
    }
    return found;
  };
  const prompts = draft.pairs.map((pair) => ({ id: keepPrompt(pair.promptId), text: pair.prompt, answerId: answerFor(pair.answer, pair.answerId) }));
  for (const distractor of draft.distractors) answerFor(distractor.text, distractor.id);
  return { kind: "matching", prompts, answers };
}

function storedShape(draft: QuestionDataDraft, previous: unknown): unknown {
  switch (draft.kind) {
    case "matching":
      return matchingData(draft, previous);
    case "ordering": {
      const keep = idKeeper(readQuestionData("ordering", previous)?.items.map((item) => item.id) ?? []);
      return { kind: "ordering", items: draft.items.map((item) => ({ id: keep(item.id), text: item.text })) };
    }
    case "cloze": {
      const before = readQuestionData("cloze", previous);
      const keep = idKeeper(before?.gaps.flatMap((gap) => (gap.kind === "dropdown" ? gap.options.map((option) => option.id) : [])) ?? []);
      return {
        kind: "cloze",
        gaps: draft.gaps.map((gap) => (gap.kind === "dropdown" ? { ...gap, options: gap.options.map((option) => ({ ...option, id: keep(option.id) })) } : gap)),
      };
    }
    case "essay":
      return { kind: "essay", graderInfo: draft.graderInfo };
    case "short_answer":
      return { kind: "short_answer", partial: draft.partial.map(({ text, weight }) => ({ text, weight })) };
    case "numeric":
      return { kind: "numeric", others: draft.others.map(({ value, tolerance, weight }) => ({ value, tolerance, weight })) };
  }
}

/**
 * The data to store for a question of `type` from `data` (a draft or stored
 * data), given the data of the version it replaces (null for a new
 * question). Null for the types that keep none; refused when the content does
 * not fit the type's stored schema (the form's rules make that rare: a stale
 * or hand-made request).
 */
export function storedQuestionData(type: QuestionType, data: unknown, previous: unknown): StoredQuestionData | AnswerExtras | null {
  if (type === "short_answer" || type === "numeric") return storedAnswerExtras(type, data);
  if (!isDataQuestionType(type)) return null;
  const draft = draftOfStored(type, data) ?? questionDataDraftSchema.safeParse(data).data;
  if (!draft || draft.kind !== type) fail(unreadableMessage);
  const stored = readQuestionData(type, storedShape(draft, previous));
  if (!stored) fail(unreadableMessage);
  return stored;
}

/**
 * A short answer's partly right answers or a numeric question's other values
 * to store; null when there are none (the question grades from its columns
 * alone, as it always did).
 */
function storedAnswerExtras(type: "short_answer" | "numeric", data: unknown): AnswerExtras | null {
  if (data === null || data === undefined) return null;
  const draft = questionDataDraftSchema.safeParse(data).data;
  if (!draft || draft.kind !== type) fail(unreadableMessage);
  const stored = readAnswerExtras(type, storedShape(draft, null));
  if (!stored) fail(unreadableMessage);
  return (stored.kind === "short_answer" ? stored.partial.length : stored.others.length) > 0 ? stored : null;
}
