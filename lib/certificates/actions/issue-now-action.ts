"use server";

import { userAction } from "@/lib/actions/action";
import { issueNow } from "../rule-commands";
import { revalidateCourseCertificates } from "./revalidate";

// Checks every student of the course and issues the certificates it owes.
export const issueCertificatesNowAction = userAction({
  ...issueNow,
  after: async (data) => revalidateCourseCertificates(data.courseId, data.slug),
});
