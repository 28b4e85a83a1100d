// Deno: `deno run --allow-net --allow-read --allow-env examples/edge/deno.ts` (PORT, default 8787). The package is
// resolved from node_modules through package.json; init() reads the wasm beside pkg/index.js.
import { createHandler } from 'intake/edge';
import { contact, MAX_BYTES } from './contact.js';

const handler = createHandler(contact, { maxBytes: MAX_BYTES });
const port = Number(Deno.env.get('PORT') ?? 8787);
Deno.serve({ hostname: '127.0.0.1', port, onListen: ({ port }) => console.log(`listening on ${port}`) }, handler);
