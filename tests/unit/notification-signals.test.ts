import { describe, expect, it } from "vitest";
import { mergeSignals } from "@/lib/notifications/realtime/hub";
import { decodeSignal, encodeSignal } from "@/lib/notifications/realtime/signal";
import { safeNotificationLink } from "@/lib/notifications/schemas";
import { noteDeliveries } from "@/lib/worker/notification-events-job";
import { inProcessWorkerEnabled } from "@/lib/worker/in-process";
import type { DomainEventRow } from "@/db/schema";

const userA = "0b7c2c4e-1d2a-4f3b-9a1e-2c3d4e5f6a7b";
const userB = "1c8d3d5f-2e3b-4a4c-8b2f-3d4e5f6a7b8c";

describe("notification signals", () => {
  it("round-trip users and events, and read anything else as 'anyone may have changed'", () => {
    expect(decodeSignal(encodeSignal({ users: [userA] }))).toEqual({ users: [userA] });
    expect(decodeSignal(encodeSignal({ events: [1, 2] }))).toEqual({ events: [1, 2] });
    expect(decodeSignal("")).toEqual({ all: true });
    expect(decodeSignal("not json")).toEqual({ all: true });
    expect(decodeSignal(JSON.stringify({ users: ["'; DROP TABLE users"] }))).toEqual({ all: true });
    expect(decodeSignal(JSON.stringify({ events: ["1"] }))).toEqual({ all: true });
  });

  it("stays under PostgreSQL's NOTIFY limit by falling back to 'all'", () => {
    const many = Array.from({ length: 2000 }, (_, i) => i + 1_000_000);
    const payload = encodeSignal({ events: many });
    expect(payload).toBe(JSON.stringify({ all: true }));
    expect(Buffer.byteLength(encodeSignal({ events: [1, 2, 3] }))).toBeLessThan(8000);
  });

  it("merges a burst into one signal", () => {
    expect(mergeSignals([])).toBeNull();
    expect(mergeSignals([{ users: [userA] }, { users: [userA, userB] }])).toEqual({ users: [userA, userB] });
    expect(mergeSignals([{ events: [1] }, { events: [2, 1] }])).toEqual({ events: [1, 2] });
    expect(mergeSignals([{ events: [1] }, { users: [userA] }])).toEqual({ all: true });
    expect(mergeSignals([{ users: [userA] }, { all: true }])).toEqual({ all: true });
  });
});

describe("notification links and pages", () => {
  it("only ever leads inside the site", () => {
    expect(safeNotificationLink("/learn/physics/quiz/1")).toBe("/learn/physics/quiz/1");
    expect(safeNotificationLink("https://evil.example")).toBe("/notifications");
    expect(safeNotificationLink("//evil.example")).toBe("/notifications");
    expect(safeNotificationLink("/\\evil.example")).toBe("/notifications");
    expect(safeNotificationLink(null)).toBe("/notifications");
  });
});

describe("the worker's wiring", () => {
  it("runs in the web server unless WORKER=off on PostgreSQL", () => {
    const pg = { DATABASE_URL: "postgres://postgres@127.0.0.1:5432/jeevi" };
    expect(inProcessWorkerEnabled(pg)).toBe(true);
    expect(inProcessWorkerEnabled({ ...pg, WORKER: "on" })).toBe(true);
    expect(inProcessWorkerEnabled({ ...pg, WORKER: "off" })).toBe(false);
    expect(inProcessWorkerEnabled({ ...pg, WORKER: " OFF " })).toBe(false);
    expect(inProcessWorkerEnabled({ ...pg, WORKER: "false" })).toBe(false);
  });

  it("stays in the web server on the embedded database, which no second process may open", () => {
    expect(inProcessWorkerEnabled({})).toBe(true);
    expect(inProcessWorkerEnabled({ WORKER: "off" })).toBe(true);
    expect(inProcessWorkerEnabled({ DATABASE_URL: " ", WORKER: "off" })).toBe(true);
  });

  it("notes the events whose handlers all succeeded", async () => {
    const delivered = new Set<number>();
    const handlers = noteDeliveries(
      {
        "lesson.published": [async () => {}],
        "grade.released": [
          async () => {
            throw new Error("no");
          },
        ],
      },
      delivered,
    );
    const event = (id: number) => ({ id }) as DomainEventRow;
    const tx = {} as never;
    await handlers["lesson.published"]![0]!(event(7), tx);
    await expect(handlers["grade.released"]![0]!(event(8), tx)).rejects.toThrow("no");
    expect([...delivered]).toEqual([7]);
  });
});
