import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { emailDeliveries } from "@/db/schema";
import { getCurrentUser } from "@/lib/auth/current-user";
import { GET as getOutboxFile } from "@/app/(admin)/admin/outbox/[file]/route";
import { saveNotificationPreferencesAction } from "@/lib/email/actions/save-preferences-action";
import { readOutboxFile } from "@/lib/email/outbox-file";
import { listOutbox } from "@/lib/email/outbox-queries";
import { loadNotificationPreferences } from "@/lib/email/preferences-queries";
import { notificationTypesFor } from "@/lib/notifications/types";
import { deliveriesOf, notificationsOf, notify, outbox, setDigest } from "./email-fixtures";
import { countQueries, testDb } from "./helpers";
import { createActor } from "./learning-fixtures";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const allBoth = (role: string = "admin") => notificationTypesFor(role).map(({ type }) => ({ type, channel: "both" as const }));

describe("notification settings", () => {
  it("shows the defaults, saves every choice and the digest, and the next notification follows them", async () => {
    for (const role of ["student", "teacher", "admin"] as const) {
      const user = await createActor(role);
      expect(await loadNotificationPreferences(testDb(), user)).toEqual({ preferences: allBoth(role), digest: false });
      // A student is never asked about course copies, which only staff make.
      expect(allBoth(role).some((row) => row.type === "course_transfer.finished")).toBe(role !== "student");
      vi.mocked(getCurrentUser).mockResolvedValueOnce(user);
      const preferences = allBoth(role).map((row) =>
        row.type === "grade.released" ? { ...row, channel: "in_app" as const } : row.type === "lesson.published" ? { ...row, channel: "none" as const } : row,
      );
      const result = await saveNotificationPreferencesAction({ preferences, digest: true });
      expect(result.ok).toBe(true);
      expect(await loadNotificationPreferences(testDb(), user)).toEqual({ preferences, digest: true });

      await notify([user.id], "grade.released");
      await notify([user.id], "announcement.posted", "Announcement: Trip", "/learn/x/announcements/1");
      await notify([user.id], "lesson.published", "New lesson", "/learn/x/1");
      expect((await notificationsOf(user.id)).map((n) => n.type).sort()).toEqual(["announcement.posted", "grade.released"]);
      expect((await deliveriesOf(user.id)).map((d) => [d.type, d.status])).toEqual([["announcement.posted", "digest"]]);
    }
  });

  it("sends what waited for the digest as separate emails once the digest is turned off", async () => {
    const user = await createActor("student");
    await setDigest(user.id, true);
    await notify([user.id]);
    expect((await deliveriesOf(user.id))[0]!.status).toBe("digest");
    vi.mocked(getCurrentUser).mockResolvedValueOnce(user);
    expect((await saveNotificationPreferencesAction({ preferences: allBoth(), digest: false })).ok).toBe(true);
    expect((await deliveriesOf(user.id))[0]!.status).toBe("pending");
  });

  it("refuses bad input next to the field and changes nothing; a guest changes nothing", async () => {
    const user = await createActor("student");
    vi.mocked(getCurrentUser).mockResolvedValueOnce(user);
    const bad = allBoth().map((row, index) => (index === 2 ? { ...row, channel: "sometimes" } : { ...row, channel: "none" }));
    const result = await saveNotificationPreferencesAction({ preferences: bad as never, digest: true });
    expect(result).toMatchObject({ ok: false, fieldErrors: { "preferences.2.channel": ["Choose how to receive these."] } });
    expect(await loadNotificationPreferences(testDb(), user)).toEqual({ preferences: allBoth("student"), digest: false });

    const guest = await saveNotificationPreferencesAction({ preferences: allBoth().map((row) => ({ ...row, channel: "none" as const })), digest: true });
    expect(guest.ok).toBe(false);
  });
});

describe("the admin outbox", () => {
  it("lists deliveries newest first with the recipient, filters by status, pages in one statement, and is for admins only", async () => {
    const admin = await createActor("admin");
    const teacher = await createActor("teacher");
    const student = await createActor("student");
    await testDb()
      .insert(emailDeliveries)
      .values([
        { userId: student.id, type: "grade.released", title: "Older", link: "/a", status: "sent", createdAt: new Date(Date.UTC(2031, 0, 1)) },
        { userId: student.id, type: "grade.released", title: "Newer", link: "/b", status: "failed", attempts: 6, lastError: "Refused", createdAt: new Date(Date.UTC(2031, 0, 2)) },
      ]);

    const { result, count } = await countQueries(() => listOutbox(testDb(), admin));
    expect(count).toBe(1);
    expect(result!.items.slice(0, 2).map((row) => [row.title, row.recipient, row.status])).toEqual([
      ["Newer", student.email, "failed"],
      ["Older", student.email, "sent"],
    ]);
    const failed = await listOutbox(testDb(), admin, { status: "failed" });
    expect(failed!.items.every((row) => row.status === "failed")).toBe(true);
    expect(failed!.items[0]).toMatchObject({ title: "Newer", attempts: 6, lastError: "Refused" });
    expect(await listOutbox(testDb(), teacher)).toBeNull();
    expect(await listOutbox(testDb(), student)).toBeNull();
  });

  it("reads only generated .eml names inside the outbox directory", async () => {
    const name = "20300110T120000000Z-0123456789ab.eml";
    fs.writeFileSync(path.join(outbox, name), "Subject: hi\n\nbody\n");
    fs.writeFileSync(path.join(path.dirname(outbox), "secret.eml"), "secret");
    expect((await readOutboxFile(name, outbox))?.toString()).toContain("Subject: hi");
    for (const crafted of ["../secret.eml", "..%2Fsecret.eml", "/etc/passwd", "secret.eml", `${name}/../${name}`, "20300110T120000000Z-0123456789ab.eml.txt"]) {
      expect(await readOutboxFile(crafted, outbox)).toBeNull();
    }
    expect(await readOutboxFile("20300110T120000000Z-ffffffffffff.eml", outbox)).toBeNull();
  });

  it("serves a sent .eml file to admins only, as text or as a download", async () => {
    const name = "20300111T080000000Z-abcdefabcdef.eml";
    fs.writeFileSync(path.join(outbox, name), "Subject: Grade released\n\nHello\n");
    const open = (file: string, query = "") =>
      getOutboxFile(new Request(`https://school.example/admin/outbox/${file}${query}`), { params: Promise.resolve({ file }) });

    vi.mocked(getCurrentUser).mockResolvedValueOnce(await createActor("admin"));
    const shown = await open(name);
    expect(shown.status).toBe(200);
    expect(shown.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(await shown.text()).toContain("Subject: Grade released");

    vi.mocked(getCurrentUser).mockResolvedValueOnce(await createActor("admin"));
    const downloaded = await open(name, "?download=1");
    expect(downloaded.headers.get("Content-Type")).toBe("message/rfc822");
    expect(downloaded.headers.get("Content-Disposition")).toBe(`attachment; filename="${name}"`);

    vi.mocked(getCurrentUser).mockResolvedValueOnce(await createActor("admin"));
    expect((await open("..%2F..%2Fauth-secret")).status).toBe(404);
    vi.mocked(getCurrentUser).mockResolvedValueOnce(await createActor("teacher"));
    expect((await open(name)).status).toBe(404);
    expect((await open(name)).status).toBe(404);
  });
});
