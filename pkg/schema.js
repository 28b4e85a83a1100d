// Standard Schema v1 (https://standardschema.dev, `@standard-schema/spec`) for intake's validators, so form and API
// libraries that speak it (react-hook-form's standardSchemaResolver, TanStack Form, tRPC, ...) use them with no
// adapter:
//
//   import { schema } from 'intake/schema';
//   const contact = schema.object({ email: schema.email(), phone: schema.phone({ defaultRegion: 'IR', optional: true }) });
//   const r = await contact['~standard'].validate({ email: ' Ali@Example.com ', phone: '۰۹۱۲ ۳۴۵ ۶۷۸۹' });
//   r.value   // { email: 'Ali@example.com', phone: '+989123456789' }   (standardized values)
//   r.issues  // absent; otherwise [{ message, path: ['email'], code, severity, params }]
//
// `validate` is synchronous once `init()` has resolved and returns a promise before (it awaits init first).
// Only errors fail validation; warnings (a typo suggestion, a disposable domain) are reported with `warnings:
// 'error'`. Messages come in `locale` (any language added with intake/locales too).
import * as intake from './index.js';
import { message as localeMessage } from './locales.js';

const VENDOR = 'intake';

/** A Standard Schema object around `run(value) -> { value } | { issues }`. */
function standard(run, extra) {
  const std = {
    version: 1,
    vendor: VENDOR,
    validate(value) {
      if (intake.isReady()) return run(value);
      return intake.init().then(() => run(value));
    },
  };
  return Object.assign({ '~standard': std }, extra);
}

function isBuiltin(locale) {
  return locale === undefined || locale === 'en' || locale === 'fa' || locale === 'ar' || locale === 'zh';
}

/** A Standard Schema issue from an intake issue: `path` as a key list, the intake fields kept beside it. */
function toStandardIssue(issue, path, locale) {
  const msg = isBuiltin(locale) ? issue.message : localeMessage(issue.code, locale, issue.params);
  return { message: msg, path, code: issue.code, severity: issue.severity, params: issue.params };
}

function failing(result, warnings) {
  return result.issues.filter((i) => i.severity === 'error' || warnings === 'error');
}

function isEmpty(value) {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** The output of one field: its standardized value, or the `output` option's pick from the result. */
function fieldOutput(result, output) {
  if (typeof output === 'function') return output(result);
  if (typeof output === 'string') return result[output];
  return result.value;
}

/**
 * A single-field schema around a validator `(input, options) -> result` of the intake result model.
 * Options: the validator's own, plus `locale`, `optional` (empty input passes as undefined), `warnings`
 * ('ignore' | 'error'), `output` (a result key such as 'e164', or a function of the result).
 */
export function field(validator, options = {}) {
  const { optional = false, warnings = 'ignore', output, locale: ownLocale, ...validatorOptions } = options;
  // `locale` at check time (an edge handler's Accept-Language) wins over the schema's own.
  const check = (value, path, locale = ownLocale) => {
    if (optional && isEmpty(value)) return { value: undefined, result: null, issues: [] };
    const coreLocale = isBuiltin(locale) ? locale : 'en';
    const result = validator(value, { ...validatorOptions, locale: coreLocale, path: path.join('.') || validatorOptions.path });
    const issues = failing(result, warnings).map((i) => toStandardIssue(i, path, locale));
    return { value: fieldOutput(result, output), result, issues };
  };
  return standard((value) => {
    const { value: out, issues } = check(value, []);
    return issues.length ? { issues } : { value: out };
  }, { check, intake: { kind: 'field', options } });
}

export const email = (options) => field(intake.validateEmail, options);
export const phone = (options) => field(intake.validatePhone, options);
export const country = (options) => field(intake.validateCountry, options);
export const date = (options) => field(intake.validateDate, options);
export const name = (options) => field(intake.validateName, options);
export const company = (options) => field(intake.validateCompany, options);
export const website = (options) => field(intake.validateWebsite, options);
export const address = (options) => field(intake.validateAddress, options);
export const postcode = (options) => field(intake.validatePostcode, options);

/** The result of a record schema given something other than an object. */
function notObject(value, path, locale) {
  const params = { type: value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value };
  return { value: undefined, results: {}, issues: [{ message: localeMessage('form.not_object', locale ?? 'en', params), path, code: 'form.not_object', severity: 'error', params }] };
}

/** An intake-or-not Standard Schema's result for a value at `path` (prefixing its issues' paths). */
function checkAny(s, value, path, locale) {
  if (typeof s.check === 'function') return s.check(value, path, locale);
  const r = s['~standard'].validate(value);
  if (r && typeof r.then === 'function') throw new TypeError('intake: schema.object takes synchronous schemas only');
  if (!r.issues) return { value: r.value, issues: [] };
  return {
    value: undefined,
    issues: r.issues.map((i) => ({ ...i, path: [...path, ...(i.path ?? []).map((k) => (typeof k === 'object' ? k.key : k))] })),
  };
}

/**
 * A record schema: one schema per key (intake fields, nested objects, or any synchronous Standard Schema).
 * The output holds each field's standardized value; keys without a schema are dropped unless
 * `unknownKeys: 'keep'`. Issues carry their key path. `details` (on the schema) also returns every field's
 * full intake result, for callers that want changes and warnings.
 */
export function object(shape, { unknownKeys = 'strip', locale: ownLocale } = {}) {
  const keys = Object.keys(shape);
  const check = (value, path, locale = ownLocale) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return notObject(value, path, locale);
    const out = unknownKeys === 'keep' ? { ...value } : {};
    const results = {};
    const issues = [];
    for (const key of keys) {
      const r = checkAny(shape[key], value[key], [...path, key], locale);
      issues.push(...r.issues);
      if (r.result !== undefined) results[key] = r.result;
      else if (r.results !== undefined) results[key] = r.results;
      if (r.value !== undefined) out[key] = r.value;
      else delete out[key];
    }
    return { value: out, results, issues };
  };
  const run = (value) => {
    const { value: out, issues } = check(value, []);
    return issues.length ? { issues } : { value: out };
  };
  return standard(run, {
    check,
    shape,
    intake: { kind: 'object' },
    /**
     * `{ value, results, issues }`: like validate, plus every field's full intake result (changes, warnings,
     * suggestion ...) under its key; `locale` overrides the schema's.
     */
    details(value, { locale } = {}) {
      if (!intake.isReady()) return intake.init().then(() => check(value, [], locale ?? ownLocale));
      return check(value, [], locale ?? ownLocale);
    },
  });
}

/**
 * A record schema from an intake rule set (`createRecordValidator`, docs/quality.md): the output is the
 * standardized record, the issues those the rule set's policies make blocking, each at its field's path.
 * `details(value)` also gives each field's changes and issues (the edge handler reports them).
 */
export function rules(ruleSet = {}, { locale: ownLocale } = {}) {
  // Compiled on first use (after init) and kept: the rule set's own locale keeps deciding date order; a `locale`
  // here or at check time only changes the language messages are written in.
  let validator = null;
  const check = (value, path, locale = ownLocale) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return notObject(value, path, locale);
    validator ??= intake.createRecordValidator(ruleSet);
    const r = validator.validateMany([value], { report: false })[0];
    if (locale !== undefined) for (const i of r.issues) i.message = localeMessage(i.code, locale, i.params);
    const results = {};
    const at = (field) => (results[field] ??= { changes: [], issues: [] });
    for (const c of r.changes) at(c.field).changes.push(c);
    for (const i of r.issues) at(i.path).issues.push(i);
    const issues = r.issues.filter((i) => i.blocking).map((i) => toStandardIssue(i, [...path, ...(i.path ? i.path.split('.') : [])], 'en'));
    return { value: r.record, results, issues, record: r };
  };
  return standard((value) => {
    const { value: out, issues } = check(value, []);
    return issues.length ? { issues } : { value: out };
  }, {
    check,
    intake: { kind: 'rules' },
    details(value, { locale } = {}) {
      if (!intake.isReady()) return intake.init().then(() => check(value, [], locale ?? ownLocale));
      return check(value, [], locale ?? ownLocale);
    },
  });
}

export const schema = { field, email, phone, country, date, name, company, website, address, postcode, object, rules };
