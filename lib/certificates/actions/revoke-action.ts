"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { revoke } from "../revoke";
import { revalidateCourseCertificates } from "./revalidate";

// Withdraws a certificate: its public page says revoked from now on.
export const revokeCertificateAction = userAction({
  ...revoke,
  after: async (data) => {
    revalidateCourseCertificates(data.courseId);
    revalidatePath(`/certificates/${data.code}`);
  },
});
