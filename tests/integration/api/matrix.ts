// The permission matrix of /api/v1: for every endpoint, what each role gets on
// its own resource and on someone else's. Not a test file: each group of
// endpoints lists its cases in ./cases, and api-matrix.test.ts runs them all.
import type { ApiAnswer, ApiCall } from "./call-api";
import type { ApiWorld, Role } from "./world";

/** "locked": the role's own course, but an item not released to its students yet (release conditions). */
export type Ownership = "own" | "other" | "any" | "locked";

export interface MatrixCase {
  /** "METHOD /api/v1/template", as the contract and the route file name it. */
  endpoint: string;
  role: Role;
  ownership: Ownership;
  /** Builds the request (and any records it needs) for this role; the token is added from the role. */
  request: (world: ApiWorld, role: Role) => Omit<ApiCall, "token"> | Promise<Omit<ApiCall, "token">>;
  status: number;
  /** Further checks of the answer, such as no other student's rows in a list. */
  check?: (answer: ApiAnswer, world: ApiWorld, role: Role) => void | Promise<void>;
}

type Expectation = number | { status: number; check?: MatrixCase["check"] };

export interface EndpointCases {
  endpoint: string;
  /** One request builder per ownership it is tested with ("any" for lists and things nobody owns). */
  requests: Partial<Record<Ownership, MatrixCase["request"]>>;
  /** Expected status per role and ownership; every role must appear for every ownership given. */
  expect: Record<Role, Partial<Record<Ownership, Expectation>>>;
}

/** Expands one endpoint's table into cases: role × ownership. */
export function endpointCases({ endpoint, requests, expect }: EndpointCases): MatrixCase[] {
  const cases: MatrixCase[] = [];
  for (const role of ["anonymous", "student", "teacher", "admin"] as const) {
    for (const [ownership, request] of Object.entries(requests) as [Ownership, MatrixCase["request"]][]) {
      const expected = expect[role][ownership];
      if (expected === undefined) throw new Error(`${endpoint}: no expectation for ${role} on ${ownership}`);
      const { status, check } = typeof expected === "number" ? { status: expected, check: undefined } : expected;
      cases.push({ endpoint, role, ownership, request, status, check });
    }
  }
  return cases;
}
