import { connection } from "next/server";
import { twelveCourses } from "./rows";

// Rendered per request, like every page of the app (its CSP nonce makes them dynamic).
export default async function ReferencePage() {
  await connection();
  const rows = await twelveCourses();
  return (
    <main>
      <h1>Courses</h1>
      <ul>
        {rows.map((row) => (
          <li key={row.slug}>
            <a href={`/courses/${row.slug}`}>{row.title}</a> <span>{row.subject}</span>
          </li>
        ))}
      </ul>
    </main>
  );
}
