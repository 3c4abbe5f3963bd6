import { csvRow } from "@/lib/csv/escape-cell";
import { rosterColumns } from "./columns";

/** The template to download: the header and two example rows, written through the CSV escaper like any CSV we send. */
export function rosterTemplateCsv(): string {
  return [
    csvRow(rosterColumns),
    csvRow(["Asha Perera", "asha.perera@school.example", "asha_perera", "student", 10, "mechanics-motion-and-forces", "10A", "Class 10, 2026"]),
    csvRow(["Ravi Kumar", "ravi.kumar@school.example", "ravi_kumar", "teacher", "", "", "", ""]),
  ].join("");
}
