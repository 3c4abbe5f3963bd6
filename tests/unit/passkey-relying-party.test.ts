import { describe, expect, it } from "vitest";
import {
  passkeysNeedHostnameMessage,
  passkeysNeedHttpsMessage,
  passkeysNeedSiteUrlMessage,
  relyingPartyFor,
} from "@/lib/auth/passkeys/relying-party";

const host = (value: string | null) => new Headers(value === null ? {} : { host: value });

describe("the passkeys' relying party", () => {
  it("comes from SITE_URL (or AUTH_URL), whatever host the request names", () => {
    expect(relyingPartyFor(host("attacker.example"), { SITE_URL: "https://learn.school.example/", NODE_ENV: "production" })).toEqual({
      ok: true,
      rp: { rpID: "learn.school.example", origin: "https://learn.school.example" },
    });
    expect(relyingPartyFor(host(null), { AUTH_URL: "https://lms.example:8443" })).toEqual({
      ok: true,
      rp: { rpID: "lms.example", origin: "https://lms.example:8443" },
    });
  });

  it("refuses an IP address and plain http outside localhost", () => {
    expect(relyingPartyFor(host(null), { SITE_URL: "http://127.0.0.1:3000" })).toEqual({ ok: false, message: passkeysNeedHostnameMessage });
    expect(relyingPartyFor(host(null), { SITE_URL: "https://[::1]:3000" })).toEqual({ ok: false, message: passkeysNeedHostnameMessage });
    expect(relyingPartyFor(host(null), { SITE_URL: "http://learn.school.example" })).toEqual({ ok: false, message: passkeysNeedHttpsMessage });
    expect(relyingPartyFor(host(null), { SITE_URL: "not a url" })).toEqual({ ok: false, message: passkeysNeedSiteUrlMessage });
  });

  it("falls back to the request's host for localhost, and for any name in development", () => {
    expect(relyingPartyFor(host("localhost:3340"), { NODE_ENV: "production" })).toEqual({
      ok: true,
      rp: { rpID: "localhost", origin: "http://localhost:3340" },
    });
    expect(relyingPartyFor(host("127.0.0.1:3340"), { NODE_ENV: "production" })).toEqual({ ok: false, message: passkeysNeedHostnameMessage });
    expect(relyingPartyFor(host("[::1]:3000"), { NODE_ENV: "development" })).toEqual({ ok: false, message: passkeysNeedHostnameMessage });
    // A production server trusts no Host header but localhost's.
    expect(relyingPartyFor(host("learn.school.example"), { NODE_ENV: "production" })).toEqual({ ok: false, message: passkeysNeedSiteUrlMessage });
    expect(relyingPartyFor(host("bad host/"), { NODE_ENV: "development" })).toEqual({ ok: false, message: passkeysNeedSiteUrlMessage });
    expect(relyingPartyFor(host(null), { NODE_ENV: "development" })).toEqual({ ok: false, message: passkeysNeedSiteUrlMessage });
  });
});
