import { describe, expect, it } from "vitest";
import { describeTimeLeft, uploadProgress } from "@/lib/uploads/progress";

const MB = 1024 * 1024;

describe("uploadProgress", () => {
  it("says how much has gone of how much, in whole percents, 100 only when every byte is sent", () => {
    expect(uploadProgress(0, 80 * MB, 0)).toEqual({ percent: 0, sent: "0 B of 80.0 MB", timeLeft: null });
    expect(uploadProgress(20 * MB, 80 * MB, 10_000).percent).toBe(25);
    expect(uploadProgress(80 * MB - 1, 80 * MB, 10_000).percent).toBe(99);
    expect(uploadProgress(80 * MB, 80 * MB, 10_000)).toEqual({ percent: 100, sent: "80.0 MB of 80.0 MB", timeLeft: null });
  });

  it("estimates the time left from the rate so far", () => {
    // 20 MB in 10 s: 60 MB more takes 30 s.
    expect(uploadProgress(20 * MB, 80 * MB, 10_000).timeLeft).toBe("less than a minute left");
    // 2 MB in 10 s: 78 MB more takes 390 s, about 7 minutes.
    expect(uploadProgress(2 * MB, 80 * MB, 10_000).timeLeft).toBe("about 7 min left");
    // A 2 GB lecture at 1 MB a minute.
    expect(uploadProgress(1 * MB, 2048 * MB, 60_000).timeLeft).toBe("about 34 h 7 min left");
  });

  it("gives no estimate before a second and 16 kB have gone, when the rate means little", () => {
    expect(uploadProgress(5 * MB, 80 * MB, 900).timeLeft).toBeNull();
    expect(uploadProgress(10 * 1024, 80 * MB, 5_000).timeLeft).toBeNull();
    expect(uploadProgress(16 * 1024, 80 * MB, 1_000).timeLeft).not.toBeNull();
  });

  it("keeps odd reports within bounds: more sent than the total, a negative count, an empty file", () => {
    expect(uploadProgress(90 * MB, 80 * MB, 1_000)).toMatchObject({ percent: 100, sent: "80.0 MB of 80.0 MB" });
    expect(uploadProgress(-5, 1000, 1_000)).toMatchObject({ percent: 0, sent: "0 B of 1000 B" });
    expect(uploadProgress(0, 0, 1_000)).toEqual({ percent: 0, sent: "0 B of 0 B", timeLeft: null });
  });
});

describe("describeTimeLeft", () => {
  it("rounds the way people say it", () => {
    expect(describeTimeLeft(0)).toBe("less than a minute left");
    expect(describeTimeLeft(59)).toBe("less than a minute left");
    expect(describeTimeLeft(89)).toBe("about 1 min left");
    expect(describeTimeLeft(91)).toBe("about 2 min left");
    expect(describeTimeLeft(59 * 60)).toBe("about 59 min left");
    expect(describeTimeLeft(60 * 60)).toBe("about 1 h left");
    expect(describeTimeLeft(2 * 3600 + 15 * 60)).toBe("about 2 h 15 min left");
  });

  it("says it does not know rather than showing nonsense", () => {
    expect(describeTimeLeft(Number.POSITIVE_INFINITY)).toBe("time left unknown");
    expect(describeTimeLeft(Number.NaN)).toBe("time left unknown");
    expect(describeTimeLeft(-1)).toBe("time left unknown");
  });
});
