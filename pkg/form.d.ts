// Types for `intake/form`: a plain <form> bound to the constraint-validation API.
import type { Issue } from './index.js';

export type FieldKind = 'email' | 'phone' | 'country' | 'date' | 'name' | 'company' | 'website' | 'address' | 'postcode';

/** Any intake-style result: what the form reads from it. */
export interface FieldResult { valid: boolean; value: string; issues: Issue[]; suggestion?: string | null }

export interface BindOptions {
  /** Per input name: a kind, or a validator of the intake result model. */
  fields?: Record<string, FieldKind | ((value: string, options: { locale: string; path: string }) => FieldResult)>;
  /** Language of messages; default the nearest lang attribute. Languages added with intake/locales work too. */
  locale?: string;
  /** Default region of phone numbers (ISO alpha-2). */
  phoneRegion?: string;
  /** Format phone inputs as they are typed. Default true. */
  formatPhones?: boolean;
  /** 'inline': a message element after each input (default); 'none': only setCustomValidity. */
  messages?: 'inline' | 'none';
}

export interface BoundForm {
  check(name?: string): boolean;
  results(): Record<string, FieldResult | null>;
  setLocale(tag: string): void;
  /** Every keystroke handler's time so far, in ms. */
  timings(): number[];
  stats(): { calls: number; worstMs: number; medianMs: number };
  destroy(): void;
}

export function bindForm(form: HTMLFormElement, options?: BindOptions): BoundForm;
