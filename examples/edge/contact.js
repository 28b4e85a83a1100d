// The record every edge example accepts: a contact form's fields, standardized (email, phone as E.164 with Iran as
// the default region, country as ISO alpha-2, birth date as ISO 8601). Shared by cloudflare-worker.js, deno.ts and
// node.mjs so that the three runtimes answer the same requests identically (tests/fixtures/edge/cases.json).
import { schema } from 'intake/schema';

export const contact = schema.object({
  email: schema.email(),
  phone: schema.phone({ defaultRegion: 'IR', optional: true }),
  country: schema.country({ optional: true }),
  birthDate: schema.date({ birthDate: true, optional: true, today: '2026-01-01' }),
});

/** Small on purpose, so the tests can show the cap (the default is 64 KiB). */
export const MAX_BYTES = 16 * 1024;
