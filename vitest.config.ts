import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      "server-only": path.join(root, "tests/support/server-only.ts"),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup.ts"],
          // A safety net, not a speed check: tests that build classes of thousands
          // share two cores with the other worker, so a loaded machine needs room.
          testTimeout: 90_000,
          hookTimeout: 120_000,
          // Each file owns a whole database; two workers suit a 2-core machine.
          maxWorkers: 2,
        },
      },
    ],
  },
});
