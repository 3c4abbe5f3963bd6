// Every exported server action, as a student, a teacher and an admin, fed a
// battery of bad input: control characters, 100 kB strings, wrong types,
// unknown and missing fields, huge arrays, alone and around real ids. None may
// throw, none may answer "Something went wrong on our side", and a refusal
// changes no table (every row of every table fingerprinted before and after,
// but the attempt logs: see attemptLogTables). The actions are found by
// reading the files, so one added later is fuzzed without a line here.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { ActionResult } from "@/lib/actions/result";
import { buildWorld, type ApiWorld } from "./api/world";
import { badValues, everyField, isNavigation, realIds, serverFailure, unknownFields, watchTables } from "./fuzz/harness";
import { captureLogs } from "../support/capture-logs";

vi.mock("@/lib/auth/current-user", () => ({
  getCurrentUser: vi.fn(async () => null),
  getCurrentSession: vi.fn(async () => null),
  cookieSessionId: vi.fn(async () => null),
}));
// Actions that seal secrets (two-step verification) need one.
process.env.AUTH_SECRET ??= "fuzz-actions-test-secret-0123456789abcdef";
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-jeevi-client-ip": "203.0.113.50" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
// next-auth needs the Next.js runtime; a sign-in that got this far is refused like a wrong password.
vi.mock("@/lib/auth/next-auth", () => {
  class SignInRefused extends Error {
    constructor(
      readonly reason: string,
      readonly retryAfterMs = 0,
    ) {
      super(reason);
    }
  }
  return {
    SignInRefused,
    signIn: vi.fn(async () => {
      throw new SignInRefused("invalid");
    }),
    signOut: vi.fn(async () => {}),
    auth: vi.fn(async () => null),
  };
});

type Action = (input: unknown) => Promise<ActionResult<unknown> | undefined>;

const root = path.resolve(__dirname, "../..");
const sources = import.meta.glob<Record<string, unknown>>(["/lib/**/*.ts", "/app/**/*.ts"]);
const actionFiles = Object.keys(sources).filter((file) => /^\s*["']use server["']/.test(fs.readFileSync(path.join(root, file), "utf8")));

/** The number of action files and actions today: the enumeration must find at least these. */
const knownActionFiles = 66;
const knownActions = 68;

let world: ApiWorld;
const actions: { name: string; run: Action }[] = [];

beforeAll(async () => {
  for (const file of actionFiles.sort()) {
    const loaded = await sources[file]!();
    for (const [exportName, value] of Object.entries(loaded)) {
      if (typeof value === "function") actions.push({ name: `${file.replace(/^\/lib\//, "")}#${exportName}`, run: value as Action });
    }
  }
  world = await buildWorld();
});

function inputsFor(ids: Record<string, string>): [string, unknown][] {
  return [
    ["no input", undefined],
    ["null", null],
    ["a number", 7],
    ["a NUL string", "\u0000"],
    ["an array", [{}]],
    ["missing fields", {}],
    ["unknown fields", unknownFields()],
    ["unknown fields around real ids", { ...ids, ...unknownFields() }],
    ...badValues.map(([name, value]): [string, unknown] => [`every field: ${name}`, everyField(value)]),
    ...badValues.map(([name, value]): [string, unknown] => [`real ids, every other field: ${name}`, everyField(value, ids)]),
  ];
}

async function call(action: Action, input: unknown): Promise<{ refused: boolean; detail: string }> {
  try {
    const result = await action(input);
    if (result && !result.ok) {
      expect(result.error, "a refusal, not a server error").not.toMatch(serverFailure);
      return { refused: true, detail: result.error };
    }
    return { refused: false, detail: "accepted" };
  } catch (error) {
    // A successful action may navigate (sign-in, sign-out): that is an answer, not a failure.
    if (isNavigation(error)) return { refused: false, detail: "navigated" };
    throw error;
  }
}

describe("the server actions", () => {
  it("are all found by reading the files", () => {
    expect(actionFiles.length).toBeGreaterThanOrEqual(knownActionFiles);
    expect(actions.length).toBeGreaterThanOrEqual(knownActions);
  });

  it.each(["student", "teacher", "admin"] as const)("refuse bad input as %s without a server error, changing nothing", async (role) => {
    const user = world.userFor(role);
    vi.mocked(getCurrentUser).mockResolvedValue(user);
    const logs = captureLogs();
    const ids = realIds(world);
    const problems: string[] = [];
    try {
      const changedSinceLastCheck = await watchTables();
      for (const action of actions) {
        for (const [inputName, input] of inputsFor(ids)) {
          let outcome;
          try {
            outcome = await call(action.run, input);
          } catch (error) {
            problems.push(`${action.name} with ${inputName}: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`);
            continue;
          }
          // Checked after every call, so an accepted call's writes are not blamed on the next refusal.
          const changed = await changedSinceLastCheck();
          if (outcome.refused && changed.length > 0) {
            problems.push(`${action.name} with ${inputName} was refused ("${outcome.detail}") but changed ${changed.join(", ")}`);
          }
        }
      }
      expect(logs.at("error"), "no action logged an unexpected error").toEqual([]);
    } finally {
      logs.restore();
    }
    expect(problems).toEqual([]);
  });
});
