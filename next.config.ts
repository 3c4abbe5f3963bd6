import type { NextConfig } from "next";
import { securityHeaderConfig, staticSecurityHeaders } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // Native and WASM database/crypto packages must load from node_modules at run
  // time, not be bundled (PGlite ships its own WASM and data files).
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres"],
  poweredByHeader: false,
  typedRoutes: false,
  // The build's hashed files never reach proxy.ts, which sets the headers
  // (with a script nonce) on everything else; these get the same set without
  // a nonce. Read when the server starts, so SITE_URL at start decides HSTS.
  async headers() {
    const headers = staticSecurityHeaders(securityHeaderConfig()).map(([key, value]) => ({ key, value }));
    return [
      { source: "/_next/static/:path*", headers },
      { source: "/_next/image", headers },
    ];
  },
};

export default nextConfig;
