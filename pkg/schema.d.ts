// Types for `intake/schema`: Standard Schema v1 (`@standard-schema/spec`) over intake's validators. The interface
// is restated here (structurally identical to StandardSchemaV1) so that the package has no runtime or type dependency.
import type {
  AddressOptions, AddressResult, CompanyOptions, CompanyResult, CountryResult, DateOptions, DateResult, EmailOptions,
  EmailResult, NameOptions, NameResult, PhoneOptions, PhoneResult, PostcodeOptions, PostcodeResult, RecordChange,
  RecordIssue, RecordResult, RuleSet, Severity, WebsiteOptions, WebsiteResult,
} from './index.js';

export interface StandardIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

/** An intake issue as a Standard Schema issue: message and key path, plus intake's code, severity and params. */
export interface SchemaIssue extends StandardIssue {
  readonly path: ReadonlyArray<PropertyKey>;
  readonly code: string;
  readonly severity: Severity;
  readonly params: Record<string, string>;
}

export type StandardResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<SchemaIssue> };

export interface StandardSchema<Input = unknown, Output = Input> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    /** Synchronous once `init()` has resolved; a promise before (it awaits init). */
    readonly validate: (value: unknown) => StandardResult<Output> | Promise<StandardResult<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}

export interface FieldSchemaOptions {
  /** Empty input (undefined, null, whitespace) passes, with the output undefined. Default false. */
  optional?: boolean;
  /** 'error': warnings (typo suggestions, disposable domains ...) fail validation too. Default 'ignore'. */
  warnings?: 'ignore' | 'error';
  /** Language of messages: en, fa, ar, zh or any language added with intake/locales. */
  locale?: string;
}

/** What a field check returns: the output, the validator's full result (null when empty and optional), issues. */
export interface FieldCheck<R> { value: unknown; result: R | null; issues: SchemaIssue[] }

export interface FieldSchema<R = unknown, Output = string> extends StandardSchema<string, Output> {
  /** The check at a key path, in a locale (what object schemas call). */
  check(value: unknown, path: PropertyKey[], locale?: string): FieldCheck<R>;
}

type Out<O, D> = O extends { optional: true } ? D | undefined : D;

export function field<R extends { value: string }, O extends FieldSchemaOptions & Record<string, unknown>>(
  validator: (input: string, options?: any) => R, options?: O & { output?: keyof R | ((result: R) => unknown) },
): FieldSchema<R, Out<O, string>>;
export function email<O extends FieldSchemaOptions & Omit<EmailOptions, 'locale'>>(options?: O): FieldSchema<EmailResult, Out<O, string>>;
export function phone<O extends FieldSchemaOptions & Omit<PhoneOptions, 'locale'>>(options?: O): FieldSchema<PhoneResult, Out<O, string>>;
export function country<O extends FieldSchemaOptions>(options?: O): FieldSchema<CountryResult, Out<O, string>>;
export function date<O extends FieldSchemaOptions & Omit<DateOptions, 'locale'>>(options?: O): FieldSchema<DateResult, Out<O, string>>;
export function name<O extends FieldSchemaOptions & Omit<NameOptions, 'locale'>>(options?: O): FieldSchema<NameResult, Out<O, string>>;
export function company<O extends FieldSchemaOptions & Omit<CompanyOptions, 'locale'>>(options?: O): FieldSchema<CompanyResult, Out<O, string>>;
export function website<O extends FieldSchemaOptions & Omit<WebsiteOptions, 'locale'>>(options?: O): FieldSchema<WebsiteResult, Out<O, string>>;
export function address<O extends FieldSchemaOptions & Omit<AddressOptions, 'locale'>>(options?: O): FieldSchema<AddressResult, Out<O, string>>;
export function postcode<O extends FieldSchemaOptions & Omit<PostcodeOptions, 'locale'>>(options?: O): FieldSchema<PostcodeResult, Out<O, string>>;

type OutputOf<S> = S extends StandardSchema<any, infer O> ? O : never;

export interface ObjectDetails<Output> {
  value: Output | undefined;
  /** Each field's full intake result (changes, warnings, suggestion ...), nested for nested objects. */
  results: Record<string, unknown>;
  issues: SchemaIssue[];
}

export interface ObjectSchema<Shape extends Record<string, StandardSchema<any, any>>>
  extends StandardSchema<Record<string, unknown>, { [K in keyof Shape]: OutputOf<Shape[K]> }> {
  readonly shape: Shape;
  details(value: unknown, options?: { locale?: string }):
    ObjectDetails<{ [K in keyof Shape]: OutputOf<Shape[K]> }> | Promise<ObjectDetails<{ [K in keyof Shape]: OutputOf<Shape[K]> }>>;
  check(value: unknown, path: PropertyKey[], locale?: string): ObjectDetails<{ [K in keyof Shape]: OutputOf<Shape[K]> }>;
}

/** A record schema: one schema per key; keys without one are dropped unless `unknownKeys: 'keep'`. */
export function object<Shape extends Record<string, StandardSchema<any, any>>>(
  shape: Shape, options?: { unknownKeys?: 'strip' | 'keep'; locale?: string },
): ObjectSchema<Shape>;

/** A record schema from an intake rule set (createRecordValidator); issues are those the policies make blocking. */
export function rules(ruleSet?: RuleSet | string, options?: { locale?: string }): RulesSchema;

export interface RulesSchema extends StandardSchema<Record<string, unknown>, Record<string, string>> {
  /** The standardized record, per-field changes and issues, the blocking issues and the full RecordResult. */
  details(value: unknown, options?: { locale?: string }):
    RulesDetails | Promise<RulesDetails>;
  check(value: unknown, path: PropertyKey[], locale?: string): RulesDetails;
}

export interface RulesDetails {
  value: Record<string, string> | undefined;
  results: Record<string, { changes: RecordChange[]; issues: RecordIssue[] }>;
  issues: SchemaIssue[];
  record?: RecordResult;
}

export const schema: {
  field: typeof field; email: typeof email; phone: typeof phone; country: typeof country; date: typeof date;
  name: typeof name; company: typeof company; website: typeof website; address: typeof address; postcode: typeof postcode;
  object: typeof object; rules: typeof rules;
};
