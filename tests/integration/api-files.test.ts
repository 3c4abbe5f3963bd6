// A client with a personal access token hands in a file and downloads it
// again through the file routes outside /api/v1, as the browser does with
// its cookie; a revoked token opens nothing.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as downloadSubmissionFile } from "@/app/api/files/submissions/[fileId]/route";
import { POST as uploadSubmissionFile } from "@/app/api/submissions/uploads/route";
import { createApiToken, revokeApiToken } from "@/lib/api/tokens";
import type { CurrentUser } from "@/lib/auth/session-user";
import { callApi } from "./api/call-api";
import { assignmentSetUp } from "./assignment-fixtures";
import { testDb } from "./helpers";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));

const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

let student: CurrentUser;
let taskId: string;
let token: { token: string; id: string };

beforeAll(async () => {
  ({ student, taskId } = await assignmentSetUp());
  token = await testDb().transaction((tx) => createApiToken(tx, student, { name: "files", lifetime: "7" }));
});

const upload = (bearer: string | null) =>
  uploadSubmissionFile(
    new Request(`http://localhost/api/submissions/uploads?taskId=${taskId}&name=report.pdf`, {
      method: "POST",
      body: pdf,
      headers: { "content-length": String(pdf.length), ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    }),
  );
const download = (fileId: string, bearer: string | null) =>
  downloadSubmissionFile(
    new Request(`http://localhost/api/files/submissions/${fileId}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} }),
    { params: Promise.resolve({ fileId }) },
  );

describe("files with a token", () => {
  it("a student uploads, hands in through /api/v1 and downloads its file; without the token, nothing", async () => {
    expect((await upload(null)).status).toBe(401);
    const uploaded = await upload(token.token);
    expect(uploaded.status).toBe(201);
    const file = (await uploaded.json()) as { id: string; name: string };
    expect(file.name).toBe("report.pdf");

    const handedIn = await callApi({
      method: "POST",
      path: `/api/v1/assignments/${taskId}/submissions`,
      token: token.token,
      body: { text: "", fileIds: [file.id] },
    });
    expect(handedIn.status).toBe(201);

    const fetched = await download(file.id, token.token);
    expect(fetched.status).toBe(200);
    expect(Buffer.from(await fetched.arrayBuffer()).subarray(0, 8).toString()).toBe("%PDF-1.4");
    expect((await download(file.id, null)).status).toBe(404);

    await testDb().transaction((tx) => revokeApiToken(tx, student, token.id));
    expect((await download(file.id, token.token)).status).toBe(404);
    expect((await upload(token.token)).status).toBe(401);
  });
});
