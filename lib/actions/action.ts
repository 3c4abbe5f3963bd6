import "server-only";
import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { db, type DbOrTx } from "@/db";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { mustEnrolMfaNow } from "@/lib/auth/mfa/gate";
import { mfaSetupRequiredMessage } from "@/lib/auth/mfa/requirement";
import { countCostlyUse, type CostlyLimit } from "@/lib/security/costly-limits";
import { logger } from "@/lib/logging/logger.mjs";
import { ActionFailure, invalidInputMessage, KeptRefusal, type ActionResult, type FieldErrors } from "./result";

interface ActionConfig<S extends z.ZodType, T, U extends CurrentUser | null> {
  /** Names the action in logs. */
  name: string;
  /** The same schema the form uses. */
  schema: S;
  /** Decided from the user as stored in the database, through the policy module. */
  authorize: (user: U, input: z.output<S>, tx: DbOrTx) => boolean | Promise<boolean>;
  /** Runs in one transaction: every write commits together or none does. */
  run: (input: z.output<S>, context: { user: U; tx: DbOrTx }) => Promise<T | KeptRefusal>;
  /**
   * False only for work that opens its own transactions (sign-in): the embedded
   * database has one connection, so `db` used inside an open transaction waits forever.
   */
  transaction?: boolean;
  /**
   * True only for the actions that set up MFA: while the site requires MFA of
   * staff, a teacher or admin without it may use nothing else.
   */
  allowedBeforeMfaSetup?: boolean;
  /** Runs after the commit; may redirect (sign-in, navigation). */
  after?: (data: T, input: z.output<S>, user: U) => Promise<void>;
  /** For costly work: counted per signed-in user before anything else, refused over the limit. */
  rateLimit?: CostlyLimit;
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

/**
 * The one road every mutation takes: parse, load the user, authorize, run in a
 * transaction, answer with a typed result. Unexpected errors are logged with
 * an id; the browser sees only the id, never database text.
 */
export async function executeAction<S extends z.ZodType, T, U extends CurrentUser | null>(
  config: ActionConfig<S, T, U>,
  rawInput: unknown,
  user: U,
): Promise<ActionResult<T>> {
  if (config.rateLimit && user) {
    // Counted outside the transaction, so a refused or failed call still counts.
    const verdict = await countCostlyUse(db, config.rateLimit, user.id);
    if (!verdict.allowed) return { ok: false, error: verdict.message, fieldErrors: {} };
  }
  const parsed = config.schema.safeParse(rawInput);
  if (!parsed.success) return { ok: false, error: invalidInputMessage, fieldErrors: fieldErrorsOf(parsed.error) };
  const input = parsed.data as z.output<S>;
  let data: T | KeptRefusal;
  try {
    const work = async (tx: DbOrTx) => {
      if (!(await config.authorize(user, input, tx))) {
        throw user
          ? new ActionFailure("You are not allowed to do that.", {}, "forbidden")
          : new ActionFailure("Sign in to continue.", {}, "unauthenticated");
      }
      return config.run(input, { user, tx });
    };
    data = config.transaction === false ? await work(db) : await db.transaction(work);
  } catch (error) {
    if (error instanceof ActionFailure) return { ok: false, error: error.userMessage, fieldErrors: error.fieldErrors };
    unstable_rethrow(error);
    const errorId = randomUUID().slice(0, 8);
    logger().error({ action: config.name, errorId, err: error }, "action: unexpected error");
    return { ok: false, error: `Something went wrong on our side (reference ${errorId}). Please try again.`, fieldErrors: {} };
  }
  if (data instanceof KeptRefusal) return { ok: false, error: data.userMessage, fieldErrors: data.fieldErrors };
  if (config.after) await config.after(data, input, user);
  return { ok: true, data };
}

/** An action for signed-in users. */
export function userAction<S extends z.ZodType, T>(config: ActionConfig<S, T, CurrentUser>) {
  return async (input: z.input<S>): Promise<ActionResult<T>> => {
    const user = await getCurrentUser();
    if (!user) return { ok: false, error: "Your session has ended. Sign in again.", fieldErrors: {} };
    if (!config.allowedBeforeMfaSetup && (await mustEnrolMfaNow(user))) {
      return { ok: false, error: mfaSetupRequiredMessage, fieldErrors: {} };
    }
    return executeAction(config, input, user);
  };
}

/** An action open to guests too (registration, sign-in); rate limits count users, so they are for userAction only. */
export function publicAction<S extends z.ZodType, T>(config: ActionConfig<S, T, CurrentUser | null> & { rateLimit?: never }) {
  return async (input: z.input<S>): Promise<ActionResult<T>> => executeAction(config, input, await getCurrentUser());
}
