// Compile-time test of pkg/schema.d.ts, edge.d.ts and locales.d.ts (never executed): intake schemas are
// assignable to the Standard Schema spec's own type (@standard-schema/spec), outputs are inferred, misuse rejected.
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { createHandler, problem, toNodeListener, type Cleaned, type Problem } from 'intake/edge';
import { addLocale, direction, localize, message, resolveLocale } from 'intake/locales';
import { schema } from 'intake/schema';

const email = schema.email({ allowUnknownTld: true });
const phone = schema.phone({ defaultRegion: 'IR', optional: true });
const contact = schema.object({ email, phone, country: schema.country({ optional: true }) });

const asSpec: StandardSchemaV1<string, string> = email;
const recordSpec: StandardSchemaV1<Record<string, unknown>, { email: string; phone: string | undefined; country: string | undefined }> = contact;
void asSpec;
void recordSpec;

type Output = StandardSchemaV1.InferOutput<typeof contact>;
const out: Output = { email: 'a@b.co', phone: undefined, country: 'IR' };
// @ts-expect-error email is required in the output
const missing: Output = { phone: undefined, country: undefined };
void out;
void missing;

// The issue-5 fields take their validators' options and infer string outputs.
const person = schema.object({
  first: schema.name({ part: 'given', keys: false }), company: schema.company({ website: 'acme.io' }),
  web: schema.website({ optional: true }), street: schema.address({ country: 'GB' }), zip: schema.postcode({ country: 'GB' }),
});
const personOut: StandardSchemaV1.InferOutput<typeof person> = { first: 'A', company: 'B', web: undefined, street: 'C', zip: 'D' };
void personOut;
// @ts-expect-error a name's part is one of the NamePart values
schema.name({ part: 'surname' });

const handler = createHandler(contact, {
  maxBytes: 1024,
  onValid: (value, { changes, warnings }) => {
    const e: string = value.email;
    void e;
    void changes;
    void warnings;
  },
});
const listener = toNodeListener(handler);
void listener;
const p: Problem = { type: 'about:blank', title: 't', status: 422, detail: '', issues: [] };
const c: Cleaned<Output> = { value: out, changes: {}, warnings: [] };
void p;
void c;
void problem(422, [], { locale: 'fa' });

addLocale('de', { messages: { 'email.domain_typo': 'Meinten Sie {suggestion}?' }, fallback: 'en' });
const dir: 'ltr' | 'rtl' = direction(resolveLocale(['fa-IR']));
void dir;
const m: string = message('input.too_long', 'fa', { max: '10' });
void m;
void localize({ code: 'input.empty', params: {} }, 'ar').message;
// @ts-expect-error dir is ltr or rtl
addLocale('xx', { dir: 'up' });

// intake/form
import { bindForm, type BoundForm } from 'intake/form';
declare const formElement: HTMLFormElement;
const bound: BoundForm = bindForm(formElement, { phoneRegion: 'IR', locale: 'fa', fields: { mobile: 'phone', vat: (value) => ({ valid: value !== '', value, issues: [] }) } });
const worst: number = bound.stats().worstMs;
void worst;
// @ts-expect-error not a field kind
bindForm(formElement, { fields: { x: 'iban' } });
