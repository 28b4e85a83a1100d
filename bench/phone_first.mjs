// The phone cold start users see, timed step by step: import the package, `await init()`, the first validatePhone.
// One definition for bench/phone.mjs and bench/phone_cold.mjs (which run its source in fresh Node processes, see
// `firstPhoneScript`) and bench/phone_cold.html (which imports it in Chromium).

/** Imports the package at `indexUrl`, initializes it and validates one number; the milliseconds of each step. */
export async function firstPhoneResult(indexUrl) {
  const t0 = performance.now();
  const m = await import(indexUrl);
  const t1 = performance.now();
  await m.init();
  const t2 = performance.now();
  const r = m.validatePhone('0912 345 6789', { defaultRegion: 'IR' });
  const t3 = performance.now();
  if (!r.valid) throw new Error('first result not valid');
  return { importMs: t1 - t0, initMs: t2 - t1, firstMs: t3 - t2, totalMs: t3 - t0 };
}

/** A `node --input-type=module -e` script printing `firstPhoneResult(indexUrl)` as JSON (no import before it). */
export const firstPhoneScript = (indexUrl) =>
  `${firstPhoneResult.toString()}\nconsole.log(JSON.stringify(await firstPhoneResult(${JSON.stringify(indexUrl)})));`;
