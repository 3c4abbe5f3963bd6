import type { NextConfig } from "next";
import { actionBodyLimit } from "./lib/security/action-body-limit";

const nextConfig: NextConfig = {
  // Native and WASM database/crypto packages must load from node_modules at run
  // time, not be bundled (PGlite ships its own WASM and data files).
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres"],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // What the largest real form needs (see lib/security/action-body-limit.ts).
    serverActions: { bodySizeLimit: actionBodyLimit },
  },
};

export default nextConfig;
