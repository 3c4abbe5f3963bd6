import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { crlf, escapeText, foldLine, maxLineOctets, paramValue, property, textProperty } from "@/lib/calendar/ical/content-line";

const octets = (text: string) => new TextEncoder().encode(text).length;
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, "");

/** Parses one property in a minimal VEVENT with ical.js and gives its value as ical.js reads it. */
function parsedValue(line: string, name: string): unknown {
  const text = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "BEGIN:VEVENT", "UID:x", "DTSTAMP:20260101T000000Z", line, "END:VEVENT", "END:VCALENDAR", ""].join(crlf);
  const event = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vevent")!;
  return event.getFirstPropertyValue(name);
}

describe("escapeText", () => {
  it("escapes backslashes, semicolons, commas and line breaks, backslash first", () => {
    expect(escapeText("a\\b;c,d\ne")).toBe("a\\\\b\\;c\\,d\\ne");
    expect(escapeText("\\n is not a newline")).toBe("\\\\n is not a newline");
  });

  it("writes every kind of line break as \\n", () => {
    expect(escapeText("one\r\ntwo\rthree\nfour")).toBe("one\\ntwo\\nthree\\nfour");
  });

  it("drops control characters but keeps tabs and text in any script", () => {
    expect(escapeText("a\u0000b\u0007c\u001bd\u007fe\tf")).toBe("abcde\tf");
    expect(escapeText("தமிழ் 🎉 café")).toBe("தமிழ் 🎉 café");
  });

  it("round-trips through ical.js", () => {
    const text = "Bring: pens, paper; a calculator\\charger\nRoom 4, Block B\r\nதேர்வு 🎓";
    expect(parsedValue(textProperty("SUMMARY", text), "summary")).toBe(text.replace(/\r\n/g, "\n"));
  });
});

describe("paramValue", () => {
  it("quotes a value holding a colon, semicolon or comma, and drops quotes and control characters", () => {
    expect(paramValue("Europe/London")).toBe("Europe/London");
    expect(paramValue("a:b")).toBe('"a:b"');
    expect(paramValue('say "hi"; now')).toBe('"say hi; now"');
    expect(paramValue("a\u0000\nb")).toBe("ab");
  });
});

describe("foldLine", () => {
  it("leaves a line of 75 octets as it is and folds one of 76", () => {
    const exact = "X".repeat(maxLineOctets);
    expect(foldLine(exact)).toBe(exact);
    const longer = "X".repeat(maxLineOctets + 1);
    expect(foldLine(longer)).toBe(`${"X".repeat(75)}${crlf} X`);
  });

  it("keeps every physical line within 75 octets, counting the continuation's space", () => {
    const folded = foldLine(`DESCRIPTION:${"abcdefghij".repeat(50)}`);
    const lines = folded.split(crlf);
    expect(lines.length).toBeGreaterThan(6);
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    for (const line of lines.slice(1)) expect(line.startsWith(" ")).toBe(true);
    // A continuation holds 74 octets of text after its space.
    expect(octets(lines[1]!)).toBe(75);
    expect(unfold(folded)).toBe(`DESCRIPTION:${"abcdefghij".repeat(50)}`);
  });

  it.each([
    ["Tamil (3-octet characters)", "தமிழ் வகுப்பு: இயற்பியல் பாடம், அலகு ஒன்று; தேர்வு நாள் ".repeat(4)],
    ["emoji (4-octet characters)", "🎉🎓📚✏️🧪🔬".repeat(20)],
    ["2-octet characters at every offset", `${"é".repeat(3)}x${"é".repeat(80)}`],
    ["a mix after an odd prefix", `SUMMARY;LANGUAGE=ta:${"a🎉தé".repeat(40)}`],
  ])("never splits a UTF-8 sequence: %s", (_name, text) => {
    const folded = foldLine(text);
    const lines = folded.split(crlf);
    for (const line of lines) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      // Each physical line is whole characters: it encodes and decodes to itself.
      expect(new TextDecoder("utf-8", { fatal: true }).decode(new TextEncoder().encode(line))).toBe(line);
      expect(line).not.toMatch(/[\uD800-\uDBFF]$|^[ ]?[\uDC00-\uDFFF]/);
    }
    expect(unfold(folded)).toBe(text);
  });

  it("is read back whole by ical.js", () => {
    const text = `${"வணக்கம் 🎉, நண்பர்களே; ".repeat(12)}end`;
    const line = textProperty("DESCRIPTION", text);
    expect(line.split(crlf).length).toBeGreaterThan(3);
    expect(parsedValue(line, "description")).toBe(text);
  });
});

describe("property", () => {
  it("writes parameters in order, skipping unset ones, and folds the whole line", () => {
    expect(property("DTSTART", "20260310T090000", { TZID: "Europe/London", VALUE: undefined })).toBe("DTSTART;TZID=Europe/London:20260310T090000");
    const long = property("X-TEST", "v".repeat(100), { A: "1" });
    expect(long.split(crlf)[0]).toBe(`X-TEST;A=1:${"v".repeat(64)}`);
  });
});
