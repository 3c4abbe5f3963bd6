"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { setReleaseRuleFromForm, type SavedReleaseRule } from "../set-release-rule";

/** The pages that show what is open: the structure editor's badges, the outline, the player. */
function revalidateReleases(saved: SavedReleaseRule) {
  revalidatePath(`/teacher/courses/${saved.courseId}/structure`);
  revalidatePath(`/teacher/courses/${saved.courseId}/release/${saved.item.kind}/${saved.item.id}`);
  revalidatePath(`/teacher/courses/${saved.courseId}/progress`);
  revalidatePath(`/courses/${saved.slug}`);
  revalidatePath(`/learn/${saved.slug}`, "layout");
  revalidatePath("/dashboard");
}

// A teacher sets (or clears, with no conditions) when a module, lesson or task opens.
export const setReleaseRuleAction = userAction({
  ...setReleaseRuleFromForm,
  after: async (saved) => revalidateReleases(saved),
});
