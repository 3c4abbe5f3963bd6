// The one place the security headers are defined. proxy.ts sets them, with a
// fresh script nonce, on every request it sees; next.config.ts sets the static
// variant on the build's own files, which the proxy skips. Relative imports
// because next.config.ts loads this file outside the app's path aliases.
import { videoEmbedOrigins } from "../content/video-embed";
import { siteUrl } from "../site/config";
import { s3PublicOrigin } from "../storage/s3-origin";

type Environment = Readonly<Record<string, string | undefined>>;

export const cspReportPath = "/api/csp-report";
/** The Reporting-Endpoints name the policy's report-to refers to. */
export const cspReportGroup = "csp";

export interface SecurityHeaderConfig {
  /** SITE_URL is https: send HSTS and upgrade stray http subresources. */
  https: boolean;
  /** The S3 bucket's origin when files are kept there. */
  storageOrigin: string | null;
  /** The video players lessons embed. */
  frameOrigins: readonly string[];
  /** `next dev`: React needs eval for its debugging stacks. */
  development: boolean;
}

export function securityHeaderConfig(env: Environment = process.env): SecurityHeaderConfig {
  return {
    https: siteUrl(env).toLowerCase().startsWith("https://"),
    storageOrigin: s3PublicOrigin(env),
    frameOrigins: videoEmbedOrigins,
    development: env.NODE_ENV === "development",
  };
}

/** 128 random bits, base64: unguessable and fresh for every response. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

const nonceShape = /^[A-Za-z0-9+/]{16,}={0,2}$/;

function serialize(directives: Record<string, readonly string[]>): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(" "))
    .join("; ");
}

/**
 * The page policy. Scripts run only with the nonce (Next.js puts it on its
 * own scripts) or when loaded by such a script ('strict-dynamic'); there is no
 * 'unsafe-inline' for scripts. Styles allow inline because React style props,
 * recharts and dnd-kit set them; a style cannot run code.
 */
export function contentSecurityPolicy(config: SecurityHeaderConfig, nonce: string): string {
  // The nonce ends up inside a header: anything but base64 would let a caller
  // smuggle in directives.
  if (!nonceShape.test(nonce)) throw new Error("A CSP nonce must be base64 of at least 12 bytes.");
  const storage = config.storageOrigin ? [config.storageOrigin] : [];
  const directives: Record<string, readonly string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(config.development ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", ...storage],
    "media-src": ["'self'", ...storage],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": [...config.frameOrigins],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    ...(config.https ? { "upgrade-insecure-requests": [] } : {}),
    "report-uri": [cspReportPath],
    "report-to": [cspReportGroup],
  };
  return serialize(directives);
}

/**
 * For the build's script, style and font files: they are never documents
 * with content of their own, so the policy allows nothing beyond what such a
 * file could need if opened directly.
 */
export function staticContentSecurityPolicy(): string {
  return serialize({
    "default-src": ["'none'"],
    "img-src": ["'self'", "data:"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "font-src": ["'self'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
    "frame-ancestors": ["'none'"],
  });
}

// Powerful features the site never uses are refused for the page and every
// frame. The ones the video players ask for (their iframe's `allow`) stay
// open to those players only.
const deniedFeatures = [
  "autoplay",
  "browsing-topics",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "hid",
  "idle-detection",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking",
];
const playerFeatures = ["accelerometer", "encrypted-media"];
// Passkeys: the site's own pages make and use them, no frame ever does.
const ownPagesOnly = ["publickey-credentials-create", "publickey-credentials-get"];
const sharedWithPlayers = ["fullscreen", "picture-in-picture"];

export function permissionsPolicy(config: SecurityHeaderConfig): string {
  const players = config.frameOrigins.map((origin) => `"${origin}"`).join(" ");
  return [
    ...deniedFeatures.map((feature) => `${feature}=()`),
    ...ownPagesOnly.map((feature) => `${feature}=(self)`),
    ...playerFeatures.map((feature) => `${feature}=(${players})`),
    ...sharedWithPlayers.map((feature) => `${feature}=(self ${players})`),
  ].join(", ");
}

export const hstsValue = "max-age=63072000; includeSubDomains";

function commonHeaders(config: SecurityHeaderConfig): [string, string][] {
  return [
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["Permissions-Policy", permissionsPolicy(config)],
    // For browsers that predate frame-ancestors.
    ["X-Frame-Options", "DENY"],
    ...(config.https ? ([["Strict-Transport-Security", hstsValue]] as [string, string][]) : []),
  ];
}

/** Every header a response from the app carries, with this response's nonce. */
export function securityHeaders(config: SecurityHeaderConfig, nonce: string): [string, string][] {
  return [
    ["Content-Security-Policy", contentSecurityPolicy(config, nonce)],
    ["Reporting-Endpoints", `${cspReportGroup}="${cspReportPath}"`],
    ...commonHeaders(config),
  ];
}

/** The same set for the build's static files, which need no nonce. */
export function staticSecurityHeaders(config: SecurityHeaderConfig): [string, string][] {
  return [["Content-Security-Policy", staticContentSecurityPolicy()], ...commonHeaders(config)];
}
