import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, SETTINGS } from './config.js';

describe('configuration', () => {
  it('has safe defaults with no environment at all', () => {
    const config = loadConfig({}, '/srv/uc');
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      publicUrl: 'http://localhost:8080',
      dataDir: '/srv/uc/data',
      databaseUrl: undefined,
      staffIdleMinutes: 30,
      sessionAbsoluteHours: 12,
      demo: false,
    });
  });

  it('explains a bad value instead of starting with it', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be a whole number/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/postgres:\/\//);
    expect(() => loadConfig({ UNDERCURRENT_PUBLIC_URL: 'ftp://x' })).toThrow(/http\(s\)/);
    expect(() => loadConfig({ SMTP_URL: 'http://x' })).toThrow(/smtp:\/\//);
  });

  it('documents every setting in the README', () => {
    const readme = fs.readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    for (const setting of SETTINGS) expect(readme, setting.env).toContain(`\`${setting.env}\``);
  });
});
