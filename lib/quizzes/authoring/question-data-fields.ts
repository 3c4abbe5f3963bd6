import { z } from "zod";
import type { QuestionType } from "@/db/schema/enums";
import { readAnswerExtras, readQuestionData } from "@/lib/quizzes/question-data";
import { multiLineText, oneLineText } from "@/lib/text/one-line";

// The question form's fields for matching, ordering, cloze and essay
// questions, their rules and their normalized "draft": the stored data's
// content with the ids the form knew (null for rows added in the form). The
// server turns a draft into stored data (question-data-form.ts), giving new
// rows their ids. Only zod here: the form runs these rules in the browser too.

export const dataLimits = { pairs: 50, answers: 60, items: 50, gaps: 50, gapAnswers: 20, gapOptions: 20, gapPoints: 1000 } as const;

export const gapKinds = ["short_answer", "numeric", "dropdown"] as const;
export type GapKind = (typeof gapKinds)[number];
export const gapKindLabels: Record<GapKind, string> = { short_answer: "Typed answer", numeric: "Number", dropdown: "Dropdown list" };

/** `[[n]]` in a cloze question's text: where blank n goes. */
export const clozeMarker = (number: number) => `[[${number}]]`;
const markerPattern = /\[\[(\d+)\]\]/g;

// An empty number box arrives as NaN, "" or null: all mean "no value".
export const emptyToNull = (value: unknown) =>
  value === "" || value === null || value === undefined || (typeof value === "number" && Number.isNaN(value)) ? null : value;

const staleRow = "This row no longer exists. Reload the page.";
/** A stored row's id, kept so saved answers still point at it; null for a row added in the form. */
const rowId = z
  .string()
  .max(100, staleRow)
  .nullish()
  .transform((value) => value || null)
  .pipe(z.uuid(staleRow).nullable());

/** A number box that may be left empty (null): the rules of the type say whether it must be filled. */
export const optionalNumber = (message: string) => z.preprocess(emptyToNull, z.number(message).finite(message).nullable());
/** How far an answer may be from a value; an empty box is an exact answer. */
export const toleranceField = z.preprocess(
  (value) => emptyToNull(value) ?? 0,
  z.number("Enter the tolerance as a number (0 for an exact answer).").finite().min(0, "The tolerance cannot be negative."),
);

const weightMessage = "Enter the share of the blank's points, from -100 to 100 (%).";
const weight = z.preprocess(emptyToNull, z.number(weightMessage).finite(weightMessage).min(-100, weightMessage).max(100, weightMessage));
const gapPointsMessage = `Enter the blank's points as a whole number from 1 to ${dataLimits.gapPoints}.`;

const gapFieldsSchema = z.object({
  kind: z.enum(gapKinds, "Choose the kind of blank."),
  points: z.preprocess(emptyToNull, z.number(gapPointsMessage).int(gapPointsMessage).min(1, gapPointsMessage).max(dataLimits.gapPoints, gapPointsMessage)),
  // One list per kind, so switching a blank's kind back and forth in the form loses nothing; only the kind's list is kept.
  answers: z
    .array(z.object({ text: oneLineText().max(200, "An accepted answer has at most 200 characters."), weight }))
    .max(dataLimits.gapAnswers, `A blank has at most ${dataLimits.gapAnswers} accepted answers.`)
    .default([]),
  numbers: z
    .array(
      z.object({
        value: optionalNumber("Enter the value as a number."),
        tolerance: toleranceField,
        weight,
      }),
    )
    .max(dataLimits.gapAnswers, `A blank has at most ${dataLimits.gapAnswers} accepted values.`)
    .default([]),
  options: z
    .array(z.object({ id: rowId, text: oneLineText().max(500, "An option has at most 500 characters."), weight }))
    .max(dataLimits.gapOptions, `A blank has at most ${dataLimits.gapOptions} options.`)
    .default([]),
});

const rowText = (what: string) => oneLineText().max(2000, `${what} has at most 2000 characters.`);

export const dataFieldsShape = {
  matchingPairs: z
    .array(z.object({ promptId: rowId, prompt: rowText("A prompt"), answerId: rowId, answer: rowText("An answer") }))
    .max(dataLimits.pairs, `A matching question has at most ${dataLimits.pairs} pairs.`)
    .default([]),
  matchingDistractors: z
    .array(z.object({ id: rowId, text: rowText("A distractor") }))
    .max(dataLimits.answers, `A matching question has at most ${dataLimits.answers} answers.`)
    .default([]),
  orderingItems: z
    .array(z.object({ id: rowId, text: rowText("An item") }))
    .max(dataLimits.items, `An ordering question has at most ${dataLimits.items} items.`)
    .default([]),
  clozeGaps: z.array(gapFieldsSchema).max(dataLimits.gaps, `A question has at most ${dataLimits.gaps} blanks.`).default([]),
  graderInfo: multiLineText().trim().max(5000, "The information for graders has at most 5000 characters.").default(""),
};

type DataFields = z.output<z.ZodObject<typeof dataFieldsShape>>;
export type DataFieldsInput = z.input<z.ZodObject<typeof dataFieldsShape>>;

/* ------------------------------------------------------------------ drafts */

const draftId = z.uuid().nullable();
const draftGapSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("short_answer"), points: z.number(), answers: z.array(z.object({ text: z.string(), weight: z.number() })) }),
  z.object({ kind: z.literal("numeric"), points: z.number(), answers: z.array(z.object({ value: z.number(), tolerance: z.number(), weight: z.number() })) }),
  z.object({ kind: z.literal("dropdown"), points: z.number(), options: z.array(z.object({ id: draftId, text: z.string(), weight: z.number() })) }),
]);

/**
 * A data question's content before the server stores it. Cloze, ordering and
 * essay drafts are their stored shape with nullable ids (so stored data reads
 * as a draft too); a matching draft lists pairs, as the form does, because a
 * new prompt cannot point at an answer that has no id yet.
 */
export const questionDataDraftSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("matching"),
    pairs: z.array(z.object({ promptId: draftId, prompt: z.string(), answerId: draftId, answer: z.string() })),
    distractors: z.array(z.object({ id: draftId, text: z.string() })),
  }),
  z.object({ kind: z.literal("ordering"), items: z.array(z.object({ id: draftId, text: z.string() })) }),
  z.object({ kind: z.literal("cloze"), gaps: z.array(draftGapSchema) }),
  z.object({ kind: z.literal("essay"), graderInfo: z.string() }),
  // A short answer's partly right answers and a numeric question's other values (their full-marks answers stay in the columns).
  z.object({ kind: z.literal("short_answer"), partial: z.array(z.object({ text: z.string(), weight: z.number() })) }),
  z.object({ kind: z.literal("numeric"), others: z.array(z.object({ value: z.number(), tolerance: z.number(), weight: z.number() })) }),
]);
export type QuestionDataDraft = z.infer<typeof questionDataDraftSchema>;
export type ClozeDraftGap = z.infer<typeof draftGapSchema>;

/** Stored data as a draft, ids kept; undefined when the type keeps no data or the value does not parse. */
export function draftOfStored(type: QuestionType, data: unknown): QuestionDataDraft | undefined {
  switch (type) {
    case "matching": {
      const value = readQuestionData("matching", data);
      if (!value) return undefined;
      const textOf = new Map(value.answers.map((answer) => [answer.id, answer.text]));
      const paired = new Set(value.prompts.map((prompt) => prompt.answerId));
      return {
        kind: "matching",
        pairs: value.prompts.map((prompt) => ({ promptId: prompt.id, prompt: prompt.text, answerId: prompt.answerId, answer: textOf.get(prompt.answerId) ?? "" })),
        distractors: value.answers.filter((answer) => !paired.has(answer.id)),
      };
    }
    case "ordering":
      return readQuestionData("ordering", data) ?? undefined;
    case "cloze":
      return readQuestionData("cloze", data) ?? undefined;
    case "essay":
      return readQuestionData("essay", data) ?? undefined;
    case "short_answer":
    case "numeric":
      return readAnswerExtras(type, data) ?? undefined;
    default:
      return undefined;
  }
}

/** The draft of the chosen type from the form's fields; undefined for the types without data. */
export function draftOfFields(type: QuestionType, value: DataFields): QuestionDataDraft | undefined {
  switch (type) {
    case "matching":
      return { kind: "matching", pairs: value.matchingPairs, distractors: value.matchingDistractors };
    case "ordering":
      return { kind: "ordering", items: value.orderingItems };
    case "cloze":
      return {
        kind: "cloze",
        gaps: value.clozeGaps.map((gap): ClozeDraftGap => {
          switch (gap.kind) {
            case "short_answer":
              return { kind: "short_answer", points: gap.points, answers: gap.answers };
            case "numeric":
              // A value left empty is refused by checkQuestionData; it never reaches a saved draft.
              return { kind: "numeric", points: gap.points, answers: gap.numbers.flatMap(({ value: number, tolerance, weight: share }) => (number === null ? [] : [{ value: number, tolerance, weight: share }])) };
            case "dropdown":
              return { kind: "dropdown", points: gap.points, options: gap.options };
          }
        }),
      };
    case "essay":
      return { kind: "essay", graderInfo: value.graderInfo };
    default:
      return undefined;
  }
}

export const blankPair = () => ({ promptId: null, prompt: "", answerId: null, answer: "" });
export const blankRow = () => ({ id: null, text: "" });
export const blankGap = (kind: GapKind = "short_answer") => ({
  kind,
  points: 1,
  answers: kind === "short_answer" ? [{ text: "", weight: 100 }] : [],
  numbers: kind === "numeric" ? [{ value: null, tolerance: 0, weight: 100 }] : [],
  options: kind === "dropdown" ? [{ id: null, text: "", weight: 100 }, { id: null, text: "", weight: 0 }] : [],
});

/** The form's data fields for a draft (a stored question's, or the form's own output), with blank rows where the type has none. */
export function dataFieldValues(draft: QuestionDataDraft | undefined): DataFieldsInput {
  return {
    matchingPairs: draft?.kind === "matching" ? draft.pairs : [blankPair(), blankPair()],
    matchingDistractors: draft?.kind === "matching" ? draft.distractors : [],
    orderingItems: draft?.kind === "ordering" ? draft.items : [blankRow(), blankRow(), blankRow()],
    clozeGaps:
      draft?.kind === "cloze"
        ? draft.gaps.map((gap) => ({
            ...blankGap(gap.kind),
            points: gap.points,
            answers: gap.kind === "short_answer" ? gap.answers : [],
            numbers: gap.kind === "numeric" ? gap.answers : [],
            options: gap.kind === "dropdown" ? gap.options : [],
          }))
        : [],
    graderInfo: draft?.kind === "essay" ? draft.graderInfo : "",
  };
}

/**
 * The form's accepted answers (each with its marks) and other numeric values
 * from the full-marks answers of the columns and a draft's extras: full marks
 * first, then the partly right ones.
 */
export function answerFieldValues(acceptedAnswers: readonly string[], draft: QuestionDataDraft | undefined) {
  return {
    acceptedAnswers: [
      ...acceptedAnswers.map((value) => ({ value, weight: 100 })),
      ...(draft?.kind === "short_answer" ? draft.partial.map(({ text, weight }) => ({ value: text, weight })) : []),
    ],
    numericOthers: draft?.kind === "numeric" ? draft.others.map(({ value, tolerance, weight }) => ({ value, tolerance, weight })) : [],
  };
}

/* ------------------------------------------------------------------- rules */

type Issue = (path: (string | number)[], message: string) => void;

const sameText = (text: string) => text.toLowerCase();

/** Indexes of rows whose text repeats an earlier one (ignoring case), with the index of the first. */
function repeats(texts: string[]): number[] {
  const seen = new Set<string>();
  return texts.flatMap((text, index) => {
    if (!text) return [];
    const key = sameText(text);
    if (seen.has(key)) return [index];
    seen.add(key);
    return [];
  });
}

function checkMatching(value: DataFields, issue: Issue) {
  value.matchingPairs.forEach((pair, index) => {
    if (!pair.prompt) issue(["matchingPairs", index, "prompt"], "Write the prompt, or remove the pair.");
    if (!pair.answer) issue(["matchingPairs", index, "answer"], "Write the matching answer, or remove the pair.");
  });
  if (value.matchingPairs.length < 2) issue(["matchingPairs"], "Add at least two pairs.");
  for (const index of repeats(value.matchingPairs.map((pair) => pair.prompt))) {
    issue(["matchingPairs", index, "prompt"], "Another pair has the same prompt; students could not tell them apart.");
  }
  const rightAnswers = new Set(value.matchingPairs.map((pair) => sameText(pair.answer)).filter(Boolean));
  const distractorTexts = value.matchingDistractors.map((distractor) => distractor.text);
  distractorTexts.forEach((text, index) => {
    if (!text) issue(["matchingDistractors", index, "text"], "Write the distractor, or remove it.");
    else if (rightAnswers.has(sameText(text))) issue(["matchingDistractors", index, "text"], "This is already a right answer of a pair; write a different distractor.");
  });
  for (const index of repeats(distractorTexts)) issue(["matchingDistractors", index, "text"], "Another distractor has the same text.");
  // Prompts sharing an answer text share one answer, so this counts what students will see.
  if (rightAnswers.size + value.matchingDistractors.length > dataLimits.answers) {
    issue(["matchingDistractors"], `A matching question has at most ${dataLimits.answers} answers, distractors included.`);
  }
}

function checkOrdering(value: DataFields, issue: Issue) {
  value.orderingItems.forEach((item, index) => {
    if (!item.text) issue(["orderingItems", index, "text"], "Write the item, or remove it.");
  });
  if (value.orderingItems.length < 2) issue(["orderingItems"], "Add at least two items.");
  for (const index of repeats(value.orderingItems.map((item) => item.text))) {
    issue(["orderingItems", index, "text"], "Another item has the same text; students could not tell them apart.");
  }
}

/** The text's markers against the described blanks: each blank once, in order, none extra. */
function checkMarkers(text: string, gapCount: number, issue: Issue) {
  const markers = [...text.matchAll(markerPattern)].map((match) => Number(match[1]));
  const plural = gapCount === 1 ? "blank is" : "blanks are";
  const extra = markers.find((marker) => marker < 1 || marker > gapCount);
  if (extra !== undefined) {
    issue(["text"], gapCount === 0 ? `The text has ${clozeMarker(extra)} but no blank is described yet.` : `The text has ${clozeMarker(extra)} but only ${gapCount} ${plural} described.`);
    return;
  }
  const twice = markers.find((marker, index) => markers.indexOf(marker) !== index);
  if (twice !== undefined) {
    issue(["text"], `The text has ${clozeMarker(twice)} more than once; each blank goes in one place.`);
    return;
  }
  let missing = false;
  for (let number = 1; number <= gapCount; number++) {
    if (!markers.includes(number)) {
      issue(["clozeGaps", number - 1], `Blank ${number} is not in the text; write ${clozeMarker(number)} where it goes.`);
      missing = true;
    }
  }
  if (!missing && markers.some((marker, index) => marker !== index + 1)) {
    issue(["text"], "The blanks must appear in order: [[1]] first, then [[2]], and so on.");
  }
}

type GapFields = DataFields["clozeGaps"][number];

function checkGap(gap: GapFields, index: number, issue: Issue) {
  const at = (...rest: (string | number)[]) => ["clozeGaps", index, ...rest];
  const number = index + 1;
  const fullMarks = (weights: number[], list: string) => {
    if (weights.length > 0 && !weights.some((share) => share >= 100)) issue(at(list), `Blank ${number} has no answer that earns full marks.`);
  };
  switch (gap.kind) {
    case "short_answer":
      gap.answers.forEach((answer, row) => {
        if (!answer.text) issue(at("answers", row, "text"), "Write the accepted answer, or remove it.");
      });
      if (gap.answers.length === 0) issue(at("answers"), `Add an accepted answer for blank ${number}.`);
      fullMarks(gap.answers.map((answer) => answer.weight), "answers");
      break;
    case "numeric":
      gap.numbers.forEach((answer, row) => {
        if (answer.value === null) issue(at("numbers", row, "value"), "Enter the value, or remove it.");
      });
      if (gap.numbers.length === 0) issue(at("numbers"), `Add an accepted value for blank ${number}.`);
      fullMarks(gap.numbers.map((answer) => answer.weight), "numbers");
      break;
    case "dropdown":
      gap.options.forEach((option, row) => {
        if (!option.text) issue(at("options", row, "text"), "Write the option, or remove it.");
      });
      for (const row of repeats(gap.options.map((option) => option.text))) issue(at("options", row, "text"), "Another option of this blank has the same text.");
      if (gap.options.length < 2) issue(at("options"), `Give blank ${number} at least two options.`);
      fullMarks(gap.options.map((option) => option.weight), "options");
      break;
  }
}

function checkCloze(value: DataFields & { text: string }, issue: Issue) {
  if (value.clozeGaps.length === 0) issue(["clozeGaps"], "Add at least one blank, and write [[1]] in the text where it goes.");
  checkMarkers(value.text, value.clozeGaps.length, issue);
  value.clozeGaps.forEach((gap, index) => checkGap(gap, index, issue));
}

/** What a matching, ordering or cloze question needs to be answerable and gradable (an essay needs nothing more). */
export function checkQuestionData(value: DataFields & { type: QuestionType; text: string }, issue: Issue) {
  if (value.type === "matching") checkMatching(value, issue);
  if (value.type === "ordering") checkOrdering(value, issue);
  if (value.type === "cloze") checkCloze(value, issue);
}
