// A Cloudflare Workers (workerd) module worker using intake without a bundler. tests/js/workerd.test.mjs uploads
// every module this file reaches as its own workerd module, named by its path from the repository root:
// JS as ES modules, the .wasm as a CompiledWasm module (so `wasm` is a WebAssembly.Module: workerd forbids
// compiling wasm bytes at run time) and the fixtures as Text modules (the phone corpus.jsonl too, ~4 MB).
import * as intake from '../../../pkg/index.js';
import wasm from '../../../pkg/gen/intake_bg.wasm';
import { corpusAgreement, phoneCorpusAgreement, replayEmailCases, replayFields, replayPhoneCases } from '../replay.mjs';
import countryCasesText from '../../fixtures/country/cases.json';
import dateCasesText from '../../fixtures/date/cases.json';
import casesText from '../../fixtures/email/cases.json';
import corpusText from '../../fixtures/email/corpus.json';
import phoneCasesText from '../../fixtures/phone/cases.json';
import phoneCorpusText from '../../fixtures/phone/corpus.jsonl';
import { replayAddressAll } from '../replay.mjs';
import addressCases from '../../fixtures/address/cases.jsonl';
import addressFormat from '../../fixtures/address/format.jsonl';
import postcodeCases from '../../fixtures/postcode/cases.jsonl';
import postcodeOracle from '../../fixtures/postcode/oracle.jsonl';
import { replayBizFields } from '../replay.mjs';
import { replayNameCases } from '../replay.mjs';
import nameCases from '../../fixtures/name/cases.jsonl';
import nameKeys from '../../fixtures/name/keys.jsonl';
import websiteSocial from '../../fixtures/website/social.jsonl';
import websiteUrls from '../../fixtures/website/urls.jsonl';
import companyJunk from '../../fixtures/company/junk.jsonl';
import companyKeys from '../../fixtures/company/keys.jsonl';
import companyLegalForms from '../../fixtures/company/legal_forms.jsonl';
import companyNames from '../../fixtures/company/names.jsonl';
import { replayDedupCases, replayRecordCases } from '../replay.mjs';
import recordCases from '../../fixtures/record/cases.json';
import dedupCases from '../../fixtures/dedup/cases.json';

export default {
  async fetch(request) {
    const url = new URL(request.url);
    try {
      if (!(wasm instanceof WebAssembly.Module)) throw new Error(`wasm import is ${Object.prototype.toString.call(wasm)}`);
      const first = intake.init(wasm);
      const second = intake.init(wasm);
      await first;
      await second;
      if (url.pathname === '/validate') {
        const input = url.searchParams.get('email') ?? '';
        return Response.json(intake.validateEmail(input, { locale: url.searchParams.get('locale') ?? 'en' }));
      }
      if (url.pathname === '/phone') {
        const input = url.searchParams.get('phone') ?? '';
        const region = url.searchParams.get('region');
        return Response.json(intake.validatePhone(input, region ? { defaultRegion: region } : {}));
      }
      const replay = replayEmailCases(intake, casesText);
      const corpus = corpusAgreement(intake, corpusText);
      const phone = { replay: replayPhoneCases(intake, phoneCasesText), corpus: phoneCorpusAgreement(intake, phoneCorpusText) };
      const typer = new intake.AsYouType('IR');
      const typed = [...'09123456789'].map((c) => typer.input(c));
      const phones = ['0912 345 6789', 42, ' +1 415 555 2671 x12 '];
      let notString;
      try { notString = intake.validateEmail(42).issues.map((i) => i.code); } catch (e) { notString = `threw: ${e}`; }
      return Response.json({
        ok: true,
        initSamePromise: first === second,
        replay,
        corpus,
        phone,
        fields: replayFields(intake, countryCasesText, dateCasesText),
        address: replayAddressAll(intake, { postcodeOracle, postcodeCases, addressCases, addressFormat }),
        // In BIZ_FIXTURES order (replay.mjs).
        biz: replayBizFields(intake, [websiteSocial, websiteUrls], [companyJunk, companyKeys, companyLegalForms, companyNames]),
        names: replayNameCases(intake, nameCases, nameKeys),
        records: replayRecordCases(intake, recordCases),
        dedup: replayDedupCases(intake, dedupCases),
        countryNotString: intake.validateCountry(42).issues.map((i) => i.code),
        dateNotString: intake.validateDate(42).issues.map((i) => i.code),
        typed,
        phoneNotString: intake.validatePhone(42).issues.map((i) => i.code),
        phoneBatchMatches: JSON.stringify(intake.validatePhones(phones, { defaultRegion: 'IR' }))
          === JSON.stringify(phones.map((p) => intake.validatePhone(p, { defaultRegion: 'IR' }))),
        notString,
        versions: intake.versions(),
        batchMatches: JSON.stringify(intake.validateEmails(['a@b.co', ' X@Y.COM ']))
          === JSON.stringify([intake.validateEmail('a@b.co'), intake.validateEmail(' X@Y.COM ')]),
      });
    } catch (e) {
      return Response.json({ ok: false, error: String((e && e.stack) || e) }, { status: 500 });
    }
  },
};
