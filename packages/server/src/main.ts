import { ConfigError, loadConfig } from './config.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { startUndercurrent } from './runtime.js';

/** `npm start`: the product on one machine. SIGINT/SIGTERM stop everything cleanly. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Undercurrent cannot start: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  let running;
  try {
    running = await startUndercurrent(config);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(3);
    }
    console.error(`Undercurrent could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const shutdown = (signal: string) => {
    console.log(`\n${signal} received: stopping Undercurrent…`);
    running
      .stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error('Undercurrent did not stop cleanly:', error);
        process.exit(1);
      });
  };
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

await main();
