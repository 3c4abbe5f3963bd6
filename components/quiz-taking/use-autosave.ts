"use client";

import { useEffect, useState } from "react";
import { AutosaveQueue, type SaveAnswer, type SaveStatus } from "./autosave-queue";

export type { SaveStatus };

/** The autosave queue of an attempt page, with each question's save state and the last refusal as React state. */
export function useAutosave(save: SaveAnswer) {
  const [statuses, setStatuses] = useState<Record<string, SaveStatus>>({});
  const [error, setError] = useState<string | null>(null);
  const [queue] = useState(
    () =>
      new AutosaveQueue(save, {
        status: (questionId, status) =>
          setStatuses((current) => (current[questionId] === status ? current : { ...current, [questionId]: status })),
        refused: setError,
      }),
  );
  useEffect(() => () => queue.stop(), [queue]);
  return { queue, statuses, error };
}
