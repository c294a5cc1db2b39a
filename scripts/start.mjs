#!/usr/bin/env node
// `npm start` (and `npm run demo`): build what is missing or out of date, then run the server in this
// process, so signals from the terminal or a supervisor reach it directly.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildIfNeeded, root } from './build-if-needed.mjs';

const demo = process.argv.includes('--demo');
buildIfNeeded({ web: true });
if (demo) {
  process.env.UNDERCURRENT_DEMO = '1';
  process.env.UNDERCURRENT_DATA_DIR ??= path.join(root, 'demo-data');
}
// Demo mode first seeds the demo practice (on first start) and prints how to sign in.
const entry = demo ? 'packages/server/dist/demo/main.js' : 'packages/server/dist/main.js';
await import(pathToFileURL(path.join(root, entry)).href);
