// Each attempt fixes its question order and each question's choice order once,
// at start; later loads only apply them, so a reload never reshuffles.

export interface OrderableQuestion {
  id: string;
  choiceIds: string[];
}

export interface AttemptOrder {
  questionOrder: string[];
  choiceOrder: Record<string, string[]>;
}

/** Fisher-Yates on a copy, with an injectable random source for tests. */
export function shuffled<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** The order for a new attempt, from the questions in position order. */
export function buildAttemptOrder(
  questions: OrderableQuestion[],
  { shuffleQuestions, shuffleChoices }: { shuffleQuestions: boolean; shuffleChoices: boolean },
  random: () => number = Math.random,
): AttemptOrder {
  const ids = questions.map((question) => question.id);
  const choiceOrder: Record<string, string[]> = {};
  if (shuffleChoices) {
    for (const question of questions) {
      if (question.choiceIds.length > 1) choiceOrder[question.id] = shuffled(question.choiceIds, random);
    }
  }
  return { questionOrder: shuffleQuestions ? shuffled(ids, random) : ids, choiceOrder };
}

/**
 * Items (in their position order) arranged by a stored order of ids: those in
 * the order first, as stored; any added since, after them in position order;
 * any deleted since simply absent.
 */
export function applyOrder<T extends { id: string }>(items: T[], order: readonly string[] | undefined): T[] {
  if (!order || order.length === 0) return items;
  const rank = new Map(order.map((id, index) => [id, index]));
  const known = items.filter((item) => rank.has(item.id)).sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
  return [...known, ...items.filter((item) => !rank.has(item.id))];
}
