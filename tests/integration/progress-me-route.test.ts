import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/progress/me/route";
import { users } from "@/db/schema";
import { seedDemoData } from "@/lib/seed/seed";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { testDb } from "./helpers";

// GET /api/progress/me, the route handler itself, on the demo site: the demo
// student has done 3 lessons of Mechanics (physics) and 5 of Chemistry.
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn(async () => null) }));

const isoDate = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

async function demoUser(email: string): Promise<CurrentUser> {
  const [user] = await testDb()
    .select({
      id: users.id,
      email: users.email,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      gradeLevel: users.gradeLevel,
    })
    .from(users)
    .where(eq(users.email, email));
  return user!;
}

async function getAs(user: CurrentUser | null) {
  vi.mocked(getCurrentUser).mockResolvedValueOnce(user);
  return GET();
}

beforeAll(async () => {
  await seedDemoData(testDb());
});

describe("GET /api/progress/me", () => {
  it("gives the signed-in student its summary by subject as JSON, never cached", async () => {
    const response = await getAs(await demoUser("student@jeevi.example"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.headers.get("cache-control")).toContain("no-store");

    const body = await response.json();
    expect(Object.keys(body)).toEqual(["class", "subject_progress"]);
    expect(body.class).toBe(10);
    expect(Object.keys(body.subject_progress)).toEqual(["chemistry", "physics"]);
    expect(body.subject_progress.physics.completed_lessons).toHaveLength(3);
    expect(body.subject_progress.physics.completed_quizzes).toEqual([]);
    expect(body.subject_progress.chemistry.completed_lessons).toHaveLength(5);
    expect(body.subject_progress.physics.completed_lessons[0]).toEqual({
      id: expect.any(String),
      title: "Position, displacement and distance",
      course: "mechanics-motion-and-forces",
      course_title: "Mechanics: Motion and Forces",
      completed_at: expect.stringMatching(isoDate),
    });
  });

  it("answers a guest 401 with a message and no data, never cached", async () => {
    const response = await getAs(null);
    expect(response.status).toBe(401);
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(await response.json()).toEqual({ error: "Sign in to see your progress." });
  });

  it("answers a teacher and an admin 403 without a summary", async () => {
    for (const email of ["teacher@jeevi.example", "admin@jeevi.example"]) {
      const response = await getAs(await demoUser(email));
      expect(response.status, email).toBe(403);
      expect(response.headers.get("cache-control")).toContain("no-store");
      expect(await response.json()).not.toHaveProperty("subject_progress");
    }
  });
});
