"use client";

import { createContext, useContext } from "react";
import type { ActionResult } from "@/lib/actions/result";
import type { StructureModule } from "@/lib/authoring/queries";

/** A change shown at once while the server works; the server's answer replaces it. */
export type OptimisticChange = (modules: StructureModule[]) => StructureModule[];

export interface StructureEditorContext {
  courseId: string;
  /** Every module, in order, as shown (for "Move to module"). */
  modules: { id: string; title: string }[];
  /** Runs a list change (move, reorder, delete) and reports its outcome. */
  run: (work: () => Promise<ActionResult<unknown>>, options?: { optimistic?: OptimisticChange; done?: string }) => void;
  /** Tells screen reader users what just happened. */
  announce: (message: string) => void;
  pending: boolean;
}

const EditorContext = createContext<StructureEditorContext | null>(null);

export const EditorProvider = EditorContext.Provider;

export function useStructureEditor(): StructureEditorContext {
  const value = useContext(EditorContext);
  if (!value) throw new Error("useStructureEditor must be used inside <StructureEditor>.");
  return value;
}
