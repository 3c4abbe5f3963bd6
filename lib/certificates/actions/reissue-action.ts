"use server";

import { userAction } from "@/lib/actions/action";
import { reissue } from "../rule-commands";
import { revalidateCourseCertificates } from "./revalidate";

// Issues a new certificate to an eligible student whose earlier one was revoked.
export const reissueCertificateAction = userAction({
  ...reissue,
  after: async (data) => revalidateCourseCertificates(data.courseId, data.slug),
});
