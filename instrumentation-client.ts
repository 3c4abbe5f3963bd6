import { z } from "zod";

// Runs in the browser before the app's own code. zod compiles object parsers
// with `new Function` unless told not to; under the site's CSP (no
// 'unsafe-eval') that probe is refused and reported as a violation on every
// page with a form, so the browser copy of zod runs without it.
z.config({ jitless: true });
