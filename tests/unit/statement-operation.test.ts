import { describe, expect, it } from "vitest";
import { statementOperation } from "@/db/statement-timing";

describe("statement labels", () => {
  it("names a statement by its first keyword, from a short fixed list", () => {
    expect(statementOperation('select "id" from "users"')).toBe("select");
    expect(statementOperation("  INSERT INTO x VALUES (1)")).toBe("insert");
    expect(statementOperation("with recent as (select 1) update t set a = 1")).toBe("update");
    expect(statementOperation("savepoint sp1")).toBe("savepoint");
    expect(statementOperation("vacuum")).toBe("other");
    expect(statementOperation("")).toBe("other");
  });
});
