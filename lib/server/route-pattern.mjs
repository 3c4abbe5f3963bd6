// Which route a request path belongs to, as Next names it (/courses/[courseId]),
// for metric labels and log lines: a raw path would put ids and tokens in
// both, and give Prometheus a new series for every id.
import fs from "node:fs";
import path from "node:path";

/** Paths no route of the build matches (404s, scanners): one label for all of them. */
export const unmatchedRoute = "(unmatched)";

/**
 * A matcher from a build's routes manifest (.next/routes-manifest.json):
 * Next's own regular expressions, static routes first, then the dynamic ones
 * in the manifest's order (most specific first, as Next matches them).
 */
export function routeMatcher(manifest) {
  const compile = (routes) =>
    (routes ?? []).flatMap((route) => {
      try {
        return [{ page: route.page, regex: new RegExp(route.regex) }];
      } catch {
        return [];
      }
    });
  const routes = [...compile(manifest?.staticRoutes), ...compile(manifest?.dynamicRoutes)];
  return function routeOf(pathname) {
    if (pathname.startsWith("/_next/static/")) return "/_next/static";
    if (pathname === "/_next/image") return "/_next/image";
    for (const route of routes) if (route.regex.test(pathname)) return route.page;
    return unmatchedRoute;
  };
}

/** The matcher for the build in `distDir`; without a manifest every path is unmatched. */
export function loadRouteMatcher(distDir) {
  try {
    return routeMatcher(JSON.parse(fs.readFileSync(path.join(distDir, "routes-manifest.json"), "utf8")));
  } catch {
    return routeMatcher(null);
  }
}

/** The path of a request target, without its query string (which can carry tokens). */
export function pathOf(url) {
  const raw = typeof url === "string" && url.startsWith("/") ? url : "/";
  const end = raw.search(/[?#]/);
  return end === -1 ? raw : raw.slice(0, end);
}
