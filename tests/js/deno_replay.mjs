// Run by tests/js/deno.test.mjs as `deno run --allow-read --no-prompt tests/js/deno_replay.mjs`.
// Imports the package by relative path (no npm resolution), lets init() load the wasm beside pkg/index.js from its
// file: URL, replays every field's fixtures (the whole phone corpus), the record and dedup fixtures, and prints one `__INTAKE_RESULT__{json}` line.
import * as intake from '../../pkg/index.js';
import { corpusAgreement, phoneCorpusAgreement, replayEmailCases, replayFields, replayPhoneCases } from './replay.mjs';
import { ADDRESS_FIXTURES, replayAddressAll } from './replay.mjs';
import { BIZ_FIXTURES, replayBizFields } from './replay.mjs';
import { replayNameCases } from './replay.mjs';
import { replayDedupCases, replayHeaderMapping, replayRecordCases } from './replay.mjs';

let out;
try {
  const first = intake.init();
  const second = intake.init();
  await first;
  await second;
  const [casesText, corpusText, phoneCasesText, phoneCorpusText, countryCasesText, dateCasesText] = await Promise.all([
    Deno.readTextFile(new URL('../fixtures/email/cases.json', import.meta.url)),
    Deno.readTextFile(new URL('../fixtures/email/corpus.json', import.meta.url)),
    Deno.readTextFile(new URL('../fixtures/phone/cases.json', import.meta.url)),
    Deno.readTextFile(new URL('../fixtures/phone/corpus.jsonl', import.meta.url)),
    Deno.readTextFile(new URL('../fixtures/country/cases.json', import.meta.url)),
    Deno.readTextFile(new URL('../fixtures/date/cases.json', import.meta.url)),
  ]);
  const addressTexts = {};
  for (const [k, f] of Object.entries(ADDRESS_FIXTURES)) addressTexts[k] = await Deno.readTextFile(new URL(`../fixtures/${f}`, import.meta.url));
  const bizTexts = (files) => Promise.all(files.map((f) => Deno.readTextFile(new URL(`../fixtures/${f}`, import.meta.url))));
  const biz = replayBizFields(intake, await bizTexts(BIZ_FIXTURES.website), await bizTexts(BIZ_FIXTURES.company));
  const [nameCases, nameKeys] = await bizTexts(['name/cases.jsonl', 'name/keys.jsonl']);
  const names = replayNameCases(intake, nameCases, nameKeys);
  const [recordCases, recordHeaders, dedupCases] = await bizTexts(['record/cases.json', 'record/headers.json', 'dedup/cases.json']);
  const records = replayRecordCases(intake, recordCases);
  const headerMapping = replayHeaderMapping(intake, recordHeaders);
  const dedup = replayDedupCases(intake, dedupCases);
  const phoneStarted = performance.now();
  const phone = { replay: replayPhoneCases(intake, phoneCasesText), corpus: phoneCorpusAgreement(intake, phoneCorpusText) };
  phone.ms = Math.round(performance.now() - phoneStarted);
  const typer = new intake.AsYouType();
  const typed = [...'+14155552671'].map((c) => typer.input(c));
  let notString;
  try { notString = intake.validateEmail(42).issues.map((i) => i.code); } catch (e) { notString = `threw: ${e}`; }
  out = {
    ok: true,
    deno: Deno.version,
    initSamePromise: first === second,
    replay: replayEmailCases(intake, casesText),
    corpus: corpusAgreement(intake, corpusText),
    phone,
    fields: replayFields(intake, countryCasesText, dateCasesText),
    address: replayAddressAll(intake, addressTexts),
    biz,
    names,
    records,
    headerMapping: { total: headerMapping.total, right: headerMapping.right },
    dedup,
    countryNotString: intake.validateCountry(42).issues.map((i) => i.code),
    dateNotString: intake.validateDate(42).issues.map((i) => i.code),
    typed,
    phoneNotString: intake.validatePhone(42).issues.map((i) => i.code),
    notString,
    versions: intake.versions(),
  };
} catch (e) {
  out = { ok: false, error: String((e && e.stack) || e) };
}
console.log('__INTAKE_RESULT__' + JSON.stringify(out));
