#!/usr/bin/env node
import { runCli } from './run-cli.js';

/** `undercurrent <command>` (npm run cli -- <command>): the admin CLI. See `help`. */
process.exit(await runCli(process.argv.slice(2)));
