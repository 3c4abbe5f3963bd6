// Costly work is rate-limited per user with the shared counter: Markdown
// previews through the action wrapper's rateLimit option, CSV exports in their
// route handlers, and account-link mails per recipient.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { accountTokens } from "@/db/schema";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { CurrentUser } from "@/lib/auth/session-user";
import { previewMarkdownAction } from "@/lib/content/actions/preview-markdown-action";
import { renderMarkdown } from "@/lib/content/markdown";
import { sendPasswordResetAction } from "@/lib/users/actions/send-password-reset-action";
import { GET as exportSiteReport } from "@/app/(admin)/admin/report/export/route";
import "./email-fixtures";
import { createUser, testDb } from "./helpers";
import { createActor } from "./learning-fixtures";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-jeevi-client-ip": "203.0.113.30" }) }));
vi.mock("@/lib/content/markdown", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/content/markdown")>();
  return { ...actual, renderMarkdown: vi.fn(actual.renderMarkdown) };
});

const source = "# Heading\n\n" + "Some *text* with a [link](https://example.com). ".repeat(200);
let teacher: CurrentUser;

beforeEach(async () => {
  teacher = await createActor("teacher");
  vi.mocked(getCurrentUser).mockResolvedValue(teacher);
  vi.mocked(renderMarkdown).mockClear();
});

afterEach(() => {
  delete process.env.RATE_LIMIT_MARKDOWN_PREVIEW_PER_MINUTE;
  delete process.env.RATE_LIMIT_EXPORT_PER_MINUTE;
  delete process.env.ACCOUNT_LINK_LIMIT_PER_HOUR;
});

describe("Markdown preview", () => {
  it("the first 30 previews in a minute are rendered; the 31st is refused with a wait, and renders nothing", async () => {
    const results = [];
    for (let i = 0; i < 31; i++) results.push(await previewMarkdownAction({ source }));
    expect(results.slice(0, 30).every((result) => result.ok)).toBe(true);
    const refused = results[30]!;
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatch(/^Too many requests, try again in \d+ seconds?\.$/);
    expect(vi.mocked(renderMarkdown).mock.calls.length).toBe(30);

    // The limit is the user's: another teacher previews as usual.
    vi.mocked(getCurrentUser).mockResolvedValue(await createActor("teacher"));
    expect((await previewMarkdownAction({ source })).ok).toBe(true);
  });

  it("30 previews sent at once: all rendered; with the limit lowered by its variable, only that many", async () => {
    process.env.RATE_LIMIT_MARKDOWN_PREVIEW_PER_MINUTE = "3";
    const results = await Promise.all(Array.from({ length: 10 }, () => previewMarkdownAction({ source })));
    expect(results.filter((result) => result.ok)).toHaveLength(3);
    expect(vi.mocked(renderMarkdown).mock.calls.length).toBe(3);
  });

  it("malformed input counts too, and is refused without a 500", async () => {
    process.env.RATE_LIMIT_MARKDOWN_PREVIEW_PER_MINUTE = "2";
    expect(await previewMarkdownAction({ source: 42 as unknown as string })).toMatchObject({ ok: false, fieldErrors: { source: expect.any(Array) } });
    expect((await previewMarkdownAction({ source })).ok).toBe(true);
    expect(await previewMarkdownAction({ source })).toMatchObject({ ok: false, error: expect.stringMatching(/^Too many requests/) });
  });
});

describe("CSV export", () => {
  it("over the limit the export is 429 with Retry-After, and no CSV", async () => {
    process.env.RATE_LIMIT_EXPORT_PER_MINUTE = "2";
    vi.mocked(getCurrentUser).mockResolvedValue(await createActor("admin"));
    const exportOnce = () => exportSiteReport(new Request("http://localhost/admin/report/export"));
    const first = await exportOnce();
    expect(first.status).toBe(200);
    await first.text();
    await (await exportOnce()).text();
    const third = await exportOnce();
    expect(third.status).toBe(429);
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await third.text()).toMatch(/^Too many requests, try again in \d+ seconds?\.$/);
  });
});

describe("account links", () => {
  it("at most 5 links an hour to one person; the 6th is refused and writes nothing", async () => {
    vi.mocked(getCurrentUser).mockResolvedValue(await createActor("admin"));
    const user = await createUser({ password: "the-old-password-1" });
    const tokens = async () => (await testDb().select().from(accountTokens).where(eq(accountTokens.userId, user.id))).length;
    for (let i = 0; i < 5; i++) expect((await sendPasswordResetAction({ userId: user.id })).ok).toBe(true);
    expect(await tokens()).toBe(5);
    expect(await sendPasswordResetAction({ userId: user.id })).toMatchObject({ ok: false, error: expect.stringMatching(/Try again in \d+ minutes?/) });
    expect(await tokens()).toBe(5);

    // Another person can still be sent a link.
    const other = await createUser({ password: "the-old-password-1" });
    expect((await sendPasswordResetAction({ userId: other.id })).ok).toBe(true);
  });

  it("sends fired at once never pass the limit", async () => {
    process.env.ACCOUNT_LINK_LIMIT_PER_HOUR = "2";
    vi.mocked(getCurrentUser).mockResolvedValue(await createActor("admin"));
    const user = await createUser({ password: "the-old-password-1" });
    const results = await Promise.all(Array.from({ length: 6 }, () => sendPasswordResetAction({ userId: user.id })));
    expect(results.filter((result) => result.ok)).toHaveLength(2);
    expect((await testDb().select().from(accountTokens).where(eq(accountTokens.userId, user.id))).length).toBe(2);
  });
});
