"use server";

import { userAction } from "@/lib/actions/action";
import { saveRule } from "../rule-commands";
import { revalidateCourseCertificates } from "./revalidate";

// Turns a course's certificates on, or changes their minimum grade or template.
export const saveCertificateRuleAction = userAction({
  ...saveRule,
  after: async (data) => revalidateCourseCertificates(data.courseId, data.slug),
});
