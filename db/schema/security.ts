import { index, integer, pgTable, timestamp, varchar } from "drizzle-orm/pg-core";

// Every throttle and rate limit (sign-in, enrolment keys, account links, the
// REST API, costly actions) counts in this one table, one row per bucket and
// its current window, through lib/security/rate-counter.ts. A bucket names the
// limit and whom it counts ("sign-in:ip:198.51.100.7", "api:token:<id>").
export const rateCounters = pgTable(
  "rate_counters",
  {
    bucket: varchar({ length: 200 }).primaryKey(),
    count: integer().notNull(),
    windowEndsAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("rate_counters_window_ends_at_idx").on(t.windowEndsAt)],
);
