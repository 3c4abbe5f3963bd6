import { revalidatePath } from "next/cache";

/** The pages that show a course's certificates and the student's list. */
export function revalidateCourseCertificates(courseId: string, slug?: string) {
  revalidatePath(`/teacher/courses/${courseId}/certificates`);
  revalidatePath("/certificates");
  revalidatePath("/admin/certificates");
  if (slug) revalidatePath(`/learn/${slug}`);
}

export function revalidateTemplates() {
  revalidatePath("/admin/certificates");
}
