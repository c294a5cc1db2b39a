#!/usr/bin/env node
// Writes a Brotli (.br) and a gzip (.gz) copy beside each script, stylesheet and SVG of the build, so
// the server sends the compressed copy to browsers that accept it (@fastify/static preCompressed) and
// never compresses on the request path. Runs at the end of `npm run build -w @undercurrent/web`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const assets = path.join(path.dirname(fileURLToPath(import.meta.url)), 'dist/assets');
let written = 0;
for (const name of fs.readdirSync(assets)) {
  if (!/\.(js|css|svg)$/.test(name)) continue;
  const file = path.join(assets, name);
  const bytes = fs.readFileSync(file);
  fs.writeFileSync(
    `${file}.br`,
    brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }),
  );
  fs.writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
  written += 1;
}
console.log(`precompressed ${written} assets (.br, .gz)`);
