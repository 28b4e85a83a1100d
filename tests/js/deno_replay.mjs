// Run by tests/js/deno.test.mjs as `deno run --allow-read --no-prompt tests/js/deno_replay.mjs`.
// Imports the package by relative path (no npm resolution), lets init() load the wasm beside pkg/index.js from its
// file: URL, replays the fixtures and prints one `__INTAKE_RESULT__{json}` line.
import * as intake from '../../pkg/index.js';
import { corpusAgreement, replayEmailCases } from './replay.mjs';

let out;
try {
  const first = intake.init();
  const second = intake.init();
  await first;
  await second;
  const [casesText, corpusText] = await Promise.all([
    Deno.readTextFile(new URL('../fixtures/email/cases.json', import.meta.url)),
    Deno.readTextFile(new URL('../fixtures/email/corpus.json', import.meta.url)),
  ]);
  let notString;
  try { notString = intake.validateEmail(42).issues.map((i) => i.code); } catch (e) { notString = `threw: ${e}`; }
  out = {
    ok: true,
    deno: Deno.version,
    initSamePromise: first === second,
    replay: replayEmailCases(intake, casesText),
    corpus: corpusAgreement(intake, corpusText),
    notString,
    versions: intake.versions(),
  };
} catch (e) {
  out = { ok: false, error: String((e && e.stack) || e) };
}
console.log('__INTAKE_RESULT__' + JSON.stringify(out));
