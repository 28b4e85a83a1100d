// The edge examples (examples/edge/) in their real runtimes, each answering tests/fixtures/edge/cases.json over
// HTTP exactly alike: node:http (node.mjs), Deno.serve (deno.ts), and Cloudflare's workerd through Miniflare
// (cloudflare-worker.js bundled the way wrangler bundles it, the wasm as a CompiledWasm module). The same handler is
// also replayed in process.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { binDir, bundleWorker, repoRoot, requireBuild, startListening, writeArtifact } from './harness.mjs';
import { replayEdgeCases } from './edge_replay.mjs';

requireBuild();
const casesText = readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'edge', 'cases.json'), 'utf8');
const examples = path.join(repoRoot, 'examples', 'edge');
const tempDirs = [];
after(() => { for (const d of tempDirs) rmSync(d, { recursive: true, force: true }); });

function assertEdgeReplay(t, replay, label) {
  writeArtifact(`edge-${label}.json`, replay);
  t.diagnostic(`${label}: ${replay.total - replay.failures.length}/${replay.total} edge cases`);
  assert.ok(replay.total >= 10, `${label}: only ${replay.total} cases`);
  assert.deepEqual(replay.failures, [], `${label}: failing edge cases`);
}

async function replayServer(t, label, cmd, args, env) {
  const { proc, base } = await startListening(cmd, args, { env });
  try {
    assertEdgeReplay(t, await replayEdgeCases((req) => fetch(req, { signal: AbortSignal.timeout(30_000) }), casesText, base), label);
  } finally {
    await proc.stop();
    writeArtifact(`edge-${label}.log`, proc.output());
  }
}

test('edge handler in process: every case', async (t) => {
  const { createHandler } = await import('intake/edge');
  const { contact, MAX_BYTES } = await import(path.join(examples, 'contact.js'));
  assertEdgeReplay(t, await replayEdgeCases(createHandler(contact, { maxBytes: MAX_BYTES }), casesText), 'in-process');
});

test('examples/edge/node.mjs under node:http', { timeout: 60_000 }, async (t) => {
  await replayServer(t, 'node', process.execPath, [path.join(examples, 'node.mjs')]);
});

test('examples/edge/deno.ts under Deno.serve', { timeout: 120_000 }, async (t) => {
  const denoDir = mkdtempSync(path.join(os.tmpdir(), 'intake-deno-edge-'));
  tempDirs.push(denoDir);
  const env = { ...process.env, DENO_NO_UPDATE_CHECK: '1', DENO_DIR: denoDir, NO_COLOR: '1' };
  // The executable itself, not node_modules/.bin/deno (a Node launcher whose child would outlive a SIGTERM to it).
  const exe = path.join(repoRoot, 'node_modules', 'deno', 'deno');
  await replayServer(t, 'deno', existsSync(exe) ? exe : path.join(binDir, 'deno'),
    ['run', '--allow-net=127.0.0.1', '--allow-read', '--allow-env=PORT', '--no-prompt', '--no-lock', path.join(examples, 'deno.ts')], env);
});

test('examples/edge/cloudflare-worker.js in workerd (Miniflare), bundled like wrangler', { timeout: 120_000 }, async (t) => {
  const result = await bundleWorker(path.join(examples, 'cloudflare-worker.js'));
  const { Miniflare } = await import('miniflare');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'intake-edge-worker-'));
  tempDirs.push(dir);
  const mf = new Miniflare({
    modulesRoot: dir,
    modules: [
      { type: 'ESModule', path: path.join(dir, 'worker.mjs'), contents: result.outputFiles[0].text },
      { type: 'CompiledWasm', path: path.join(dir, 'intake_bg.wasm'), contents: readFileSync(path.join(repoRoot, 'pkg', 'gen', 'intake_bg.wasm')) },
    ],
    compatibilityDate: '2026-07-01',
    host: '127.0.0.1',
  });
  try {
    // dispatchFetch goes through workerd's HTTP stack, like a request from the internet.
    // Miniflare takes its own Request type: the case's request is handed over as URL and init.
    const send = async (req) => mf.dispatchFetch(req.url, {
      method: req.method, headers: Object.fromEntries(req.headers), body: req.body ? new Uint8Array(await req.arrayBuffer()) : undefined,
    });
    assertEdgeReplay(t, await replayEdgeCases(send, casesText), 'workerd');
  } finally {
    await mf.dispose();
  }
});
