// The Cloudflare Workers usage documented in pkg/index.d.ts, as a wrangler project would write it:
// bare `intake` imports resolved through the package's exports map, bundled by esbuild (wrangler's bundler), with
// the .wasm left as a separate CompiledWasm module. tests/js/workerd.test.mjs bundles and runs it.
import { init, issueCodes, validateEmail, validatePhone, versions } from 'intake';
import wasm from 'intake/intake_bg.wasm';
import { corpusAgreement, phoneCorpusAgreement, replayEmailCases, replayPhoneCases } from '../replay.mjs';
import casesText from '../../fixtures/email/cases.json';
import corpusText from '../../fixtures/email/corpus.json';
import phoneCasesText from '../../fixtures/phone/cases.json';
import phoneCorpusText from '../../fixtures/phone/corpus.jsonl';

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
        versions: versions(),
      });
    } catch (e) {
      return Response.json({ ok: false, error: String((e && e.stack) || e) }, { status: 500 });
    }
  },
};
