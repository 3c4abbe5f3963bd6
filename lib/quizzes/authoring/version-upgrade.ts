// Re-grading after a question was corrected moves closed attempts from the
// version they were answered with to the question's current version. Typed
// answers carry over as they are; a picked choice carries over to the choice
// that continues it in the newer version (each new version's choices remember
// the choice they came from), and a pick whose choice was removed since counts
// for nothing, as it did before questions had versions.

export interface VersionUpgrade {
  from: string;
  to: string;
  /** Old choice id → the choice that continues it in the current version. */
  choices: Map<string, string>;
}

export interface VersionedChoice {
  id: string;
  questionId: string;
  previousId: string | null;
}

/** The upgrade of one answered version to the current one, following each choice's line of successors. */
export function versionUpgrade(answeredId: string, currentId: string, choices: readonly VersionedChoice[]): VersionUpgrade | null {
  if (answeredId === currentId) return null;
  const successor = new Map<string, VersionedChoice>();
  for (const choice of choices) if (choice.previousId) successor.set(choice.previousId, choice);
  const map = new Map<string, string>();
  for (const choice of choices) {
    if (choice.questionId !== answeredId) continue;
    let next = successor.get(choice.id);
    // A line is at most as long as the entry's versions; the guard stops a corrupt cycle.
    for (let steps = 0; next && next.questionId !== currentId && steps < choices.length; steps++) next = successor.get(next.id);
    if (next && next.questionId === currentId) map.set(choice.id, next.id);
  }
  return { from: answeredId, to: currentId, choices: map };
}

/** A saved response rewritten for the current version: picked choices carried over, typed text kept. */
export function upgradeResponse<R>(response: R, upgrade: VersionUpgrade): R {
  if (response && typeof response === "object" && "choiceIds" in response && Array.isArray(response.choiceIds)) {
    return { ...response, choiceIds: response.choiceIds.flatMap((id: unknown) => (typeof id === "string" && upgrade.choices.has(id) ? [upgrade.choices.get(id)!] : [])) };
  }
  return response;
}

/** An attempt's stored question list, points and choice order moved to the current versions. */
export function upgradeAttemptRecord(
  attempt: { questionOrder: string[]; questionPoints: Record<string, number>; choiceOrder: Record<string, string[]> },
  upgrades: ReadonlyMap<string, VersionUpgrade>,
  pointsOf: (upgrade: VersionUpgrade, previous: number | undefined) => number | undefined,
) {
  const questionOrder = attempt.questionOrder.map((id) => upgrades.get(id)?.to ?? id);
  const questionPoints: Record<string, number> = {};
  for (const id of attempt.questionOrder) {
    const upgrade = upgrades.get(id);
    const previous = attempt.questionPoints[id];
    const next = upgrade ? pointsOf(upgrade, previous) : previous;
    if (next !== undefined) questionPoints[upgrade?.to ?? id] = next;
  }
  const choiceOrder: Record<string, string[]> = {};
  for (const [id, order] of Object.entries(attempt.choiceOrder)) {
    const upgrade = upgrades.get(id);
    // Choices added since go after the shuffled ones (applyOrder puts unknown ids last).
    choiceOrder[upgrade?.to ?? id] = upgrade ? order.flatMap((choiceId) => (upgrade.choices.has(choiceId) ? [upgrade.choices.get(choiceId)!] : [])) : order;
  }
  return { questionOrder, questionPoints, choiceOrder };
}
