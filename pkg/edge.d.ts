// Types for `intake/edge`: a fetch-style handler for Workers, Deno and Node.
import type { Change, Issue } from './index.js';
import type { StandardSchema } from './schema.js';

export const PROBLEM_TYPES: { readonly invalid: 'urn:intake:problem:invalid-record'; readonly body: 'urn:intake:problem:unreadable-body' };

/** The body of a 4xx response (RFC 9457 problem details), with intake's typed issues. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  issues: Array<Pick<Issue, 'code' | 'path' | 'severity' | 'message' | 'params'>>;
}

/** The body of a 200 response. */
export interface Cleaned<Output> {
  value: Output;
  /** Changes per field path (fields that changed only). */
  changes: Record<string, Change[]>;
  /** Warnings (typo suggestions, disposable domains ...) that did not refuse the record. */
  warnings: Issue[];
}

export interface HandlerOptions<Output> {
  /** What `init` takes; in Cloudflare Workers the imported `intake/intake_bg.wasm` module. */
  wasm?: unknown;
  /** Language of messages; default the best match of the request's Accept-Language. */
  locale?: string;
  /** Body byte cap; default 65536. */
  maxBytes?: number;
  /** Called with the cleaned record; a Response it returns is sent instead of the default 200 JSON. */
  onValid?: (value: Output, context: { request: Request; changes: Record<string, Change[]>; warnings: Issue[]; locale: string }) =>
    Response | void | Promise<Response | void>;
}

export type Handler = ((request: Request, ...rest: unknown[]) => Promise<Response>) & { maxBytes: number };

export function createHandler<Output>(schema: StandardSchema<any, Output>, options?: HandlerOptions<Output>): Handler;
/** A problem+json Response. */
export function problem(status: number, issues: Problem['issues'],
  options?: { locale?: string; type?: string; headers?: Record<string, string>; detail?: string }): Response;
/** The request body as fields (JSON, urlencoded or multipart), or the problem Response refusing it. */
export function readFields(request: Request, options?: { maxBytes?: number; locale?: string }):
  Promise<{ fields: unknown; response?: undefined } | { fields?: undefined; response: Response }>;
/** A node:http request listener (`http.createServer(toNodeListener(handler))`) around a fetch-style handler. */
export function toNodeListener(handler: (request: Request) => Promise<Response>, options?: { maxBytes?: number }):
  (req: any, res: any) => Promise<void>;
