// A minimal app using intake the way a bundled site would: `import ... from 'intake'`, Vite emits the wasm asset.
// It also replays the email fixtures (bundled as JSON) and exposes the results as `window.__intake` for the test.
import { init, issueCodes, validateEmail } from 'intake';
import { corpusAgreement, replayEmailCases } from '../replay.mjs';
import cases from '../../fixtures/email/cases.json';
import corpus from '../../fixtures/email/corpus.json';

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
    window.__intake = { ok: true, replay, corpus: agreement, wasmUrls: performance.getEntriesByType('resource')
      .map((e) => e.name).filter((n) => n.includes('.wasm')) };
    $('out').textContent = `cases: ${replay.passed} passed, ${replay.failed} failed\n` +
      `corpus agreement: ${(agreement.rate * 100).toFixed(2)}% (${agreement.agree}/${agreement.total})`;
  } catch (e) {
    window.__intake = { ok: false, error: String((e && e.stack) || e) };
    $('out').textContent = `FAILED: ${window.__intake.error}`;
  }
}

main();
