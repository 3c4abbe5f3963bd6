import { eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, domainEvents, type DomainEventRow } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { processPendingEvents, type EventHandlers } from "@/lib/events/process-events";
import { publish } from "@/lib/events/publish";
import { createUser, testDb } from "./helpers";

async function eventsFor(aggregateId: string) {
  return testDb().select().from(domainEvents).where(eq(domainEvents.aggregateId, aggregateId)).orderBy(domainEvents.id);
}

async function drainPending() {
  // Each test starts with nothing pending, so counts below are exact.
  await testDb().update(domainEvents).set({ processedAt: new Date() }).where(isNull(domainEvents.processedAt));
}

describe("publish (transactional outbox)", () => {
  it("stores the event with the change when the transaction commits", async () => {
    const user = await createUser();
    await testDb().transaction(async (tx) => {
      await publish(tx, { type: "user.deactivated", aggregateId: user.id, payload: { userId: user.id } }, user.id);
    });
    const rows = await eventsFor(user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      type: "user.deactivated",
      aggregateType: "user",
      aggregateId: user.id,
      actorId: user.id,
      payload: { userId: user.id },
      processedAt: null,
      attempts: 0,
      lastError: null,
    });
  });

  it("leaves no event when the transaction rolls back", async () => {
    const user = await createUser();
    await expect(
      testDb().transaction(async (tx) => {
        await publish(tx, { type: "user.reactivated", aggregateId: user.id, payload: { userId: user.id } });
        await recordAudit(tx, { actorId: user.id, action: "test.rolled_back", entityType: "user", entityId: user.id });
        // Seen inside the transaction...
        expect(await tx.select().from(domainEvents).where(eq(domainEvents.aggregateId, user.id))).toHaveLength(1);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    // ...and gone with it.
    expect(await eventsFor(user.id)).toEqual([]);
    expect(await testDb().select().from(auditLog).where(eq(auditLog.entityId, user.id))).toEqual([]);
  });
});

describe("processPendingEvents", () => {
  it("hands each pending event to its handlers once, oldest first, and marks it processed", async () => {
    await drainPending();
    const a = await createUser();
    const b = await createUser();
    await testDb().transaction(async (tx) => {
      await publish(tx, { type: "user.role_changed", aggregateId: a.id, payload: { userId: a.id, from: "student", to: "teacher" } });
      await publish(tx, { type: "user.deactivated", aggregateId: b.id, payload: { userId: b.id } });
      await publish(tx, { type: "user.role_changed", aggregateId: b.id, payload: { userId: b.id, from: "student", to: "admin" } });
    });

    const seen: string[] = [];
    const alsoSeen: string[] = [];
    const handlers: EventHandlers = {
      "user.role_changed": [
        async (event) => void seen.push(`${event.type}:${event.aggregateId}`),
        async (event) => void alsoSeen.push(event.aggregateId),
      ],
      "user.deactivated": [async (event) => void seen.push(`${event.type}:${event.aggregateId}`)],
    };

    expect(await processPendingEvents(testDb(), handlers)).toBe(3);
    expect(seen).toEqual([`user.role_changed:${a.id}`, `user.deactivated:${b.id}`, `user.role_changed:${b.id}`]);
    expect(alsoSeen).toEqual([a.id, b.id]);

    for (const row of [...(await eventsFor(a.id)), ...(await eventsFor(b.id))]) {
      expect(row.processedAt).toBeInstanceOf(Date);
      expect(row.attempts).toBe(1);
      expect(row.lastError).toBeNull();
    }

    // A second run finds nothing to do and calls no handler again.
    expect(await processPendingEvents(testDb(), handlers)).toBe(0);
    expect(seen).toHaveLength(3);
  });

  it("marks an event without handlers as processed", async () => {
    await drainPending();
    const user = await createUser();
    await publish(testDb(), { type: "user.reactivated", aggregateId: user.id, payload: { userId: user.id } });
    expect(await processPendingEvents(testDb(), {})).toBe(1);
    expect((await eventsFor(user.id))[0]!.processedAt).not.toBeNull();
  });

  it("records a failing handler's error and attempts, keeps the event pending, and rolls back its writes", async () => {
    await drainPending();
    const failing = await createUser();
    const fine = await createUser();
    await publish(testDb(), { type: "user.deactivated", aggregateId: failing.id, payload: { userId: failing.id } });
    await publish(testDb(), { type: "user.reactivated", aggregateId: fine.id, payload: { userId: fine.id } });

    let calls = 0;
    const handlers: EventHandlers = {
      "user.deactivated": [
        async (event: DomainEventRow, tx) => {
          calls++;
          // A write made before the failure must not survive it.
          await recordAudit(tx, { actorId: null, action: "handler.partial", entityType: "user", entityId: event.aggregateId });
          throw new Error(`mailer unavailable (call ${calls})`);
        },
      ],
      "user.reactivated": [async (event, tx) => {
        await recordAudit(tx, { actorId: null, action: "handler.done", entityType: "user", entityId: event.aggregateId });
      }],
    };

    // The failing event does not stop the others.
    expect(await processPendingEvents(testDb(), handlers)).toBe(1);
    const [afterFirst] = await eventsFor(failing.id);
    expect(afterFirst).toMatchObject({ processedAt: null, attempts: 1 });
    expect(afterFirst!.lastError).toContain("mailer unavailable (call 1)");
    expect((await eventsFor(fine.id))[0]!.processedAt).not.toBeNull();

    const audits = await testDb().select().from(auditLog).where(eq(auditLog.action, "handler.partial"));
    expect(audits).toEqual([]);
    expect(await testDb().select().from(auditLog).where(eq(auditLog.action, "handler.done"))).toHaveLength(1);

    // Retried on the next run, still failing: attempts count up, the last error is kept.
    expect(await processPendingEvents(testDb(), handlers)).toBe(0);
    const [afterSecond] = await eventsFor(failing.id);
    expect(afterSecond).toMatchObject({ processedAt: null, attempts: 2 });
    expect(afterSecond!.lastError).toContain("call 2");

    // Once the handler recovers the event is processed and the error cleared.
    handlers["user.deactivated"] = [async () => {}];
    expect(await processPendingEvents(testDb(), handlers)).toBe(1);
    const [recovered] = await eventsFor(failing.id);
    expect(recovered).toMatchObject({ attempts: 3, lastError: null });
    expect(recovered!.processedAt).toBeInstanceOf(Date);
  });

  it("gives up on an event after five failed attempts", async () => {
    await drainPending();
    const user = await createUser();
    await publish(testDb(), { type: "user.deactivated", aggregateId: user.id, payload: { userId: user.id } });
    let calls = 0;
    const handlers: EventHandlers = {
      "user.deactivated": [
        async () => {
          calls++;
          throw new Error("always failing");
        },
      ],
    };
    for (let run = 0; run < 7; run++) await processPendingEvents(testDb(), handlers);
    expect(calls).toBe(5);
    expect((await eventsFor(user.id))[0]).toMatchObject({ attempts: 5, processedAt: null });
  });

  it("a handler's database error is recorded without breaking the batch", async () => {
    await drainPending();
    const user = await createUser();
    const other = await createUser();
    await publish(testDb(), { type: "user.deactivated", aggregateId: user.id, payload: { userId: user.id } });
    await publish(testDb(), { type: "user.reactivated", aggregateId: other.id, payload: { userId: other.id } });
    const handlers: EventHandlers = {
      // Violates the NOT NULL on audit_log.action: the database aborts the statement.
      "user.deactivated": [async (_event, tx) => void (await tx.insert(auditLog).values({ action: null as unknown as string, entityType: "user" }))],
      "user.reactivated": [async () => {}],
    };
    expect(await processPendingEvents(testDb(), handlers)).toBe(1);
    const [failed] = await eventsFor(user.id);
    expect(failed).toMatchObject({ processedAt: null, attempts: 1 });
    expect(failed!.lastError).toBeTruthy();
    expect((await eventsFor(other.id))[0]!.processedAt).not.toBeNull();
  });

  it("works through more events than one batch", async () => {
    await drainPending();
    const user = await createUser();
    for (let i = 0; i < 7; i++) {
      await publish(testDb(), { type: "user.reactivated", aggregateId: user.id, payload: { userId: user.id } });
    }
    let calls = 0;
    expect(await processPendingEvents(testDb(), { "user.reactivated": [async () => void calls++] }, 3)).toBe(7);
    expect(calls).toBe(7);
    expect((await eventsFor(user.id)).every((row) => row.processedAt !== null)).toBe(true);
  });

  it("two workers running at once handle every event exactly once", async () => {
    await drainPending();
    const user = await createUser();
    for (let i = 0; i < 12; i++) {
      await publish(testDb(), { type: "user.reactivated", aggregateId: user.id, payload: { userId: user.id } });
    }
    const handled = new Map<number, number>();
    const handlers: EventHandlers = {
      "user.reactivated": [
        async (event) => {
          handled.set(event.id, (handled.get(event.id) ?? 0) + 1);
          await new Promise((resolve) => setTimeout(resolve, 5));
        },
      ],
    };
    const [first, second] = await Promise.all([
      processPendingEvents(testDb(), handlers, 4),
      processPendingEvents(testDb(), handlers, 4),
    ]);
    expect(first + second).toBe(12);
    expect(handled.size).toBe(12);
    expect([...handled.values()].every((times) => times === 1)).toBe(true);
  });
});
