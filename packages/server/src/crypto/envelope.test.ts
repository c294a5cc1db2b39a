import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessLayer } from '../access/access-layer.js';
import { systemActor } from '../access/actor.js';
import { createPracticeFixture } from '../test-support/fixtures.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { decryptText, encryptText, keyVersionOf } from './envelope.js';
import { KeyRing } from './key-ring.js';
import { masterKeyFromBytes } from './master-key.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('envelope encryption', () => {
  it('round-trips text under the practice data key and stores a versioned ciphertext', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const out = await t.ctx.access.run(systemActor(practiceId), async (tx) => {
      const stored = await tx.encrypt('clinical', 'test:1', 'I dreamt of the sea again.');
      return { stored, back: await tx.decrypt('test:1', stored) };
    });
    expect(out.stored).toMatch(/^uc1\.clinical\.1\./);
    expect(out.stored).not.toContain('sea');
    expect(out.back).toBe('I dreamt of the sea again.');
  });

  it('binds a ciphertext to its place: another record or another practice cannot decrypt it', async () => {
    const a = await createPracticeFixture(t.ctx);
    const b = await createPracticeFixture(t.ctx);
    const stored = await t.ctx.access.run(systemActor(a), (tx) => tx.encrypt('clinical', 'note:1', 'secret'));
    await expect(t.ctx.access.run(systemActor(a), (tx) => tx.decrypt('note:2', stored))).rejects.toThrow(/integrity/);
    await expect(t.ctx.access.run(systemActor(b), (tx) => tx.decrypt('note:1', stored))).rejects.toThrow();
  });

  it('detects a ciphertext altered at rest', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const stored = await t.ctx.access.run(systemActor(practiceId), (tx) => tx.encrypt('clinical', 'c', 'hello'));
    const raw = Buffer.from(stored.split('.')[3] ?? '', 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    const altered = `uc1.clinical.1.${raw.toString('base64')}`;
    await expect(t.ctx.access.run(systemActor(practiceId), (tx) => tx.decrypt('c', altered))).rejects.toThrow(
      /integrity/,
    );
  });

  it('a node forgets a data key whose creating transaction rolled back, so every node shares one key', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    // Node A's first encryption for this practice creates its data key, but the request then fails.
    await expect(
      t.ctx.access.run(systemActor(practiceId), async (tx) => {
        await tx.encrypt('clinical', 'draft:1', 'never kept');
        throw new Error('the request failed');
      }),
    ).rejects.toThrow('the request failed');
    // Node B (same database and master key, its own key ring) creates the key that is kept.
    const nodeB = new AccessLayer(t.ctx.pools, new KeyRing(t.master));
    const fromB = await nodeB.run(systemActor(practiceId), (tx) => tx.encrypt('clinical', 'note:1', 'written on B'));
    // Node A reads what B wrote, and what A writes now B can read (as can A after a restart).
    expect(await t.ctx.access.run(systemActor(practiceId), (tx) => tx.decrypt('note:1', fromB))).toBe('written on B');
    const fromA = await t.ctx.access.run(systemActor(practiceId), (tx) =>
      tx.encrypt('clinical', 'note:2', 'written on A'),
    );
    expect(await nodeB.run(systemActor(practiceId), (tx) => tx.decrypt('note:2', fromA))).toBe('written on A');
  });

  it('keeps process notes under a separate key series', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const stored = await t.ctx.access.run(systemActor(practiceId), (tx) => tx.encrypt('process', 'p', 'private'));
    expect(keyVersionOf(stored)).toEqual({ purpose: 'process', version: 1 });
    const keys = await t.ctx.access.run(systemActor(practiceId), (tx) =>
      tx.query<{ purpose: string }>('SELECT purpose FROM practice_keys ORDER BY purpose'),
    );
    expect(keys.rows.map((r) => r.purpose)).toEqual(['process']);
  });

  it('after a data-key rotation new text uses the new key and old text still decrypts', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const keys = t.ctx.access.keys;
    const result = await t.ctx.access.run(systemActor(practiceId), async (tx) => {
      const before = await tx.encrypt('clinical', 'r', 'before rotation');
      await keys.rotate(tx.client, practiceId, 'clinical');
      const after = await tx.encrypt('clinical', 'r', 'after rotation');
      return { before, after, readBefore: await tx.decrypt('r', before), readAfter: await tx.decrypt('r', after) };
    });
    expect(keyVersionOf(result.before)?.version).toBe(1);
    expect(keyVersionOf(result.after)?.version).toBe(2);
    expect(result.readBefore).toBe('before rotation');
    expect(result.readAfter).toBe('after rotation');
  });

  it('after a master-key rewrap, a key ring holding only the new master key reads everything', async () => {
    const practiceId = await createPracticeFixture(t.ctx);
    const next = masterKeyFromBytes(crypto.randomBytes(32));
    const stored = await t.ctx.access.run(systemActor(practiceId), async (tx) => {
      const s = await encryptText(t.ctx.access.keys, tx.client, practiceId, 'clinical', 'm', 'rewrapped');
      await t.ctx.access.keys.rewrap(tx.client, practiceId, next);
      return s;
    });
    const fresh = new KeyRing(next);
    const read = await t.ctx.access.run(systemActor(practiceId), (tx) =>
      decryptText(fresh, tx.client, practiceId, 'm', stored),
    );
    expect(read).toBe('rewrapped');
    const wrong = new KeyRing(masterKeyFromBytes(crypto.randomBytes(32)));
    await expect(
      t.ctx.access.run(systemActor(practiceId), (tx) => decryptText(wrong, tx.client, practiceId, 'm', stored)),
    ).rejects.toThrow(/master key does not match/);
  });
});
