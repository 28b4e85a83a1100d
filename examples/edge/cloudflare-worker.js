// Cloudflare Workers: the handler is the worker's fetch. wrangler (or esbuild, as the tests do) bundles the bare
// imports and keeps the .wasm as a CompiledWasm module, which `init` needs in Workers (no compiling bytes at run time).
import wasm from 'intake/intake_bg.wasm';
import { createHandler } from 'intake/edge';
import { contact, MAX_BYTES } from './contact.js';

export default { fetch: createHandler(contact, { wasm, maxBytes: MAX_BYTES }) };
