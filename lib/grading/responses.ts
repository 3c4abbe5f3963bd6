import type { AnyResponse, GradableQuestionType } from "./types";

// Saved responses are JSON written by the browser: each reader checks the
// shape at run time and reads anything else as no answer, never throws.

/** The distinct choice ids picked. */
export const chosenIds = (response: AnyResponse | null): string[] =>
  response && "choiceIds" in response && Array.isArray(response.choiceIds) ? [...new Set(response.choiceIds)] : [];

export const typedText = (response: AnyResponse | null): string =>
  response && "text" in response && typeof response.text === "string" ? response.text : "";

/** Prompt id → answer id, for the prompts given a (non-empty) answer id. */
export function matchesOf(response: AnyResponse | null): ReadonlyMap<string, string> {
  if (!response || !("matches" in response)) return new Map();
  const matches: unknown = response.matches;
  if (typeof matches !== "object" || matches === null || Array.isArray(matches)) return new Map();
  // Own entries only, so "constructor" or "__proto__" as a prompt id read nothing inherited.
  return new Map(Object.entries(matches).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""));
}

/** The ids by position; a position that holds no string is null (it matches no item). */
export function orderOf(response: AnyResponse | null): (string | null)[] {
  if (!response || !("order" in response)) return [];
  const order: unknown = response.order;
  return Array.isArray(order) ? order.map((id: unknown) => (typeof id === "string" ? id : null)) : [];
}

/** The text of each gap by index; a gap that holds no string is blank. */
export function gapTextsOf(response: AnyResponse | null): string[] {
  if (!response || !("gaps" in response)) return [];
  const gaps: unknown = response.gaps;
  return Array.isArray(gaps) ? gaps.map((text: unknown) => (typeof text === "string" ? text : "")) : [];
}

const hasChoice = (response: AnyResponse | null) => chosenIds(response).length > 0;
const hasText = (response: AnyResponse | null) => typedText(response).trim() !== "";
const hasMatch = (response: AnyResponse | null) => matchesOf(response).size > 0;
const hasOrder = (response: AnyResponse | null) => orderOf(response).length > 0;
const hasGap = (response: AnyResponse | null) => gapTextsOf(response).some((text) => text.trim() !== "");

/** Whether a saved response holds an answer at all: a pick, some text, a match, an order or a filled gap. */
export function isAnswered(response: AnyResponse | null): boolean {
  return hasChoice(response) || hasText(response) || hasMatch(response) || hasOrder(response) || hasGap(response);
}

/**
 * Whether the response answers a question of this type. A response of another
 * type's shape (text for a choice question, after the teacher changed its type)
 * answers nothing.
 */
export function answersQuestionType(type: GradableQuestionType, response: AnyResponse | null): boolean {
  switch (type) {
    case "single_choice":
    case "multiple_choice":
    case "true_false":
      return hasChoice(response);
    case "short_answer":
    case "numeric":
    case "essay":
      return hasText(response);
    case "matching":
      return hasMatch(response);
    case "ordering":
      return hasOrder(response);
    case "cloze":
      return hasGap(response);
    default: {
      // A compile error here means a new type needs its answer shape above.
      const _unknown: never = type;
      return false;
    }
  }
}
