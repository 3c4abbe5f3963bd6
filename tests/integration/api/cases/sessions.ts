import { expect } from "vitest";
import { startSession } from "@/lib/sessions/store";
import { loadSessionUser } from "@/lib/auth/session-user";
import { testDb } from "../../helpers";
import { endpointCases } from "../matrix";
import type { ApiWorld, Role } from "../world";

// GET and DELETE /api/v1/me/sessions: one's own sessions only, whatever the role (an admin ends others' on the admin page).

const signedInAs = (userId: string) => startSession(testDb(), { userId, ip: "192.0.2.50", userAgent: "Mozilla/5.0 Firefox/130.0" });
const actorOf = (w: ApiWorld, role: Role) => (role === "anonymous" ? w.student : w.userFor(role));
/** "other": a session of a user who is nobody's own in the matrix. */
const strangerOf = (w: ApiWorld) => w.otherStudent;

const listed = (role: Exclude<Role, "anonymous">) => ({
  status: 200,
  check: async (a: { body: { data: { id: string; current: boolean }[] } }, w: ApiWorld) => {
    const ids = a.body.data.map((s) => s.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(a.body.data.every((s) => !s.current)).toBe(true);
    // Never another user's session.
    for (const id of ids) expect((await loadSessionUser(testDb(), id))?.id).toBe(w.userFor(role).id);
  },
});

let lastStrangerSession = "";
// The stranger's session named by the refused DELETE still works.
const stillOpen = async () => expect(await loadSessionUser(testDb(), lastStrangerSession)).not.toBeNull();

export const cases = [
  ...endpointCases({
    endpoint: "GET /api/v1/me/sessions",
    requests: {
      own: async (w, role) => {
        await signedInAs(actorOf(w, role).id);
        await signedInAs(strangerOf(w).id);
        return { path: "/api/v1/me/sessions" };
      },
    },
    expect: { anonymous: { own: 401 }, student: { own: listed("student") }, teacher: { own: listed("teacher") }, admin: { own: listed("admin") } },
  }),
  ...endpointCases({
    endpoint: "DELETE /api/v1/me/sessions/{sessionId}",
    requests: {
      own: async (w, role) => ({ method: "DELETE", path: `/api/v1/me/sessions/${await signedInAs(actorOf(w, role).id)}` }),
      other: async (w) => {
        lastStrangerSession = await signedInAs(strangerOf(w).id);
        return { method: "DELETE", path: `/api/v1/me/sessions/${lastStrangerSession}` };
      },
    },
    expect: {
      anonymous: { own: 401, other: 401 },
      student: {
        own: { status: 200, check: async (a) => expect(await loadSessionUser(testDb(), a.body.id)).toBeNull() },
        other: { status: 404, check: stillOpen },
      },
      teacher: { own: 200, other: { status: 404, check: stillOpen } },
      admin: { own: 200, other: { status: 404, check: stillOpen } },
    },
  }),
];
