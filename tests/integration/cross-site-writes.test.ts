import { count, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as openNotificationGet, POST as openNotificationPost } from "@/app/(notifications)/notifications/[id]/open/route";
import { POST as uploadSubmissionFile } from "@/app/api/submissions/uploads/route";
import { POST as uploadCourseFile } from "@/app/api/uploads/route";
import { POST as uploadCoursePackage } from "@/app/api/course-imports/route";
import { zipSync } from "fflate";
import { POST as unsubscribePost } from "@/app/api/unsubscribe/route";
import { notifications, storedFiles } from "@/db/schema";
import { createApiToken } from "@/lib/api/tokens";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { CurrentUser } from "@/lib/auth/session-user";
import { assignmentSetUp } from "./assignment-fixtures";
import { testDb } from "./helpers";
import { createActor, createCourse, type CourseFixture } from "./learning-fixtures";

// Cookie-authenticated writes outside /api/v1 refuse other sites' requests
// (the v1 wrapper's check, shared through lib/security/same-origin.ts), a
// personal access token still writes from anywhere, and no GET changes state.

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));

const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const site = "http://localhost";
const fromElsewhere = { origin: "https://evil.example", "sec-fetch-site": "cross-site" };
const fromHere = { origin: site, "sec-fetch-site": "same-origin" };

let teacher: CurrentUser;
let course: CourseFixture;

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "cross-site-writes-test-secret-0123456789";
  teacher = await createActor("teacher");
  course = await createCourse(teacher.id, { modules: 1, lessonsPerModule: 1 });
});

beforeEach(() => {
  vi.mocked(getCurrentUser).mockReset();
  vi.mocked(getCurrentUser).mockResolvedValue(null);
});

const storedCount = async () => (await testDb().select({ n: count() }).from(storedFiles))[0]!.n;

const post = (path: string, headers: Record<string, string>, body: BodyInit = pdf) =>
  new Request(`${site}${path}`, { method: "POST", headers: { host: "localhost", ...headers }, body, duplex: "half" } as RequestInit);

describe("POST /api/uploads", () => {
  const path = () => `/api/uploads?courseId=${course.id}&kind=document&name=notes.pdf`;

  it("refuses the cookie from another site with a 403 problem, and stores nothing", async () => {
    vi.mocked(getCurrentUser).mockResolvedValue(teacher);
    const before = await storedCount();
    for (const headers of [fromElsewhere, { origin: "https://evil.example" }, { "sec-fetch-site": "same-site", origin: "http://sub.localhost" }]) {
      const response = await uploadCourseFile(post(path(), headers));
      expect(response.status).toBe(403);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(await response.json()).toMatchObject({ status: 403, detail: expect.stringContaining("only allowed from this site") });
    }
    expect(await storedCount()).toBe(before);
  });

  it("accepts the cookie from this site's own page", async () => {
    vi.mocked(getCurrentUser).mockResolvedValue(teacher);
    const response = await uploadCourseFile(post(path(), fromHere));
    expect(response.status).toBe(201);
  });

  it("accepts a personal access token from anywhere: a token is not sent by the browser on its own", async () => {
    const { token } = await testDb().transaction((tx) => createApiToken(tx, teacher, { name: "ci", lifetime: "30" }));
    const response = await uploadCourseFile(post(path(), { ...fromElsewhere, authorization: `Bearer ${token}` }));
    expect(response.status).toBe(201);
  });
});

describe("POST /api/course-imports", () => {
  const backup = () => zipSync({ "course.json": new TextEncoder().encode(JSON.stringify({ format: "jeevi-academy-course", schemaVersion: 1, exportedAt: new Date().toISOString(), source: { site, courseId: null, tool: "test" }, course: { title: "Packaged", subject: "physics" } })) });

  it("refuses a package from another site's page, keeps nothing, and takes one from this site", async () => {
    vi.mocked(getCurrentUser).mockResolvedValue(teacher);
    const before = await storedCount();
    const refused = await uploadCoursePackage(post("/api/course-imports?name=course.zip", fromElsewhere, backup()));
    expect(refused.status).toBe(403);
    expect(await storedCount()).toBe(before);
    const accepted = await uploadCoursePackage(post("/api/course-imports?name=course.zip", fromHere, backup()));
    expect(accepted.status).toBe(201);
    expect(await accepted.json()).toMatchObject({ id: expect.any(String), name: "course.zip" });
  });

  it("tells a student that only teachers import courses", async () => {
    vi.mocked(getCurrentUser).mockResolvedValue(await createActor("student"));
    const response = await uploadCoursePackage(post("/api/course-imports?name=course.zip", fromHere, backup()));
    expect(response.status).toBe(403);
  });
});

describe("POST /api/submissions/uploads", () => {
  it("refuses the cookie from another site, accepts it from this one, and answers a bad query with 400", async () => {
    const { student, taskId } = await assignmentSetUp({ dueAt: null });
    vi.mocked(getCurrentUser).mockResolvedValue(student);
    const before = await storedCount();
    const refused = await uploadSubmissionFile(post(`/api/submissions/uploads?taskId=${taskId}&name=a.pdf`, fromElsewhere));
    expect(refused.status).toBe(403);
    expect(await storedCount()).toBe(before);
    const tooLongName = await uploadSubmissionFile(post(`/api/submissions/uploads?taskId=${taskId}&name=${"n".repeat(5000)}`, fromHere));
    expect(tooLongName.status).toBe(400);
    const accepted = await uploadSubmissionFile(post(`/api/submissions/uploads?taskId=${taskId}&name=a.pdf`, fromHere));
    expect([201, 415]).toContain(accepted.status);
  });
});

describe("POST /api/unsubscribe", () => {
  it("works without any cookie or origin, as mail clients send it (RFC 8058), and refuses a bad token with 400", async () => {
    const response = await unsubscribePost(post("/api/unsubscribe?token=not-a-token", {}, "List-Unsubscribe=One-Click"));
    expect(response.status).toBe(400);
    expect(getCurrentUser).not.toHaveBeenCalled();
  });
});

describe("opening a notification", () => {
  async function unreadNotification(user: CurrentUser) {
    const [row] = await testDb()
      .insert(notifications)
      .values({ userId: user.id, type: "lesson.published", title: "New lesson", link: "/learn/somewhere" })
      .returning({ id: notifications.id });
    return row!.id;
  }
  const readAt = async (id: number) => (await testDb().select({ readAt: notifications.readAt }).from(notifications).where(eq(notifications.id, id)))[0]!.readAt;
  const context = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });

  it("by GET goes to what it is about and changes nothing", async () => {
    const student = await createActor("student");
    vi.mocked(getCurrentUser).mockResolvedValue(student);
    const id = await unreadNotification(student);
    const response = await openNotificationGet(new Request(`${site}/notifications/${id}/open`), context(id));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/learn/somewhere");
    expect(await readAt(id)).toBeNull();
  });

  it("by POST from this site marks it read and goes on; from another site changes nothing", async () => {
    const student = await createActor("student");
    vi.mocked(getCurrentUser).mockResolvedValue(student);
    const id = await unreadNotification(student);
    const refused = await openNotificationPost(post(`/notifications/${id}/open`, fromElsewhere, ""), context(id));
    expect(refused.status).toBe(403);
    expect(await readAt(id)).toBeNull();
    const opened = await openNotificationPost(post(`/notifications/${id}/open`, fromHere, ""), context(id));
    expect(opened.status).toBe(303);
    expect(opened.headers.get("location")).toBe("/learn/somewhere");
    expect(await readAt(id)).not.toBeNull();
  });

  it("someone else's, or a bad id, leads back to the list and changes nothing", async () => {
    const owner = await createActor("student");
    const intruder = await createActor("student");
    const id = await unreadNotification(owner);
    vi.mocked(getCurrentUser).mockResolvedValue(intruder);
    for (const target of [id, "\u0000", "9".repeat(40)]) {
      const response = await openNotificationPost(post(`/notifications/x/open`, fromHere, ""), context(target));
      expect(response.headers.get("location")).toBe("/notifications");
    }
    expect(await readAt(id)).toBeNull();
  });
});
