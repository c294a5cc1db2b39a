import { ConfigError, loadConfig } from '../config.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { createLogger, openCore } from '../runtime.js';
import { DemoRefusedError, prepareDemo, signInDetails } from './prepare-demo.js';

/**
 * `npm run demo`: prepares the demo practice (seeding it on first start, refusing a database that
 * holds a real practice), prints how to sign in, then starts the server as `npm start` does.
 * `npm run demo -- --prepare-only` seeds (or checks) the demo practice and stops without serving.
 */
process.env.UNDERCURRENT_DEMO = '1';

async function prepare(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`The Undercurrent demo cannot start: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  let core;
  try {
    core = await openCore(config, createLogger(config));
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(3);
    }
    console.error(`The Undercurrent demo could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  try {
    const { seeded } = await prepareDemo(core.ctx);
    console.log(signInDetails(config.publicUrl, seeded));
  } catch (error) {
    await core.close();
    if (error instanceof DemoRefusedError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  await core.close();
}

await prepare();
if (!process.argv.includes('--prepare-only')) await import('../main.js');
