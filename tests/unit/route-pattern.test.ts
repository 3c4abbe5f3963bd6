import { describe, expect, it } from "vitest";
import { pathOf, routeMatcher, unmatchedRoute } from "@/lib/server/route-pattern.mjs";

// The shape of .next/routes-manifest.json (regexes as Next writes them).
const manifest = {
  staticRoutes: [
    { page: "/", regex: "^/(?:/)?$" },
    { page: "/courses/new", regex: "^/courses/new(?:/)?$" },
  ],
  dynamicRoutes: [
    { page: "/courses/[courseId]", regex: "^/courses/([^/]+?)(?:/)?$" },
    { page: "/api/v1/attempts/[attemptId]/answers/[questionId]", regex: "^/api/v1/attempts/([^/]+?)/answers/([^/]+?)(?:/)?$" },
    { page: "/broken", regex: "(" },
  ],
};

describe("route patterns for logs and metrics", () => {
  const routeOf = routeMatcher(manifest);

  it("names a request by its route, never by its ids", () => {
    expect(routeOf("/")).toBe("/");
    expect(routeOf("/courses/3f2b1c9e-0000-4000-8000-000000000000")).toBe("/courses/[courseId]");
    expect(routeOf("/api/v1/attempts/a1/answers/q2")).toBe("/api/v1/attempts/[attemptId]/answers/[questionId]");
  });

  it("prefers a static route over a dynamic one that also matches", () => {
    expect(routeOf("/courses/new")).toBe("/courses/new");
  });

  it("puts every unknown path and every build file under one label", () => {
    expect(routeOf("/wp-login.php")).toBe(unmatchedRoute);
    expect(routeOf("/courses/a/b/c")).toBe(unmatchedRoute);
    expect(routeOf("/_next/static/chunks/abc123.js")).toBe("/_next/static");
    expect(routeOf("/_next/image")).toBe("/_next/image");
  });

  it("works without a manifest (no build): everything is unmatched", () => {
    expect(routeMatcher(null)("/courses/1")).toBe(unmatchedRoute);
  });

  it("drops the query string and fragment of a request target", () => {
    expect(pathOf("/reset-password?token=abc#x")).toBe("/reset-password");
    expect(pathOf("/a#frag")).toBe("/a");
    expect(pathOf("http://evil.example/")).toBe("/");
    expect(pathOf(undefined)).toBe("/");
  });
});
