// Node: `node examples/edge/node.mjs` (PORT, default 8787). The same fetch-style handler behind node:http.
import http from 'node:http';
import { createHandler, toNodeListener } from 'intake/edge';
import { contact, MAX_BYTES } from './contact.js';

const server = http.createServer(toNodeListener(createHandler(contact, { maxBytes: MAX_BYTES })));
server.listen(Number(process.env.PORT ?? 8787), '127.0.0.1', () => console.log(`listening on ${server.address().port}`));
