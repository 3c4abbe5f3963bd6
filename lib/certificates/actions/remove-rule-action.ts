"use server";

import { userAction } from "@/lib/actions/action";
import { removeRule } from "../rule-commands";
import { revalidateCourseCertificates } from "./revalidate";

// Turns a course's certificates off; those issued stay valid.
export const removeCertificateRuleAction = userAction({
  ...removeRule,
  after: async (data) => revalidateCourseCertificates(data.courseId, data.slug),
});
