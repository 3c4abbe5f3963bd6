import type { PortableQuestion } from "../portable-question";
import { descendants } from "../qti/xml-tree";
import { feedbackOf, type ItemParts } from "./qti12-item-parts";
import { comparisons, positiveTests, roundWeight } from "./qti12-processing";

// Items answered by typing (<response_str>, <response_num>): short answers
// (CC's fill-in-the-blank and pattern match), numbers and essays. Every rule
// that scores gives its tested texts or numbers that score.

function respidentOf(parts: ItemParts): string | undefined {
  const box = parts.presentation ? [...descendants(parts.presentation, "response_str"), ...descendants(parts.presentation, "response_num")][0] : undefined;
  return box?.attrs.ident;
}

export function readShortAnswer(parts: ItemParts): PortableQuestion | string {
  const respident = respidentOf(parts);
  const answers = new Map<string, { text: string; weight: number; feedback: string }>();
  let contains = false;
  let caseSensitive = false;
  for (const rule of parts.processing.rules) {
    if (rule.score === null || rule.score <= 0) continue;
    for (const test of positiveTests(rule.condition, respident)) {
      if (test.value === "") continue;
      contains ||= test.op === "substring";
      caseSensitive ||= test.caseSensitive;
      const known = answers.get(test.value.toLowerCase());
      if (known && known.weight >= rule.score) continue;
      answers.set(test.value.toLowerCase(), { text: test.value, weight: roundWeight(Math.min(100, rule.score)), feedback: feedbackOf(parts, rule.feedback) });
    }
  }
  if (answers.size === 0) return "The item has no correct answer.";
  if (contains) parts.notes.push("Answers that only had to contain a text are compared as whole answers here.");
  if (caseSensitive) parts.notes.push("Answers were compared with case; here they are compared without case.");
  return { ...parts.base, type: "short_answer", answers: [...answers.values()] };
}

/** One scoring rule's number: an exact value, a value with a margin (Canvas), or a range read as its middle. */
function numberOf(tests: ReturnType<typeof positiveTests>, bounds: ReturnType<typeof comparisons>): { value: number; tolerance: number } | null {
  const exact = tests.map((test) => Number(test.value)).find((value) => Number.isFinite(value));
  const lows = bounds.filter((bound) => bound.relation === "gt" || bound.relation === "gte").map((bound) => Number(bound.value)).filter(Number.isFinite);
  const highs = bounds.filter((bound) => bound.relation === "lt" || bound.relation === "lte").map((bound) => Number(bound.value)).filter(Number.isFinite);
  const low = lows.length > 0 ? Math.min(...lows) : undefined;
  const high = highs.length > 0 ? Math.max(...highs) : undefined;
  if (exact !== undefined) return { value: exact, tolerance: low !== undefined && high !== undefined ? roundWeight(Math.max(exact - low, high - exact)) : 0 };
  if (low !== undefined && high !== undefined && high >= low) return { value: roundWeight((low + high) / 2), tolerance: roundWeight((high - low) / 2) };
  return null;
}

export function readNumeric(parts: ItemParts): PortableQuestion | string {
  const respident = respidentOf(parts);
  const answers: { value: number; tolerance: number; weight: number; feedback: string }[] = [];
  let open = false;
  for (const rule of parts.processing.rules) {
    if (rule.score === null || rule.score <= 0) continue;
    const number = numberOf(positiveTests(rule.condition, respident), comparisons(rule.condition));
    if (!number) {
      open ||= comparisons(rule.condition).length > 0;
      continue;
    }
    answers.push({ ...number, weight: roundWeight(Math.min(100, rule.score)), feedback: feedbackOf(parts, rule.feedback) });
  }
  if (open) parts.notes.push("A range open at one end was left out; give it both ends.");
  if (answers.length === 0) return "The numeric item has no correct value.";
  return { ...parts.base, type: "numeric", answers };
}

export function readEssay(parts: ItemParts): PortableQuestion {
  return { ...parts.base, type: "essay", graderInfo: "" };
}
