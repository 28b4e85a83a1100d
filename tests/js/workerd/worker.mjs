// A Cloudflare Workers (workerd) module worker using intake without a bundler. tests/js/workerd.test.mjs uploads
// every module this file reaches as its own workerd module, named by its path from the repository root:
// JS as ES modules, the .wasm as a CompiledWasm module (so `wasm` is a WebAssembly.Module: workerd forbids
// compiling wasm bytes at run time) and the fixtures as Text modules.
import * as intake from '../../../pkg/index.js';
import wasm from '../../../pkg/gen/intake_bg.wasm';
import { corpusAgreement, replayEmailCases } from '../replay.mjs';
import casesText from '../../fixtures/email/cases.json';
import corpusText from '../../fixtures/email/corpus.json';

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
      const replay = replayEmailCases(intake, casesText);
      const corpus = corpusAgreement(intake, corpusText);
      let notString;
      try { notString = intake.validateEmail(42).issues.map((i) => i.code); } catch (e) { notString = `threw: ${e}`; }
      return Response.json({
        ok: true,
        initSamePromise: first === second,
        replay,
        corpus,
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
