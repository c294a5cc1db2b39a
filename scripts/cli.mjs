#!/usr/bin/env node
// `npm run cli -- <command>`: the Undercurrent admin CLI (compiles the server first when needed).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildIfNeeded, root } from './build-if-needed.mjs';

buildIfNeeded({ web: false });
// The CLI reads process.argv.slice(2): the same arguments this script was given.
await import(pathToFileURL(path.join(root, 'packages/server/dist/cli/main.js')).href);
