import path from "node:path";
import type { NextConfig } from "next";

// The yardstick N of the page benchmark (scripts/bench-pages.ts): Next.js itself
// rendering 12 rows from one PostgreSQL query. It builds with the repository's
// node_modules, two levels up, so N runs the very Next.js and postgres the app runs.
// Built with webpack (`next build --webpack`): Turbopack, rooted at the repository
// to reach those node_modules, also compiles the app's own proxy.ts and
// instrumentation.ts into this build, which would no longer be a bare page.
// The benchmark builds and starts it from this folder (cwd bench/reference).
const repositoryRoot = path.resolve(process.cwd(), "../..");

const nextConfig: NextConfig = {
  serverExternalPackages: ["postgres"],
  poweredByHeader: false,
  outputFileTracingRoot: repositoryRoot,
};

export default nextConfig;
