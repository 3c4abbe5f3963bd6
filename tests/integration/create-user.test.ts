import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { domainEvents } from "@/db/schema";
import { getCurrentUser } from "@/lib/auth/current-user";
import { authenticate } from "@/lib/auth/authenticate";
import { sendPendingEmails } from "@/lib/email/send-pending";
import { hashAccountToken, tokenLifetimeMs } from "@/lib/users/account-tokens";
import { createUserAction } from "@/lib/users/actions/create-user-action";
import { invitedPasswordHash } from "@/lib/users/invited";
import { accountRowCounts, auditOf, emailsOf, tokenOf, tokensOf, userRow } from "./account-fixtures";
import { recordingTransport } from "./email-fixtures";
import { createUser, testDb } from "./helpers";
import { createActor } from "./learning-fixtures";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

let admin: Awaited<ReturnType<typeof createActor>>;
let counter = 0;

beforeEach(async () => {
  admin = await createActor("admin");
  vi.mocked(getCurrentUser).mockReset();
  vi.mocked(getCurrentUser).mockResolvedValue(admin);
});

const form = (overrides: Record<string, unknown> = {}) => {
  counter++;
  return {
    email: `New.Person${counter}_${process.pid}@School.Example`,
    username: `new_person_${counter}_${process.pid}`,
    displayName: `New Person ${counter}`,
    role: "student" as const,
    gradeLevel: "11",
    ...overrides,
  };
};

describe("createUserAction", () => {
  it("creates the user with an invitation link, queues the email, audits and publishes, in one go", async () => {
    const input = form();
    const before = Date.now();
    const result = await createUserAction(input);
    const after = Date.now();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { userId, link } = result.data;

    expect(link).toMatch(/^https:\/\/school\.example\/set-password\/[A-Za-z0-9_-]{43}$/);
    expect(result.data).toMatchObject({ email: input.email.toLowerCase(), name: input.displayName });

    const user = await userRow(userId);
    expect(user).toMatchObject({
      email: input.email.toLowerCase(),
      username: input.username,
      displayName: input.displayName,
      role: "student",
      gradeLevel: 11,
      isActive: true,
      passwordHash: invitedPasswordHash,
    });

    // Only the hash of the token is stored, with a 7-day life.
    const [token] = await tokensOf(userId);
    expect(token).toMatchObject({ purpose: "invitation", usedAt: null, createdById: admin.id, tokenHash: hashAccountToken(tokenOf(link)) });
    expect(JSON.stringify(await tokensOf(userId))).not.toContain(tokenOf(link));
    expect(token!.expiresAt.getTime()).toBeGreaterThanOrEqual(before + tokenLifetimeMs.invitation);
    expect(token!.expiresAt.getTime()).toBeLessThanOrEqual(after + tokenLifetimeMs.invitation);

    const audits = await auditOf(userId);
    expect(audits.map((row) => [row.action, row.actorId])).toEqual([["user.created", admin.id]]);
    expect(audits[0]!.after).toEqual({
      email: input.email.toLowerCase(),
      username: input.username,
      displayName: input.displayName,
      role: "student",
      gradeLevel: 11,
    });
    expect(JSON.stringify(audits)).not.toContain(tokenOf(link));

    const events = await testDb().select().from(domainEvents).where(eq(domainEvents.aggregateId, userId));
    expect(events.map((event) => [event.type, event.actorId, event.payload])).toEqual([["user.created", admin.id, { userId, role: "student" }]]);

    const [email] = await emailsOf(userId);
    expect(email).toMatchObject({ type: "account.invitation", status: "pending", link: `/set-password/${tokenOf(link)}` });
    expect(email!.message).toContain(input.username);
  });

  it("sends the queued invitation as an email with the link and no unsubscribe footer", async () => {
    const result = await createUserAction(form({ role: "teacher", gradeLevel: "" }));
    if (!result.ok) throw new Error(result.error);
    const { transport, sent } = recordingTransport();
    await sendPendingEmails(testDb(), new Date(), transport);
    const mail = sent.find((message) => message.to === result.data.email || (message.to as { address?: string })?.address === result.data.email);
    expect(mail).toBeDefined();
    expect(mail!.subject).toBe("Your account at Jeevi Academy");
    expect(mail!.text).toContain(result.data.link);
    expect(mail!.html).toContain(result.data.link);
    expect(mail!.headers).toBeUndefined();
    expect(mail!.text).not.toContain("unsubscribe");
    // Once sent, the row no longer holds the live link.
    expect((await emailsOf(result.data.userId))[0]).toMatchObject({ status: "sent", link: "/set-password" });
  });

  it("gives field errors for an email or username already taken (in any case) and writes nothing", async () => {
    const existing = await createUser({ email: `taken_${process.pid}@school.example`, username: `taken_${process.pid}` });
    const before = await accountRowCounts();

    const both = await createUserAction(form({ email: existing.email.toUpperCase(), username: existing.username.toUpperCase() }));
    expect(both).toEqual({
      ok: false,
      error: "Some fields need your attention.",
      fieldErrors: { email: ["An account with this email already exists."], username: ["This username is taken. Choose another."] },
    });
    const emailOnly = await createUserAction(form({ email: existing.email }));
    expect(emailOnly).toMatchObject({ ok: false, fieldErrors: { email: [expect.any(String)] } });
    expect(emailOnly.ok || Object.keys(emailOnly.fieldErrors)).toEqual(["email"]);
    expect(await accountRowCounts()).toEqual(before);
  });

  it("checks the fields with the registration rules, and keeps grade levels for students", async () => {
    const before = await accountRowCounts();
    const bad = await createUserAction(form({ email: "not-an-email", username: "no spaces!", role: "teacher", gradeLevel: "5" }));
    expect(bad).toMatchObject({
      ok: false,
      fieldErrors: {
        email: ["Enter a valid email address, like name@school.org."],
        username: ["Use only letters, digits and underscores."],
        gradeLevel: ["Only students have a grade level."],
      },
    });
    expect(await createUserAction(form({ gradeLevel: "14" }))).toMatchObject({
      ok: false,
      fieldErrors: { gradeLevel: ["Choose a grade level from 1 to 13."] },
    });
    expect(await createUserAction(form({ role: "owner" }))).toMatchObject({ ok: false, fieldErrors: { role: ["Choose a role."] } });
    expect(await accountRowCounts()).toEqual(before);

    const teacher = await createUserAction(form({ role: "teacher", gradeLevel: "", displayName: "" }));
    expect(teacher.ok).toBe(true);
    if (teacher.ok) {
      expect(await userRow(teacher.data.userId)).toMatchObject({ role: "teacher", gradeLevel: null, displayName: null });
      expect(teacher.data.name).toMatch(/^new_person_/);
    }
  });

  it("refuses teachers, students and guests, writing nothing", async () => {
    const before = await accountRowCounts();
    for (const role of ["teacher", "student"] as const) {
      vi.mocked(getCurrentUser).mockResolvedValueOnce(await createActor(role));
      const countsNow = await accountRowCounts();
      expect(await createUserAction(form())).toEqual({ ok: false, error: "You are not allowed to do that.", fieldErrors: {} });
      expect(await accountRowCounts()).toEqual(countsNow);
    }
    vi.mocked(getCurrentUser).mockResolvedValueOnce(null);
    const guest = await createUserAction(form());
    expect(guest.ok).toBe(false);
    // Only the two actors this test created were written.
    expect((await accountRowCounts()).users).toBe(before.users + 2);
  });

  it("leaves the invited account impossible to sign in to, answering like a wrong password", async () => {
    const result = await createUserAction(form());
    if (!result.ok) throw new Error(result.error);
    for (const password of ["!invited", "", "anything-at-all"]) {
      expect(await authenticate(testDb(), { email: result.data.email, password, ip: "192.0.2.10" })).toEqual({ ok: false, reason: "invalid" });
    }
    const failures = (await auditOf(result.data.userId)).filter((row) => row.action === "auth.sign_in_failed");
    expect(failures).toHaveLength(3);
  });
});
