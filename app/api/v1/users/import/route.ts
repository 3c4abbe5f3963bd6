import { importUsersContract } from "@/lib/api/contracts/cohorts";
import { ApiProblem } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { can } from "@/lib/auth/policy";
import { importOutcomeJson } from "@/lib/roster/import-json";
import { runRosterImport } from "@/lib/roster/run-import";
import { csvBytesOfUpload } from "@/lib/roster/upload-bytes";

// Also what the import page sends the file to: a dry run first, then the save with the preview's token.
export const POST = apiRoute(importUsersContract, async ({ db, user, query, file, request }) => {
  if (!can(user, "user.import")) throw new ApiProblem("forbidden", "Only administrators import users.");
  const bytes = await csvBytesOfUpload(request.headers.get("content-type") ?? "", file);
  const outcome = await runRosterImport(db, user, bytes, { dryRun: query.dryRun, previewToken: query.previewToken });
  return importOutcomeJson(outcome);
});
