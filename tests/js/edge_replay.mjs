// Replays tests/fixtures/edge/cases.json against an edge handler, wherever it runs: `send(request)` returns the
// Response (the handler called in process, or a fetch to a Deno / Node / workerd server). Runtime-neutral.

/** The Request a fixture case describes, for the server at `base`. */
export function caseRequest(c, base = 'http://intake.test') {
  const init = { method: c.method, headers: c.headers };
  if (c.body !== undefined) init.body = c.body + ' '.repeat(c.pad ?? 0);
  return new Request(`${base}/contact`, init);
}

const pair = (path, x) => `${path} ${x}`;

/** What differs between a case's expectation and the response (empty when it matches). */
export async function checkEdgeResponse(c, res) {
  const e = c.expect;
  const bad = [];
  const text = await res.text();
  let body;
  try { body = JSON.parse(text); } catch { return [`body is not JSON: ${text.slice(0, 200)}`]; }
  const type = (res.headers.get('content-type') ?? '').split(';')[0];
  if (res.status !== e.status) bad.push(`status ${res.status}, want ${e.status}: ${text.slice(0, 300)}`);
  if (type !== e.type) bad.push(`content-type ${type}, want ${e.type}`);
  if (res.headers.get('content-language') !== e.language) bad.push(`content-language ${res.headers.get('content-language')}, want ${e.language}`);
  if (e.allow !== undefined && res.headers.get('allow') !== e.allow) bad.push(`allow ${res.headers.get('allow')}, want ${e.allow}`);
  const issues = (body.issues ?? []).map((i) => pair(i.path, i.code));
  if (JSON.stringify(issues) !== JSON.stringify(e.issues)) bad.push(`issues ${JSON.stringify(issues)}, want ${JSON.stringify(e.issues)}`);
  if (e.status >= 400) {
    if (body.status !== e.status) bad.push(`problem status ${body.status}`);
    if (e.problem !== undefined && body.type !== e.problem) bad.push(`problem type ${body.type}, want ${e.problem}`);
    for (const i of body.issues ?? []) {
      if (typeof i.message !== 'string' || i.message === '' || i.message === i.code) bad.push(`issue ${i.code} has no message`);
    }
  }
  if (e.value !== undefined && JSON.stringify(body.value) !== JSON.stringify(e.value)) {
    bad.push(`value ${JSON.stringify(body.value)}, want ${JSON.stringify(e.value)}`);
  }
  if (e.changes !== undefined) {
    const changes = Object.entries(body.changes ?? {}).flatMap(([path, list]) => list.map((ch) => pair(path, ch.kind)));
    if (JSON.stringify(changes) !== JSON.stringify(e.changes)) bad.push(`changes ${JSON.stringify(changes)}, want ${JSON.stringify(e.changes)}`);
  }
  if (e.warnings !== undefined) {
    const warnings = (body.warnings ?? []).map((i) => pair(i.path, i.code));
    if (JSON.stringify(warnings) !== JSON.stringify(e.warnings)) bad.push(`warnings ${JSON.stringify(warnings)}, want ${JSON.stringify(e.warnings)}`);
  }
  if (e.messageIncludes !== undefined) {
    const messages = [...(body.issues ?? []), ...(body.warnings ?? [])].map((i) => i.message);
    if (!messages.some((m) => m.includes(e.messageIncludes))) bad.push(`no message includes ${JSON.stringify(e.messageIncludes)}: ${JSON.stringify(messages)}`);
  }
  return bad;
}

/** `{ total, failures: [{ name, problems }] }` for every case of the fixture text. */
export async function replayEdgeCases(send, fixtureText, base) {
  const { cases } = JSON.parse(fixtureText);
  const failures = [];
  for (const c of cases) {
    let problems;
    try {
      problems = await checkEdgeResponse(c, await send(caseRequest(c, base)));
    } catch (err) {
      problems = [`threw: ${err?.stack ?? err}`];
    }
    if (problems.length) failures.push({ name: c.name, problems });
  }
  return { total: cases.length, failures };
}
