import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { parseUserTableQuery, userPageSize } from "@/lib/admin/user-params";
import { loadAnonymiseTarget, loadUserTablePage } from "@/lib/admin/user-queries";
import type { Actor } from "@/lib/auth/policy";
import { countQueries, createUser, testDb } from "./helpers";

// The admin's users table on a database of its own: who may read it, the
// status worked out in SQL (without handing out the hash), every filter,
// every sort, paging, bad parameters, and two statements whatever the page.

const tag = `ut${process.pid}${Math.random().toString(36).slice(2, 6)}`;
const day = 24 * 60 * 60 * 1000;
const base = new Date("2026-05-01T12:00:00.000Z");

let admin: Actor;
let teacher: Actor;
const idOf = new Map<string, string>();

const load = (params: Record<string, string | string[]> = {}, actor: Actor = admin) => loadUserTablePage(testDb(), actor, parseUserTableQuery(params));
const usernames = async (params: Record<string, string | string[]> = {}) => (await load(params))!.rows.map((row) => row.username);

beforeAll(async () => {
  const adminRow = await createUser({ role: "admin", username: `${tag}_admin`, email: `${tag}_admin@school.example` });
  admin = { id: adminRow.id, role: "admin" };
  const teacherRow = await createUser({ role: "teacher", username: `${tag}_teach`, email: `${tag}_teach@school.example` });
  teacher = { id: teacherRow.id, role: "teacher" };
  // name, role, status, joined (days after base), last sign-in (days after base or null)
  const people: [string, "student" | "teacher" | "admin", "active" | "invited" | "deactivated" | "anonymised", number, number | null][] = [
    ["Asha", "student", "active", 1, 10],
    ["Bilal", "student", "deactivated", 2, 3],
    ["Chen", "teacher", "active", 3, null],
    ["Dana", "student", "invited", 4, null],
    ["Emeka", "student", "anonymised", 5, 6],
  ];
  for (const [name, role, status, joined, signedIn] of people) {
    const row = await createUser({ role, username: `${tag}_${name.toLowerCase()}`, email: `${name.toLowerCase()}.${tag}@school.example` });
    await testDb()
      .update(users)
      .set({
        displayName: `${name} ${tag}`,
        createdAt: new Date(base.getTime() + joined * day),
        lastSignInAt: signedIn === null ? null : new Date(base.getTime() + signedIn * day),
        isActive: status === "active" || status === "invited",
        passwordHash: status === "invited" ? "!invited:not-a-hash" : status === "anonymised" ? "!anonymised" : undefined,
        anonymizedAt: status === "anonymised" ? new Date() : null,
      })
      .where(eq(users.id, row.id));
    idOf.set(name, row.id);
  }
  // The two set-up accounts joined before everyone else.
  await testDb().update(users).set({ createdAt: base }).where(inArray(users.id, [admin.id, teacher.id]));
});

describe("users table", () => {
  it("is for admins only", async () => {
    expect(await load({}, teacher)).toBeNull();
    expect(await load({}, { id: idOf.get("Asha")!, role: "student" })).toBeNull();
  });

  it("lists every account newest first with its status worked out in SQL, no hash, in two statements", async () => {
    const { result, count } = await countQueries(() => load({ q: tag }));
    expect(count).toBe(2);
    expect(result!.total).toBe(7);
    expect(result!.rows.map((row) => [row.name, row.status])).toEqual([
      [`Emeka ${tag}`, "anonymised"],
      [`Dana ${tag}`, "invited"],
      [`Chen ${tag}`, "active"],
      [`Bilal ${tag}`, "deactivated"],
      [`Asha ${tag}`, "active"],
      // Same join time: by id, whatever it is; both have no display name, so the username shows.
      ...[
        [`${tag}_admin`, "active"],
        [`${tag}_teach`, "active"],
      ].sort((a, b) => ((a[0] === `${tag}_admin` ? admin.id : teacher.id) < (b[0] === `${tag}_admin` ? admin.id : teacher.id) ? -1 : 1)),
    ]);
    for (const row of result!.rows) expect(Object.keys(row).sort()).toEqual(["createdAt", "email", "id", "lastSignInAt", "name", "role", "status", "username"]);
  });

  it("searches name, username and email, any case, with LIKE wildcards taken literally", async () => {
    expect(await usernames({ q: `asha ${tag}`.toUpperCase() })).toEqual([`${tag}_asha`]);
    expect(await usernames({ q: `${tag}_bil` })).toEqual([`${tag}_bilal`]);
    expect(await usernames({ q: `chen.${tag}@SCHOOL` })).toEqual([`${tag}_chen`]);
    expect(await usernames({ q: `${tag}%` })).toEqual([]);
  });

  it("filters by role and by status, together with the search", async () => {
    expect(await usernames({ q: tag, role: "teacher", sort: "name" })).toEqual([`${tag}_chen`, `${tag}_teach`]);
    // By the name shown: the two set-up accounts have no display name, so their username ("ut…") counts.
    expect(await usernames({ q: tag, status: "active", sort: "name" })).toEqual([`${tag}_asha`, `${tag}_chen`, `${tag}_admin`, `${tag}_teach`]);
    expect(await usernames({ q: tag, status: "deactivated" })).toEqual([`${tag}_bilal`]);
    expect(await usernames({ q: tag, status: "invited" })).toEqual([`${tag}_dana`]);
    expect(await usernames({ q: tag, status: "anonymised" })).toEqual([`${tag}_emeka`]);
    expect(await usernames({ q: tag, role: "student", status: "active" })).toEqual([`${tag}_asha`]);
    expect((await load({ q: tag, role: "admin", status: "deactivated" }))!.total).toBe(0);
  });

  it("sorts by name, email, role, join date and last sign-in, both ways", async () => {
    const people = { q: tag, role: "student" };
    expect(await usernames({ ...people, sort: "name" })).toEqual(["asha", "bilal", "dana", "emeka"].map((n) => `${tag}_${n}`));
    expect(await usernames({ ...people, sort: "name", dir: "desc" })).toEqual(["emeka", "dana", "bilal", "asha"].map((n) => `${tag}_${n}`));
    expect(await usernames({ ...people, sort: "email", dir: "desc" })).toEqual(["emeka", "dana", "bilal", "asha"].map((n) => `${tag}_${n}`));
    expect(await usernames({ ...people, sort: "joined", dir: "asc" })).toEqual(["asha", "bilal", "dana", "emeka"].map((n) => `${tag}_${n}`));
    // Never signed in comes last either way.
    expect(await usernames({ ...people, sort: "lastSignIn" })).toEqual(["asha", "emeka", "bilal", "dana"].map((n) => `${tag}_${n}`));
    expect(await usernames({ ...people, sort: "lastSignIn", dir: "asc" })).toEqual(["bilal", "emeka", "asha", "dana"].map((n) => `${tag}_${n}`));
    const byRole = await load({ q: tag, sort: "role", dir: "asc" });
    expect(byRole!.rows.map((row) => row.role)).toEqual(["student", "student", "student", "student", "teacher", "teacher", "admin"]);
  });

  it("pages by 50 in two statements, and a page past the end shows the last one", async () => {
    const many = `${tag}many`;
    await testDb()
      .insert(users)
      .values(
        Array.from({ length: userPageSize + 5 }, (_, index) => ({
          email: `${many}${index}@school.example`,
          username: `${many}_${String(index).padStart(3, "0")}`,
          passwordHash: "x",
        })),
      );
    const first = await countQueries(() => load({ q: many, sort: "name" }));
    expect(first.count).toBe(2);
    expect(first.result).toMatchObject({ total: 55, page: 1, pageCount: 2 });
    expect(first.result!.rows).toHaveLength(50);
    expect(first.result!.rows[0]!.username).toBe(`${many}_000`);
    const second = await countQueries(() => load({ q: many, sort: "name", page: "2" }));
    expect(second.count).toBe(2);
    expect(second.result!.rows.map((row) => row.username)).toEqual([50, 51, 52, 53, 54].map((n) => `${many}_0${n}`));
    expect((await load({ q: many, sort: "name", page: "9" }))!.page).toBe(2);
    const empty = await countQueries(() => load({ q: `${tag}nobody` }));
    expect(empty.count).toBe(2);
    expect(empty.result).toMatchObject({ total: 0, page: 1, pageCount: 1, rows: [] });
  });

  it.each([
    ["unknown values", { sort: "password_hash", dir: "sideways", role: "owner", status: "deleted", page: "-3" }],
    ["repeated values", { sort: ["email", "name"], role: ["teacher", "admin"], q: [`${tag}_chen`, "x"] }],
    ["a control character and a huge page", { q: `\u0000${tag}`, page: "99999999999" }],
  ])("reads bad parameters (%s) as defaults, never an error", async (_label, params) => {
    const result = await load(params as Record<string, string | string[]>);
    expect(result).not.toBeNull();
    expect(result!.page).toBe(1);
  });

  it("parses parameters without throwing", () => {
    expect(parseUserTableQuery({ sort: "nope", dir: "up", page: "abc", role: "owner", status: "x", q: "  Ann  " })).toEqual({
      filters: { q: "Ann" },
      sort: "joined",
      dir: "desc",
      page: 1,
    });
    expect(parseUserTableQuery({ sort: ["email", "name"], role: ["teacher"], status: "invited", page: "3" })).toEqual({
      filters: { q: "", role: "teacher", status: "invited" },
      sort: "email",
      dir: "asc",
      page: 3,
    });
    expect(parseUserTableQuery(null).sort).toBe("joined");
  });

  it("loads the account to anonymise for admins only, by a valid id", async () => {
    const target = await countQueries(() => loadAnonymiseTarget(testDb(), admin, idOf.get("Asha")!));
    expect(target.count).toBe(1);
    expect(target.result).toMatchObject({ username: `${tag}_asha`, status: "active", isSelf: false });
    expect(await loadAnonymiseTarget(testDb(), admin, admin.id)).toMatchObject({ isSelf: true });
    expect(await loadAnonymiseTarget(testDb(), teacher, idOf.get("Asha")!)).toBeNull();
    expect(await loadAnonymiseTarget(testDb(), admin, "not-a-uuid")).toBeNull();
  });
});
