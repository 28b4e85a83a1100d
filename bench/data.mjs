// Helpers for the shared data set in ../shared/data (relative to the repository root; never copied into the repo).
// Everything here degrades to `null` plus a plain notice when the data is not present.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CsvParser } from '../pkg/csv.js';

/** Repository root (this file lives in <root>/bench). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The shared data directory, `../shared/data` from the repository root. */
export const DATA_DIR = join(ROOT, '..', 'shared', 'data');
export const CONTACTS_10K = join(DATA_DIR, 'contacts_10k.csv');

/** Parses a CSV file from disk into objects keyed by header, or null (with a notice) when it is missing. */
export function loadCsvObjects(path, { notice = console.log } = {}) {
  if (!existsSync(path)) {
    notice(`notice: ${path} not found; skipping (see ../shared/data/README.md)`);
    return null;
  }
  const text = readFileSync(path, 'utf8');
  const p = new CsvParser();
  const rows = [...p.push(text), ...p.end()];
  if (rows.length === 0) return [];
  const header = rows[0].fields;
  return rows.slice(1).map(({ fields }) => {
    const o = {};
    header.forEach((h, i) => {
      o[h] = fields[i] ?? '';
    });
    return o;
  });
}

/**
 * The email column of contacts_10k.csv (empty cells dropped): real-looking, "clean-ish" inputs with some case,
 * whitespace and domain-typo corruptions in duplicates. Null when the file is missing.
 */
export function loadContactEmails(options = {}) {
  const rows = loadCsvObjects(CONTACTS_10K, options);
  if (!rows) return null;
  return rows.map((r) => r.email).filter((e) => e !== undefined && e !== '');
}
