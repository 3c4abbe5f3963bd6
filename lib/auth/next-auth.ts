import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { db } from "@/db";
import { sessionConfig } from "@/lib/sessions/config";
import { startSession } from "@/lib/sessions/store";
import { authenticate, type SecondFactorMethods } from "./authenticate";
import { clientIpFrom } from "./client-ip";
import { resolveAuthSecret } from "./secret";
import { mfaSignInSchema } from "./mfa/schemas";
import { completeSecondStep } from "./mfa/second-step";
import { authenticateWithPasskey } from "./passkeys/passwordless";
import { relyingPartyFor } from "./passkeys/relying-party";
import { authenticationResponseSchema, parseResponseJson } from "./passkeys/schemas";
import { passkeySecondFactor } from "./passkeys/second-factor";
import { logger } from "@/lib/logging/logger.mjs";
import { signInSchema } from "./schemas";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
    /** The user_sessions row this cookie stands for; every request checks it. */
    sessionId: string;
  }
  interface User {
    sessionVersion?: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    sid?: string;
  }
}

/** Carries why a sign-in failed to the sign-in action; never shown as-is. */
export class SignInRefused extends CredentialsSignin {
  constructor(
    readonly reason: "invalid" | "inactive" | "throttled" | "mfa_expired" | "mfa_invalid",
    readonly retryAfterMs = 0,
  ) {
    super();
    this.code = reason;
  }
}

/**
 * The password was right and the account has a second factor: no session yet.
 * Carries the second step's challenge to the sign-in action, never further.
 */
export class SecondFactorRequired extends CredentialsSignin {
  constructor(
    readonly challenge: string,
    readonly methods: SecondFactorMethods,
  ) {
    super();
    this.code = "mfa_required";
  }
}

function relyingPartyOrNull(requestHeaders: Headers) {
  const found = relyingPartyFor(requestHeaders);
  return found.ok ? found.rp : null;
}

// Configured lazily: the secret is read when the first request arrives, so
// `next build` needs neither the secret nor the database.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  trustHost: true,
  secret: resolveAuthSecret(),
  // The cookie lives as long as a session may (SESSION_MAX_AGE); whether the
  // session still counts is decided by its user_sessions row on every request.
  session: { strategy: "jwt", maxAge: Math.floor(sessionConfig().maxAgeMs / 1000) },
  pages: { signIn: "/sign-in" },
  logger: {
    // A refused sign-in is expected and already in the audit log; logging it
    // as an error with a stack would bury real errors.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      logger().error({ err: error }, "auth: error");
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) throw new SignInRefused("invalid");
        const result = await authenticate(db, {
          email: parsed.data.email,
          password: parsed.data.password,
          ip: clientIpFrom(request.headers),
        });
        if (!result.ok && result.reason === "mfa_required") throw new SecondFactorRequired(result.challenge, result.methods);
        if (!result.ok) throw new SignInRefused(result.reason, result.reason === "throttled" ? result.retryAfterMs : 0);
        return { id: result.user.id, email: result.user.email, sessionVersion: result.user.sessionVersion };
      },
    }),
    // The second sign-in step: the first step's challenge plus an authenticator
    // code, a recovery code or a passkey. A session exists only once this succeeds.
    Credentials({
      id: "mfa",
      credentials: { challenge: {}, method: {}, code: {} },
      async authorize(credentials, request) {
        const parsed = mfaSignInSchema.safeParse(credentials);
        if (!parsed.success) throw new SignInRefused("mfa_invalid");
        const { challenge, method, code } = parsed.data;
        const ip = clientIpFrom(request.headers);
        const factor =
          method === "passkey"
            ? passkeySecondFactor({ responseJson: code, rp: relyingPartyOrNull(request.headers), ip })
            : { method, code };
        const result = await completeSecondStep(db, { token: challenge, factor, ip });
        if (!result.ok && result.reason === "throttled") throw new SignInRefused("throttled", result.retryAfterMs);
        if (!result.ok) throw new SignInRefused(result.reason === "expired" ? "mfa_expired" : "mfa_invalid");
        return { id: result.user.id, email: result.user.email, sessionVersion: result.user.sessionVersion };
      },
    }),
    // Passwordless sign-in with a passkey (a discoverable credential, user
    // verification required): our own provider, held to the password rules.
    Credentials({
      id: "passkey",
      credentials: { response: {} },
      async authorize(credentials, request) {
        const response = parseResponseJson(authenticationResponseSchema, credentials?.response);
        const rp = relyingPartyOrNull(request.headers);
        if (!response || !rp) throw new SignInRefused("invalid");
        const result = await authenticateWithPasskey(db, { response, rp, ip: clientIpFrom(request.headers) });
        if (!result.ok) throw new SignInRefused(result.reason, result.reason === "throttled" ? result.retryAfterMs : 0);
        return { id: result.user.id, email: result.user.email, sessionVersion: result.user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      // At sign-in the session gets its server-side row; the token then holds
      // only that row's id (and the user id for /api/auth/session). Role,
      // active flag and whether the session still counts are read from the
      // database on every request, so changes and sign-outs apply at once.
      if (user?.id) {
        const request = await headers();
        token.uid = user.id;
        token.sid = await startSession(db, {
          userId: user.id,
          ip: clientIpFrom(request),
          userAgent: request.get("user-agent"),
        });
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.uid ?? "";
      session.sessionId = token.sid ?? "";
      return session;
    },
  },
}));
