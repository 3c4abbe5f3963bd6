import { z } from "zod";
import type { QuestionType } from "@/db/schema/enums";
import type { QuestionData } from "@/lib/grading/types";

// What matching, ordering, cloze and essay questions keep in a version's
// `data` column: the texts a student reads, with the key beside them. The
// column is JSON, so every reader parses it with these schemas and reads a
// malformed value as "no data" (the question then scores zero, never throws).
//
// Ids (prompts, answers, items, dropdown options) are random UUIDs: a student
// sees them in the page, so they must not give the pairing or the order away.
// They are kept across edits, so a saved answer still points at its rows.

const id = z.uuid();
const text = z.string().max(2000);
const weight = z.number().finite().min(-100).max(100);
const gapPoints = z.number().int().min(1).max(1000);

export const matchingDataSchema = z.object({
  kind: z.literal("matching"),
  /** Each prompt with the id of its one right answer. */
  prompts: z.array(z.object({ id, text, answerId: id })).min(1).max(50),
  /** One answer per prompt plus any distractors, in the author's order. */
  answers: z.array(z.object({ id, text })).min(1).max(60),
});

export const orderingDataSchema = z.object({
  kind: z.literal("ordering"),
  /** The items in their right order; students get them shuffled. */
  items: z.array(z.object({ id, text })).min(2).max(50),
});

const clozeGapSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("short_answer"), points: gapPoints, answers: z.array(z.object({ text: z.string().max(200), weight })).min(1).max(20) }),
  z.object({
    kind: z.literal("numeric"),
    points: gapPoints,
    answers: z.array(z.object({ value: z.number().finite(), tolerance: z.number().finite().min(0), weight })).min(1).max(20),
  }),
  z.object({ kind: z.literal("dropdown"), points: gapPoints, options: z.array(z.object({ id, text: z.string().max(500), weight })).min(2).max(20) }),
]);

export const clozeDataSchema = z.object({
  kind: z.literal("cloze"),
  /** Gap n (1-based) is written `[[n]]` in the question text, once, in order. */
  gaps: z.array(clozeGapSchema).min(1).max(50),
});

export const essayDataSchema = z.object({
  kind: z.literal("essay"),
  /** Guidance for whoever grades it; never shown to the student. */
  graderInfo: z.string().max(5000),
});

/**
 * A short answer question's partly right answers (the full-marks ones stay in
 * the accepted answers column), each with its share of the points in percent.
 */
export const shortAnswerExtrasSchema = z.object({
  kind: z.literal("short_answer"),
  partial: z.array(z.object({ text: z.string().max(200), weight: z.number().finite().min(1).max(99) })).max(20),
});

/**
 * A numeric question's other accepted values (the full-marks value stays in
 * the numeric columns), each with its tolerance and share of the points.
 */
export const numericExtrasSchema = z.object({
  kind: z.literal("numeric"),
  others: z.array(z.object({ value: z.number().finite(), tolerance: z.number().finite().min(0), weight: z.number().finite().min(1).max(100) })).max(20),
});

export type ShortAnswerExtras = z.infer<typeof shortAnswerExtrasSchema>;
export type NumericExtras = z.infer<typeof numericExtrasSchema>;
export type AnswerExtras = ShortAnswerExtras | NumericExtras;

/** A short answer or numeric question's extra answers in its data; null for other types, no extras or a value that does not parse. */
export function readAnswerExtras(type: "short_answer", data: unknown): ShortAnswerExtras | null;
export function readAnswerExtras(type: "numeric", data: unknown): NumericExtras | null;
export function readAnswerExtras(type: QuestionType, data: unknown): AnswerExtras | null;
export function readAnswerExtras(type: QuestionType, data: unknown): AnswerExtras | null {
  if (type === "short_answer") return shortAnswerExtrasSchema.safeParse(data).data ?? null;
  if (type === "numeric") return numericExtrasSchema.safeParse(data).data ?? null;
  return null;
}

export type MatchingQuestionData = z.infer<typeof matchingDataSchema>;
export type OrderingQuestionData = z.infer<typeof orderingDataSchema>;
export type ClozeQuestionData = z.infer<typeof clozeDataSchema>;
export type ClozeQuestionGap = ClozeQuestionData["gaps"][number];
export type EssayQuestionData = z.infer<typeof essayDataSchema>;
export type StoredQuestionData = MatchingQuestionData | OrderingQuestionData | ClozeQuestionData | EssayQuestionData;

/** The types whose content lives in `data` rather than in choices and answer columns. */
export const dataQuestionTypes = ["matching", "ordering", "cloze", "essay"] as const;
export type DataQuestionType = (typeof dataQuestionTypes)[number];
export const isDataQuestionType = (type: QuestionType): type is DataQuestionType => (dataQuestionTypes as readonly string[]).includes(type);

const schemaOf = {
  matching: matchingDataSchema,
  ordering: orderingDataSchema,
  cloze: clozeDataSchema,
  essay: essayDataSchema,
} as const;

/** The question's data read as its type's shape; null when the type keeps none or the value does not parse. */
export function readQuestionData(type: "matching", data: unknown): MatchingQuestionData | null;
export function readQuestionData(type: "ordering", data: unknown): OrderingQuestionData | null;
export function readQuestionData(type: "cloze", data: unknown): ClozeQuestionData | null;
export function readQuestionData(type: "essay", data: unknown): EssayQuestionData | null;
export function readQuestionData(type: QuestionType, data: unknown): StoredQuestionData | null;
export function readQuestionData(type: QuestionType, data: unknown): StoredQuestionData | null {
  if (!isDataQuestionType(type)) return null;
  const parsed = schemaOf[type].safeParse(data);
  return parsed.success ? parsed.data : null;
}

/** What grading needs of the data: ids and the key, no texts. Null for types graded from the columns (and essays). */
export function gradingDataOf(type: QuestionType, data: unknown): QuestionData | undefined {
  switch (type) {
    case "matching": {
      const value = readQuestionData("matching", data);
      return value ? { kind: "matching", prompts: value.prompts.map(({ id, answerId }) => ({ id, answerId })), answers: value.answers.map(({ id }) => ({ id })) } : undefined;
    }
    case "ordering": {
      const value = readQuestionData("ordering", data);
      return value ? { kind: "ordering", itemIds: value.items.map((item) => item.id) } : undefined;
    }
    case "cloze": {
      const value = readQuestionData("cloze", data);
      if (!value) return undefined;
      return {
        kind: "cloze",
        gaps: value.gaps.map((gap) =>
          gap.kind === "dropdown" ? { kind: "dropdown", points: gap.points, options: gap.options.map(({ id, weight }) => ({ id, weight })) } : gap,
        ),
      };
    }
    default:
      return undefined;
  }
}

/* ------------------------------------------------------------ student view */

/**
 * What a student may see of a question's data while answering: texts and ids,
 * never a pairing, the right order, accepted answers or weights. `seed` (the
 * attempt and question) fixes the shuffle, so a reload shows the same order.
 */
export type StudentQuestionData =
  | { kind: "matching"; prompts: { id: string; text: string }[]; answers: { id: string; text: string }[] }
  | { kind: "ordering"; items: { id: string; text: string }[] }
  | { kind: "cloze"; gaps: ({ kind: "short_answer" | "numeric" } | { kind: "dropdown"; options: { id: string; text: string }[] })[] }
  | { kind: "essay" };

export function studentQuestionData(type: QuestionType, data: unknown, seed: string): StudentQuestionData | null {
  switch (type) {
    case "matching": {
      const value = readQuestionData("matching", data);
      if (!value) return null;
      return {
        kind: "matching",
        prompts: value.prompts.map(({ id, text }) => ({ id, text })),
        answers: seededShuffle(value.answers.map(({ id, text }) => ({ id, text })), `${seed}:answers`),
      };
    }
    case "ordering": {
      const value = readQuestionData("ordering", data);
      if (!value) return null;
      return { kind: "ordering", items: shuffleAwayFromKey(value.items.map(({ id, text }) => ({ id, text })), seed) };
    }
    case "cloze": {
      const value = readQuestionData("cloze", data);
      if (!value) return null;
      return {
        kind: "cloze",
        gaps: value.gaps.map((gap) => (gap.kind === "dropdown" ? { kind: "dropdown", options: gap.options.map(({ id, text }) => ({ id, text })) } : { kind: gap.kind })),
      };
    }
    case "essay":
      return { kind: "essay" };
    default:
      return null;
  }
}

// FNV-1a, then a small xorshift: a repeatable order from a string, no secrets involved.
function seededRandom(seed: string): () => number {
  let state = 0x811c9dc5;
  for (let index = 0; index < seed.length; index++) {
    state ^= seed.charCodeAt(index);
    state = Math.imul(state, 0x01000193) >>> 0;
  }
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x100000000;
  };
}

/** A Fisher–Yates shuffle driven by the seed: the same seed gives the same order. */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const random = seededRandom(seed);
  const shuffled = [...items];
  for (let index = shuffled.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [shuffled[index], shuffled[other]] = [shuffled[other]!, shuffled[index]!];
  }
  return shuffled;
}

/** Shuffled, but never handed out already in the right order (that would answer the question). */
function shuffleAwayFromKey<T>(items: readonly T[], seed: string): T[] {
  const shuffled = seededShuffle(items, seed);
  const unchanged = shuffled.every((item, index) => item === items[index]);
  return unchanged && items.length > 1 ? [...shuffled.slice(1), shuffled[0]!] : shuffled;
}

/* --------------------------------------------------------------- responses */

/** The most an essay may hold: a long piece of writing, not a file. */
export const essayMaxLength = 50_000;
