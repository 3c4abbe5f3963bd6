// Which question versions an attempt gets, decided once at its start. Chosen
// questions come first in slot order; each random slot then draws its count
// from its pool, never a bank question the attempt already has (chosen or
// drawn by an earlier slot), so no student sees one question twice.

import { shuffled } from "./attempt-order";

export type ResolvedSlot =
  | { kind: "question"; slotId: string; entryId: string; questionId: string; points: number }
  | { kind: "random"; slotId: string; drawCount: number; points: number; label: string; candidates: { entryId: string; questionId: string }[] };

export type AttemptDraw =
  | { ok: true; questionIds: string[]; points: Record<string, number> }
  | { ok: false; shortSlot: { slotId: string; label: string; needed: number; available: number } };

export function drawAttemptQuestions(slots: readonly ResolvedSlot[], random: () => number = Math.random): AttemptDraw {
  const taken = new Set(slots.flatMap((slot) => (slot.kind === "question" ? [slot.entryId] : [])));
  const picks = new Map<string, string[]>();
  for (const slot of slots) {
    if (slot.kind !== "random") continue;
    const pool = slot.candidates.filter((candidate) => !taken.has(candidate.entryId));
    if (pool.length < slot.drawCount) {
      return { ok: false, shortSlot: { slotId: slot.slotId, label: slot.label, needed: slot.drawCount, available: pool.length } };
    }
    const drawn = shuffled(pool, random).slice(0, slot.drawCount);
    for (const candidate of drawn) taken.add(candidate.entryId);
    picks.set(slot.slotId, drawn.map((candidate) => candidate.questionId));
  }

  const questionIds: string[] = [];
  const points: Record<string, number> = {};
  for (const slot of slots) {
    if (slot.kind === "question") {
      questionIds.push(slot.questionId);
      points[slot.questionId] = slot.points;
    } else {
      for (const id of picks.get(slot.slotId) ?? []) {
        questionIds.push(id);
        points[id] = slot.points;
      }
    }
  }
  return { ok: true, questionIds, points };
}

/**
 * The random slots that could run short at an attempt's start. A slot is safe
 * when its pool, less the chosen questions and less everything earlier random
 * slots with an overlapping pool may take, still holds its draw count: then
 * the draw above never fails, whatever it picks. Used by the builder and to
 * refuse publishing a quiz that could not start.
 */
export function randomSlotShortfalls(slots: readonly ResolvedSlot[]): { slotId: string; label: string; needed: number; available: number }[] {
  const chosen = new Set(slots.flatMap((slot) => (slot.kind === "question" ? [slot.entryId] : [])));
  const earlier: { entries: Set<string>; drawCount: number }[] = [];
  const short = [];
  for (const slot of slots) {
    if (slot.kind !== "random") continue;
    const pool = new Set(slot.candidates.filter((candidate) => !chosen.has(candidate.entryId)).map((candidate) => candidate.entryId));
    const takenBefore = earlier.filter((other) => [...other.entries].some((entry) => pool.has(entry))).reduce((sum, other) => sum + other.drawCount, 0);
    const available = Math.max(0, pool.size - takenBefore);
    if (available < slot.drawCount) short.push({ slotId: slot.slotId, label: slot.label, needed: slot.drawCount, available });
    earlier.push({ entries: pool, drawCount: slot.drawCount });
  }
  return short;
}
