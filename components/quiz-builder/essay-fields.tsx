"use client";

import { TextAreaField } from "@/components/ui/text-area-field";
import type { QuestionFormApi } from "./row-controls";

/** An essay is graded by hand: the form only takes guidance for whoever grades it. */
export function EssayFields({ form }: { form: QuestionFormApi }) {
  return (
    <TextAreaField
      label="Information for graders (optional)"
      rows={3}
      hint="What a good answer covers, or how to share out the points. Students never see it."
      error={form.formState.errors.graderInfo?.message}
      {...form.register("graderInfo")}
    />
  );
}
