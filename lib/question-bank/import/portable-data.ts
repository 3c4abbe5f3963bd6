import { randomUUID } from "node:crypto";
import { clozeMarkerPattern, type ClozeQuestion, type EssayQuestion, type MatchingQuestion, type OrderingQuestion } from "@/lib/question-formats/portable-question";
import { clozeDataSchema, essayDataSchema, matchingDataSchema, orderingDataSchema, type ClozeQuestionGap } from "@/lib/quizzes/question-data";

// The data of an imported matching, ordering, cloze or essay question, as the
// bank keeps it (lib/quizzes/question-data.ts), or why it cannot be kept.

type DataConversion = { ok: true; data: Record<string, unknown>; notes: string[] } | { ok: false; reason: string };

const clean = (text: string, max: number) => text.replace(/\u0000/g, "").trim().slice(0, max);
const wholeGapPoints = (points: number) => Math.min(1000, Math.max(1, Math.round(Number.isFinite(points) ? points : 1)));
const clampWeight = (weight: number) => Math.max(-100, Math.min(100, Number.isFinite(weight) ? weight : 0));

function matchingData(question: MatchingQuestion): DataConversion {
  if (question.pairs.length < 2) return { ok: false, reason: "A matching question needs at least two pairs." };
  if (question.pairs.length > 50) return { ok: false, reason: "A matching question has at most 50 pairs." };
  // Prompts that share an answer text share one answer, as students see each answer once.
  const answerIds = new Map<string, string>();
  const answerOf = (text: string) => {
    const key = text.toLowerCase();
    let id = answerIds.get(key);
    if (!id) answerIds.set(key, (id = randomUUID()));
    return id;
  };
  const answers: { id: string; text: string }[] = [];
  const prompts = question.pairs.map((pair) => {
    const answer = clean(pair.answer, 2000);
    const known = answerIds.has(answer.toLowerCase());
    const answerId = answerOf(answer);
    if (!known) answers.push({ id: answerId, text: answer });
    return { id: randomUUID(), text: clean(pair.prompt, 2000), answerId };
  });
  if (prompts.some((prompt) => prompt.text === "") || answers.some((answer) => answer.text === "")) return { ok: false, reason: "A pair has no prompt or no answer." };
  for (const distractor of question.distractors.map((text) => clean(text, 2000)).filter(Boolean)) {
    if (!answerIds.has(distractor.toLowerCase())) answers.push({ id: answerOf(distractor), text: distractor });
  }
  const parsed = matchingDataSchema.safeParse({ kind: "matching", prompts, answers });
  return parsed.success ? { ok: true, data: parsed.data, notes: [] } : { ok: false, reason: "A matching question has at most 50 pairs and 60 answers." };
}

function orderingData(question: OrderingQuestion): DataConversion {
  const items = question.items.map((text) => ({ id: randomUUID(), text: clean(text, 2000) }));
  if (items.length < 2) return { ok: false, reason: "An ordering question needs at least two items." };
  if (items.some((item) => item.text === "")) return { ok: false, reason: "An item has no text." };
  const parsed = orderingDataSchema.safeParse({ kind: "ordering", items });
  return parsed.success ? { ok: true, data: parsed.data, notes: [] } : { ok: false, reason: "An ordering question has at most 50 items." };
}

function clozeData(question: ClozeQuestion): DataConversion {
  const markers = [...question.text.matchAll(clozeMarkerPattern)].map((match) => Number(match[1]));
  if (question.gaps.length === 0) return { ok: false, reason: "A fill-in-the-blanks question needs at least one blank." };
  if (markers.length !== question.gaps.length || markers.some((marker, index) => marker !== index + 1)) {
    return { ok: false, reason: "The blanks in the text do not match the blanks described." };
  }
  const notes: string[] = [];
  let feedbackDropped = false;
  const gaps: ClozeQuestionGap[] = [];
  for (const [index, gap] of question.gaps.entries()) {
    const points = wholeGapPoints(gap.points);
    if (points !== gap.points) notes.push(`Blank ${index + 1} is worth ${points} point${points === 1 ? "" : "s"} (whole numbers from 1).`);
    switch (gap.kind) {
      case "short_answer":
        feedbackDropped ||= gap.answers.some((answer) => answer.feedback.trim() !== "");
        gaps.push({ kind: "short_answer", points, answers: gap.answers.map((answer) => ({ text: clean(answer.text, 200), weight: clampWeight(answer.weight) })).filter((answer) => answer.text !== "") });
        break;
      case "numeric":
        feedbackDropped ||= gap.answers.some((answer) => answer.feedback.trim() !== "");
        gaps.push({ kind: "numeric", points, answers: gap.answers.map((answer) => ({ value: answer.value, tolerance: Math.abs(answer.tolerance) || 0, weight: clampWeight(answer.weight) })) });
        break;
      case "dropdown":
        feedbackDropped ||= gap.choices.some((choice) => choice.feedback.trim() !== "");
        gaps.push({ kind: "dropdown", points, options: gap.choices.map((choice) => ({ id: randomUUID(), text: clean(choice.text, 500), weight: clampWeight(choice.weight) })) });
        break;
    }
    const last = gaps.at(-1)!;
    const best = last.kind === "dropdown" ? Math.max(...last.options.map((option) => option.weight)) : Math.max(...last.answers.map((answer) => answer.weight), -Infinity);
    if (!(best >= 100)) return { ok: false, reason: `Blank ${index + 1} has no answer that earns full marks.` };
  }
  if (feedbackDropped) notes.push("Feedback on the blanks' answers is not kept.");
  const parsed = clozeDataSchema.safeParse({ kind: "cloze", gaps });
  if (!parsed.success) return { ok: false, reason: "A blank has too many answers, or a dropdown has fewer than two options." };
  return { ok: true, data: parsed.data, notes };
}

function essayData(question: EssayQuestion): DataConversion {
  const parsed = essayDataSchema.safeParse({ kind: "essay", graderInfo: clean(question.graderInfo, 5000) });
  return parsed.success ? { ok: true, data: parsed.data, notes: [] } : { ok: false, reason: "The essay's grading guidance could not be read." };
}

export function dataQuestionContent(question: MatchingQuestion | OrderingQuestion | ClozeQuestion | EssayQuestion): DataConversion {
  switch (question.type) {
    case "matching":
      return matchingData(question);
    case "ordering":
      return orderingData(question);
    case "cloze":
      return clozeData(question);
    case "essay":
      return essayData(question);
  }
}
