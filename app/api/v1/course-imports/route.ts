import { db as database } from "@/db";
import { transferItemOf, uploadCoursePackageContract } from "@/lib/api/contracts/course-transfers";
import { ApiProblem, type ProblemType } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { loadTransfer } from "@/lib/course-transfer/transfers/transfer-queries";
import { uploadCoursePackage } from "@/lib/course-transfer/transfers/upload-package";
import { incompleteUploadMessage } from "@/lib/storage/upload-route";
import { declaredLength } from "@/lib/storage/upload-request";

const problemFor: Record<400 | 403 | 413 | 415, ProblemType> = { 400: "malformed", 403: "forbidden", 413: "too_large", 415: "unsupported_media_type" };

// A streamed upload (the contract says so): the package goes from the request into storage as it arrives,
// never whole in memory, and uploadCoursePackage commits as it goes, so it takes the database itself.
export const POST = apiRoute(uploadCoursePackageContract, async ({ user, query, request }) => {
  const outcome = await uploadCoursePackage(database, user, query, {
    body: request.body,
    declaredLength: declaredLength(request.headers),
    ip: clientIpFrom(request.headers),
  }).catch((error: unknown) => {
    // The sender went away mid-file (its choice, not our fault): nothing was kept.
    if (request.signal.aborted) throw new ApiProblem("malformed", incompleteUploadMessage);
    throw error;
  });
  if (!outcome.ok) throw new ApiProblem(problemFor[outcome.status], outcome.error);
  return transferItemOf((await loadTransfer(database, user, outcome.file.id))!);
});
