import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { actionBodyLimitBytes } from "@/lib/security/action-body-limit";

// The proxy answers server action posts Next.js would otherwise fail with a bare
// 500: one over the size limit (413) and one that does not say its length (411).
const actionPost = (headers: Record<string, string>) =>
  proxy(new NextRequest("http://localhost/courses", { method: "POST", headers: { "next-action": "7f00aa", ...headers } }));

describe("proxy: server action posts", () => {
  it("answers an oversized action post with 413 and a sentence, with the security headers", async () => {
    const response = actionPost({ "content-length": String(actionBodyLimitBytes + 1) });
    expect(response.status).toBe(413);
    expect(await response.text()).toMatch(/too large/);
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("answers an action post without Content-Length with 411", async () => {
    const response = actionPost({ "transfer-encoding": "chunked" });
    expect(response.status).toBe(411);
    expect(await response.text()).toMatch(/Content-Length/);
  });

  it("lets a measured action post within the limit through", () => {
    const response = actionPost({ "content-length": "120" });
    expect([411, 413]).not.toContain(response.status);
  });
});
