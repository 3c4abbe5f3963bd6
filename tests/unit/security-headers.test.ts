import { describe, expect, it } from "vitest";
import { toVideoEmbed, videoEmbedOrigins } from "@/lib/content/video-embed";
import {
  contentSecurityPolicy,
  createNonce,
  hstsValue,
  permissionsPolicy,
  securityHeaderConfig,
  securityHeaders,
  staticSecurityHeaders,
} from "@/lib/security/headers";

const nonce = "c2VjdXJpdHktdGVzdC1ub25jZQ==";
const http = securityHeaderConfig({ SITE_URL: "http://localhost:3000" });
const https = securityHeaderConfig({ SITE_URL: "https://learn.school.example" });

/** The policy as a map of directive to its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

const header = (headers: [string, string][], name: string) => headers.find(([key]) => key === name)?.[1];

describe("contentSecurityPolicy", () => {
  const policy = directives(contentSecurityPolicy(http, nonce));

  it("lets scripts run only with this response's nonce, never inline or eval in production", () => {
    const scripts = policy.get("script-src")!;
    expect(scripts).toContain(`'nonce-${nonce}'`);
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
  });

  it("allows eval only under next dev, which React's debugging needs", () => {
    const development = securityHeaderConfig({ NODE_ENV: "development" });
    expect(directives(contentSecurityPolicy(development, nonce)).get("script-src")).toContain("'unsafe-eval'");
  });

  it("refuses framing, plugins, foreign base URLs and foreign form targets", () => {
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
  });

  it("frames exactly the video players lessons embed, from the embed module's own list", () => {
    expect(policy.get("frame-src")).toEqual([...videoEmbedOrigins]);
    for (const link of ["https://youtu.be/dQw4w9WgXcQ", "https://vimeo.com/76979871"]) {
      expect(videoEmbedOrigins).toContain(new URL(toVideoEmbed(link)!.embedUrl).origin);
    }
  });

  it("keeps images and media on the site unless files live in S3, then adds that bucket's host", () => {
    expect(policy.get("img-src")).toEqual(["'self'", "data:"]);
    expect(policy.get("media-src")).toEqual(["'self'"]);
    const s3 = securityHeaderConfig({ STORAGE_BACKEND: "s3", S3_BUCKET: "course-files", S3_REGION: "eu-west-1" });
    const withS3 = directives(contentSecurityPolicy(s3, nonce));
    expect(withS3.get("img-src")).toContain("https://course-files.s3.eu-west-1.amazonaws.com");
    expect(withS3.get("media-src")).toContain("https://course-files.s3.eu-west-1.amazonaws.com");
  });

  it("sends reports to the report endpoint both ways browsers know", () => {
    expect(policy.get("report-uri")).toEqual(["/api/csp-report"]);
    expect(policy.get("report-to")).toEqual(["csp"]);
    expect(header(securityHeaders(http, nonce), "Reporting-Endpoints")).toBe('csp="/api/csp-report"');
  });

  it("upgrades stray http subresources only on an https site", () => {
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
    expect(directives(contentSecurityPolicy(https, nonce)).has("upgrade-insecure-requests")).toBe(true);
  });

  it("refuses a nonce that could smuggle directives into the header", () => {
    expect(() => contentSecurityPolicy(http, "abc'; script-src *")).toThrow();
    expect(() => contentSecurityPolicy(http, "")).toThrow();
  });
});

describe("createNonce", () => {
  it("is fresh every time and fits the policy", () => {
    const first = createNonce();
    expect(first).not.toBe(createNonce());
    expect(() => contentSecurityPolicy(http, first)).not.toThrow();
  });
});

describe("securityHeaders", () => {
  it("sends nosniff, the referrer policy, a framing ban and the permissions policy", () => {
    const headers = securityHeaders(http, nonce);
    expect(header(headers, "X-Content-Type-Options")).toBe("nosniff");
    expect(header(headers, "Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(header(headers, "X-Frame-Options")).toBe("DENY");
    expect(header(headers, "Permissions-Policy")).toBe(permissionsPolicy(http));
  });

  it("sends HSTS only when SITE_URL is https", () => {
    expect(header(securityHeaders(http, nonce), "Strict-Transport-Security")).toBeUndefined();
    expect(header(securityHeaders(https, nonce), "Strict-Transport-Security")).toBe(hstsValue);
    expect(hstsValue).toBe("max-age=63072000; includeSubDomains");
    expect(header(securityHeaders(securityHeaderConfig({ AUTH_URL: "https://a.example" }), nonce), "Strict-Transport-Security")).toBe(hstsValue);
    expect(header(securityHeaders(securityHeaderConfig({}), nonce), "Strict-Transport-Security")).toBeUndefined();
  });

  it("gives static files the same set with a script-free policy", () => {
    const headers = staticSecurityHeaders(https);
    const policy = directives(header(headers, "Content-Security-Policy")!);
    expect(policy.get("default-src")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.has("script-src")).toBe(false);
    expect(header(headers, "X-Content-Type-Options")).toBe("nosniff");
    expect(header(headers, "Strict-Transport-Security")).toBe(hstsValue);
  });
});

describe("permissionsPolicy", () => {
  const features = new Map(
    permissionsPolicy(http)
      .split(", ")
      .map((entry) => entry.split("=") as [string, string]),
  );

  it("denies powerful features the site never uses", () => {
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb", "autoplay"]) {
      expect(features.get(feature)).toBe("()");
    }
  });

  it("lets the site's own pages (and no frame) make and use passkeys", () => {
    expect(features.get("publickey-credentials-create")).toBe("(self)");
    expect(features.get("publickey-credentials-get")).toBe("(self)");
  });

  it("leaves the video players what their iframe asks for, and nobody else", () => {
    const players = videoEmbedOrigins.map((origin) => `"${origin}"`).join(" ");
    expect(features.get("fullscreen")).toBe(`(self ${players})`);
    expect(features.get("picture-in-picture")).toBe(`(self ${players})`);
    expect(features.get("encrypted-media")).toBe(`(${players})`);
    expect(features.get("accelerometer")).toBe(`(${players})`);
  });
});
