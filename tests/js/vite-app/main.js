// A minimal app using intake the way a bundled site would: `import ... from 'intake'`, Vite emits the wasm asset.
// It also replays the email and phone fixtures (bundled: JSON, and the phone corpus as raw text) and exposes the results as `window.__intake` for the test.
import { AsYouType, init, issueCodes, validateCountry, validateDate, validateEmail, validatePhone, validatePhones } from 'intake';
import { corpusAgreement, phoneCorpusAgreement, replayEmailCases, replayFields, replayPhoneCases } from '../replay.mjs';
import countryCases from '../../fixtures/country/cases.json';
import dateCases from '../../fixtures/date/cases.json';
import cases from '../../fixtures/email/cases.json';
import corpus from '../../fixtures/email/corpus.json';
import phoneCases from '../../fixtures/phone/cases.json';
// ~4 MB of JSON lines, bundled as one string (Vite's ?raw), parsed line by line by the replay.
import phoneCorpus from '../../fixtures/phone/corpus.jsonl?raw';
import { validateCompany, validateWebsite } from 'intake';
import { replayBizFields } from '../replay.mjs';
import { replayNameCases } from '../replay.mjs';
import { sameGivenName, validateName } from 'intake';
import nameCases from '../../fixtures/name/cases.jsonl?raw';
import nameKeys from '../../fixtures/name/keys.jsonl?raw';
import websiteSocial from '../../fixtures/website/social.jsonl?raw';
import websiteUrls from '../../fixtures/website/urls.jsonl?raw';
import companyJunk from '../../fixtures/company/junk.jsonl?raw';
import companyKeys from '../../fixtures/company/keys.jsonl?raw';
import companyLegalForms from '../../fixtures/company/legal_forms.jsonl?raw';
import companyNames from '../../fixtures/company/names.jsonl?raw';
// Addresses and postcodes (as the other runtimes replay them; assertPageResult expects them).
import { formatAddress, validateAddress, validatePostcode } from 'intake';
import { replayAddressAll } from '../replay.mjs';
import addressCases from '../../fixtures/address/cases.jsonl?raw';
import addressFormat from '../../fixtures/address/format.jsonl?raw';
import postcodeCases from '../../fixtures/postcode/cases.jsonl?raw';
import postcodeOracle from '../../fixtures/postcode/oracle.jsonl?raw';

const $ = (id) => document.getElementById(id);

function show() {
  $('result').textContent = JSON.stringify(validateEmail($('email').value), null, 2);
}

async function main() {
  try {
    await init();
    $('form').addEventListener('submit', (e) => { e.preventDefault(); show(); });
    show();
    const intake = { validateEmail, issueCodes };
    const replay = replayEmailCases(intake, cases);
    const agreement = corpusAgreement(intake, corpus);
    const phoneApi = { validatePhone, issueCodes };
    const phoneStarted = performance.now();
    const phone = { replay: replayPhoneCases(phoneApi, phoneCases), corpus: phoneCorpusAgreement(phoneApi, phoneCorpus) };
    phone.ms = Math.round(performance.now() - phoneStarted);
    const fields = replayFields({ validateCountry, validateDate, issueCodes }, countryCases, dateCases);
    const typer = new AsYouType('US');
    const typed = [...'+14155552671'].map((c) => typer.input(c));
    const batch = ['0912 345 6789', 42, '+1 415 555 2671'];
    const batchMatches = JSON.stringify(validatePhones(batch, { defaultRegion: 'IR' }))
      === JSON.stringify(batch.map((s) => validatePhone(s, { defaultRegion: 'IR' })));
    // In BIZ_FIXTURES order (replay.mjs).
    const biz = replayBizFields({ validateWebsite, validateCompany, issueCodes }, [websiteSocial, websiteUrls],
      [companyJunk, companyKeys, companyLegalForms, companyNames]);
    const names = replayNameCases({ validateName, sameGivenName, issueCodes }, nameCases, nameKeys);
    const address = replayAddressAll({ validateAddress, validatePostcode, formatAddress, issueCodes },
      { postcodeOracle, postcodeCases, addressCases, addressFormat });
    window.__intake = { ok: true, biz, names, address, replay, corpus: agreement, phone, fields, typed, batchMatches, wasmUrls: performance.getEntriesByType('resource')
      .map((e) => e.name).filter((n) => n.includes('.wasm')) };
    $('out').textContent = `cases: ${replay.passed} passed, ${replay.failed} failed\n` +
      `corpus agreement: ${(agreement.rate * 100).toFixed(2)}% (${agreement.agree}/${agreement.total})\n` +
      `phone cases: ${phone.replay.passed} passed, ${phone.replay.failed} failed\n` +
      `phone corpus: ${(phone.corpus.rate * 100).toFixed(3)}% (${phone.corpus.agree}/${phone.corpus.total}), ` +
      `formats ${(phone.corpus.formatRate * 100).toFixed(3)}%, ${phone.ms} ms\n` +
      `country cases: ${fields.country.passed} passed, ${fields.country.failed} failed\n` +
      `date cases: ${fields.date.passed} passed, ${fields.date.failed} failed, ${fields.date.diverged} known divergences`;
  } catch (e) {
    window.__intake = { ok: false, error: String((e && e.stack) || e) };
    $('out').textContent = `FAILED: ${window.__intake.error}`;
  }
}

main();
