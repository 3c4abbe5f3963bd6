import { describe, expect, it } from "vitest";
import { postPermissions, type ThreadContext } from "@/lib/discussions/rules";
import { editPostSchema, replySchema, startThreadSchema } from "@/lib/discussions/schemas";

const courseId = "00000000-0000-4000-8000-000000000001";
const lessonId = "00000000-0000-4000-8000-000000000002";
const me = "00000000-0000-4000-8000-0000000000aa";
const someone = "00000000-0000-4000-8000-0000000000bb";

describe("discussion schemas", () => {
  it("trims the title and body and asks for both", () => {
    expect(startThreadSchema.parse({ courseId, title: "  Why?  ", body: " Because " })).toEqual({ courseId, title: "Why?", body: "Because" });
    const empty = startThreadSchema.safeParse({ courseId, title: "  ", body: "" });
    expect(empty.success).toBe(false);
    expect(empty.error!.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["title", "Give the thread a title."],
      ["body", "Write something first."],
    ]);
  });

  it("bounds the title at 200 characters and the body at 20,000", () => {
    expect(startThreadSchema.safeParse({ courseId, title: "x".repeat(200), body: "b" }).success).toBe(true);
    expect(startThreadSchema.safeParse({ courseId, title: "x".repeat(201), body: "b" }).success).toBe(false);
    expect(replySchema.safeParse({ threadId: courseId, body: "y".repeat(20_000) }).success).toBe(true);
    expect(editPostSchema.safeParse({ postId: courseId, body: "y".repeat(20_001) }).success).toBe(false);
  });

  it("reads an empty lesson choice as none, and refuses a malformed one", () => {
    expect(startThreadSchema.parse({ courseId, lessonId: "", title: "t", body: "b" }).lessonId).toBeUndefined();
    expect(startThreadSchema.parse({ courseId, lessonId, title: "t", body: "b" }).lessonId).toBe(lessonId);
    expect(startThreadSchema.safeParse({ courseId, lessonId: "lesson-1", title: "t", body: "b" }).success).toBe(false);
  });
});

describe("post permissions", () => {
  const open: ThreadContext = { actorId: me, canPost: true, canModerate: false, locked: false, removed: false };

  it("lets the author edit and delete its post in an open thread, nobody else's", () => {
    expect(postPermissions(open, { authorId: me, removed: false })).toEqual({ canEdit: true, canDelete: true });
    expect(postPermissions(open, { authorId: someone, removed: false })).toEqual({ canEdit: false, canDelete: false });
    expect(postPermissions(open, { authorId: null, removed: false })).toEqual({ canEdit: false, canDelete: false });
  });

  it("in a locked thread, the author may delete but not edit; a moderator may still edit its own", () => {
    expect(postPermissions({ ...open, locked: true }, { authorId: me, removed: false })).toEqual({ canEdit: false, canDelete: true });
    expect(postPermissions({ ...open, locked: true, canModerate: true }, { authorId: me, removed: false })).toEqual({ canEdit: true, canDelete: true });
  });

  it("lets a moderator remove anyone's post but not edit it", () => {
    expect(postPermissions({ ...open, canModerate: true }, { authorId: someone, removed: false })).toEqual({ canEdit: false, canDelete: true });
  });

  it("makes a removed post, or a post of a removed thread, final", () => {
    expect(postPermissions(open, { authorId: me, removed: true })).toEqual({ canEdit: false, canDelete: false });
    expect(postPermissions({ ...open, removed: true, canModerate: true }, { authorId: me, removed: false })).toEqual({ canEdit: false, canDelete: false });
  });

  it("an archived course (no posting) stops editing", () => {
    expect(postPermissions({ ...open, canPost: false }, { authorId: me, removed: false })).toEqual({ canEdit: false, canDelete: true });
  });
});
