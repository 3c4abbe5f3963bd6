// What the upload routes read from a request and how they answer: shared by
// the teachers' course uploads and the students' hand-in uploads.

/** A JSON answer nobody caches: an upload's outcome is about one request. */
export const uploadAnswer = (status: number, body: object) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/** The Content-Length the sender declared, when it sent a valid one; a stream may send none. */
export function declaredLength(headers: Headers): number | null {
  const value = headers.get("content-length");
  return value && /^\d+$/.test(value) ? Number(value) : null;
}
