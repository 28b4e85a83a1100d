// A fetch-style handler for edge functions: a `Request` with a JSON or form-encoded body in, the cleaned record
// out, or a 422 `application/problem+json` (RFC 9457) listing the typed issues. The same function runs unchanged in
// Cloudflare Workers (`export default { fetch: handler }`), Deno (`Deno.serve(handler)`) and Node
// (`http.createServer(toNodeListener(handler))`); examples/edge/ has one of each.
//
//   import { createHandler } from 'intake/edge';
//   import { schema } from 'intake/schema';
//   const handler = createHandler(schema.object({ email: schema.email(), phone: schema.phone({ optional: true }) }));
//
// Responses: 200 `{ value, changes, warnings }`; 422 problem with `issues` (code, path, severity, message, params);
// 400 (body not readable as its Content-Type), 405 (not POST), 413 (over `maxBytes`), 415 (neither JSON nor a form),
// each a problem with the one issue. Messages are in `locale`, else the best match of Accept-Language.
import { init, isReady } from './index.js';
import { message, resolveLocale } from './locales.js';

export const PROBLEM_TYPES = {
  invalid: 'urn:intake:problem:invalid-record',
  body: 'urn:intake:problem:unreadable-body',
};
const TITLES = { 400: 'Bad Request', 405: 'Method Not Allowed', 413: 'Content Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Content' };

/** A problem+json Response: `issues` are intake issues; `extra` adds members (and `headers`). */
export function problem(status, issues, { locale = 'en', type = PROBLEM_TYPES.invalid, headers = {}, detail } = {}) {
  const body = { type, title: TITLES[status] ?? 'Error', status, detail: detail ?? issues.map((i) => i.message).join(' '), issues };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', 'content-language': locale, ...headers },
  });
}

function bodyIssue(code, locale, params) {
  return { code, path: '', severity: 'error', message: message(code, locale, params), params };
}

/**
 * The body, at most `maxBytes` bytes, or null when it is longer (read as a stream, so a missing or false
 * Content-Length changes nothing).
 */
async function readCapped(request, maxBytes) {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await request.body?.cancel().catch(() => {});
    return null;
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** FormData as a plain object: a key given once is a string, a repeated key an array; files are left out. */
function formObject(form) {
  const out = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== 'string') continue;
    if (!(key in out)) out[key] = value;
    else if (Array.isArray(out[key])) out[key].push(value);
    else out[key] = [out[key], value];
  }
  return out;
}

/**
 * The request's fields: `{ fields }`, or `{ response }` (a problem) when the body is too large, of another
 * media type, or not readable as the type it names.
 */
export async function readFields(request, { maxBytes = 64 * 1024, locale = 'en' } = {}) {
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  const json = type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
  const form = type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data';
  if (!json && !form) {
    const issue = bodyIssue('edge.unsupported_type', locale, { type: type || 'none' });
    return { response: problem(415, [issue], { locale, type: PROBLEM_TYPES.body, headers: { accept: 'application/json, application/x-www-form-urlencoded, multipart/form-data' } }) };
  }
  const bytes = await readCapped(request, maxBytes);
  if (bytes === null) {
    return { response: problem(413, [bodyIssue('edge.too_large', locale, { max: String(maxBytes) })], { locale, type: PROBLEM_TYPES.body }) };
  }
  const unreadable = (format) => ({ response: problem(400, [bodyIssue('edge.body_invalid', locale, { format })], { locale, type: PROBLEM_TYPES.body }) });
  if (json) {
    try {
      return { fields: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
    } catch {
      return unreadable('JSON');
    }
  }
  try {
    const parsed = await new Response(bytes, { headers: { 'content-type': request.headers.get('content-type') } }).formData();
    return { fields: formObject(parsed) };
  } catch {
    return unreadable(type === 'multipart/form-data' ? 'multipart/form-data' : 'x-www-form-urlencoded');
  }
}

function json(status, body, locale) {
  return new Response(JSON.stringify(body), {
    status, headers: { 'content-type': 'application/json; charset=utf-8', 'content-language': locale },
  });
}

/** Changes and warnings per field from an intake object schema's details (field results keyed by name). */
function collect(results, prefix, changes, warnings) {
  for (const [key, r] of Object.entries(results ?? {})) {
    if (!r || typeof r !== 'object') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (Array.isArray(r.changes)) {
      if (r.changes.length) changes[path] = r.changes;
      for (const i of r.issues ?? []) if (i.severity === 'warning') warnings.push(i);
    } else {
      collect(r, path, changes, warnings);
    }
  }
}

/**
 * `(request) => Promise<Response>` validating the body with `schema` (an intake object schema or any Standard
 * Schema). Options: `wasm` (what `init` takes; Workers pass the imported module), `locale` (fixed; default from
 * Accept-Language), `maxBytes` (64 KiB), `onValid(value, { request, changes, warnings, locale })` returning the
 * Response to send (default: 200 JSON `{ value, changes, warnings }`).
 */
export function createHandler(schema, { wasm, locale: fixedLocale, maxBytes = 64 * 1024, onValid } = {}) {
  const std = schema?.['~standard'];
  if (!std || typeof std.validate !== 'function') throw new TypeError('intake: createHandler needs a Standard Schema');
  const handler = async (request) => {
    if (!isReady()) await init(wasm);
    const locale = fixedLocale ?? resolveLocale(request.headers.get('accept-language') ?? 'en');
    if (request.method !== 'POST') {
      return problem(405, [], { locale, type: 'about:blank', headers: { allow: 'POST' }, detail: `${request.method} is not allowed; POST the record.` });
    }
    const { fields, response } = await readFields(request, { maxBytes, locale });
    if (response) return response;
    let value, issues, changes = {}, warnings = [];
    if (typeof schema.details === 'function') {
      const d = await schema.details(fields, { locale });
      ({ value, issues } = d);
      collect(d.results, '', changes, warnings);
    } else {
      const r = await std.validate(fields);
      ({ value, issues } = r.issues ? { issues: r.issues } : { value: r.value, issues: [] });
    }
    if (issues.length) {
      const list = issues.map((i) => ({
        code: i.code ?? 'invalid', path: (i.path ?? []).map((k) => (typeof k === 'object' ? k.key : k)).join('.'),
        severity: i.severity ?? 'error', message: i.message, params: i.params ?? {},
      }));
      return problem(422, list, { locale });
    }
    if (onValid) {
      const out = await onValid(value, { request, changes, warnings, locale });
      if (out instanceof Response) return out;
    }
    return json(200, { value, changes, warnings }, locale);
  };
  handler.maxBytes = maxBytes;
  return handler;
}

/**
 * Node's `http` server listener for a fetch-style handler: the IncomingMessage becomes a Request (the body read up
 * to the handler's `maxBytes` + 1, so an oversized body is refused without being buffered whole).
 */
const HOP_BY_HOP = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade']);

export function toNodeListener(handler, { maxBytes = handler.maxBytes ?? 64 * 1024 } = {}) {
  return async (req, res) => {
    try {
      const chunks = [];
      let total = 0;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        for await (const chunk of req) {
          // Past the cap the rest is read and dropped (breaking off would destroy the socket before the 413).
          if (total <= maxBytes) chunks.push(chunk);
          total += chunk.length;
        }
      }
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) {
        if (v !== undefined && !HOP_BY_HOP.has(k)) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
      }
      const body = chunks.length ? new Uint8Array(Buffer.concat(chunks)) : undefined;
      const request = new Request(`http://${req.headers.host ?? 'localhost'}${req.url}`, { method: req.method, headers, body });
      const response = await handler(request);
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(new Uint8Array(await response.arrayBuffer()));
    } catch {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error');
    }
  };
}
