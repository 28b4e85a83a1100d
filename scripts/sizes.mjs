// Prints raw / gzip / brotli sizes of the given files (the numbers the README and issues quote).
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const kb = (n) => (n / 1024).toFixed(1) + ' KB';
for (const file of process.argv.slice(2)) {
  const bytes = readFileSync(file);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const brotli = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
  console.log(`${file}: raw ${kb(bytes.length)}, gzip ${kb(gzip)}, brotli ${kb(brotli)}`);
}
