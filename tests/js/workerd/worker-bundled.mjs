// The Cloudflare Workers usage documented in pkg/index.d.ts, as a wrangler project would write it:
// bare `intake` imports resolved through the package's exports map, bundled by esbuild (wrangler's bundler), with
// the .wasm left as a separate CompiledWasm module. tests/js/workerd.test.mjs bundles and runs it.
import { init, issueCodes, validateCountry, validateDate, validateEmail, validatePhone, versions } from 'intake';
import { formatAddress, validateAddress, validatePostcode } from 'intake';
import wasm from 'intake/intake_bg.wasm';
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
import { validateCompany, validateWebsite } from 'intake';
import { replayBizFields } from '../replay.mjs';
import { replayNameCases } from '../replay.mjs';
import { sameGivenName, validateName } from 'intake';
import nameCases from '../../fixtures/name/cases.jsonl';
import nameKeys from '../../fixtures/name/keys.jsonl';
import websiteSocial from '../../fixtures/website/social.jsonl';
import websiteUrls from '../../fixtures/website/urls.jsonl';
import companyJunk from '../../fixtures/company/junk.jsonl';
import companyKeys from '../../fixtures/company/keys.jsonl';
import companyLegalForms from '../../fixtures/company/legal_forms.jsonl';
import companyNames from '../../fixtures/company/names.jsonl';

export default {
  async fetch() {
    try {
      await init(wasm);
      const intake = { validateEmail };
      return Response.json({
        ok: true,
        replay: replayEmailCases(intake, casesText),
        corpus: corpusAgreement(intake, corpusText),
        phone: {
          replay: replayPhoneCases({ validatePhone, issueCodes }, phoneCasesText),
          corpus: phoneCorpusAgreement({ validatePhone, issueCodes }, phoneCorpusText),
        },
        fields: replayFields({ validateCountry, validateDate, issueCodes }, countryCasesText, dateCasesText),
        address: replayAddressAll({ validateAddress, validatePostcode, formatAddress, issueCodes }, { postcodeOracle, postcodeCases, addressCases, addressFormat }),
        biz: replayBizFields({ validateWebsite, validateCompany, issueCodes }, [websiteSocial, websiteUrls],
          [companyJunk, companyKeys, companyLegalForms, companyNames]),
        names: replayNameCases({ validateName, sameGivenName, issueCodes }, nameCases, nameKeys),
        versions: versions(),
      });
    } catch (e) {
      return Response.json({ ok: false, error: String((e && e.stack) || e) }, { status: 500 });
    }
  },
};
