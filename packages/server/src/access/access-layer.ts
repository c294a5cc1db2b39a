import { createHash } from 'node:crypto';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { AuditInput } from '../audit/audit-event.js';
import { decryptText, sealText } from '../crypto/envelope.js';
import type { DataKey, KeyPurpose, KeyRing } from '../crypto/key-ring.js';
import { schema, type Role } from '../db/schema.js';
import type { Pools } from '../db/pool.js';
import { hasRole, type Actor } from './actor.js';
import { AccessDeniedError } from './errors.js';

/**
 * The one way routes reach tenant tables. `run` opens a transaction, scopes it to the actor's
 * practice (row-level security reads `app.practice_id`), user and roles, hands the work a
 * `Scoped` handle, writes the audit events the work recorded in the same transaction, and commits.
 * On a denial it rolls back and records the denial in a transaction of its own; on any other
 * failure the recorded events are kept with outcome "failure".
 */
export type Db = NodePgDatabase<typeof schema>;

export class Scoped {
  readonly events: AuditInput[] = [];
  private drizzleDb: Db | undefined;
  private readonly activeKeys = new Map<KeyPurpose, { key: Promise<DataKey>; rotations: number }>();

  constructor(
    readonly client: pg.PoolClient,
    readonly actor: Actor,
    private readonly keys: KeyRing,
  ) {}

  /** A typed Drizzle handle on this transaction, built on first use (building it costs CPU on every request). */
  get db(): Db {
    this.drizzleDb ??= drizzle({ client: this.client, schema });
    return this.drizzleDb;
  }

  /**
   * A parameterised query runs as a named prepared statement, so PostgreSQL parses and plans it once
   * per connection rather than on every request (planning the row-level-security predicates costs more
   * than running the query). Statements without parameters go as they are.
   */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]) {
    if (values === undefined) return this.client.query<R>(text);
    const name = preparedName(text);
    return name ? this.client.query<R>({ name, text, values }) : this.client.query<R>(text, values);
  }

  audit(event: AuditInput): void {
    this.events.push(event);
  }

  /** Refuses the request: nothing it did is kept; the denial itself is audited. */
  deny(message: string, event: AuditInput, statusCode = 403): never {
    throw new AccessDeniedError(message, { ...event, outcome: 'denied' }, statusCode);
  }

  requireRole(roles: Role[], event: AuditInput): void {
    if (!hasRole(this.actor, ...roles)) {
      this.deny('You do not have permission to do that.', event);
    }
  }

  /**
   * The active data key is looked up once per transaction and purpose, not once per value: a journal
   * save seals three texts, and each lookup is a round trip. A rotation through this process's key ring
   * (the CLI's, in the same transaction) makes it ask again.
   */
  async encrypt(purpose: KeyPurpose, context: string, plaintext: string): Promise<string> {
    let held = this.activeKeys.get(purpose);
    if (!held || held.rotations !== this.keys.rotations) {
      const key = this.keys.active(this.client, this.actor.practiceId, purpose);
      held = { key, rotations: this.keys.rotations };
      this.activeKeys.set(purpose, held);
      key.catch(() => this.activeKeys.delete(purpose));
    }
    return sealText(await held.key, this.actor.practiceId, purpose, context, plaintext);
  }

  decrypt(context: string, stored: string): Promise<string> {
    return decryptText(this.keys, this.client, this.actor.practiceId, context, stored);
  }
}

const preparedNames = new Map<string, string>();
const MAX_PREPARED = 1000;

/** A stable name per distinct statement text; beyond MAX_PREPARED texts (dynamic SQL), none. */
function preparedName(text: string): string | undefined {
  const known = preparedNames.get(text);
  if (known) return known;
  if (preparedNames.size >= MAX_PREPARED || text.length > 8000) return undefined;
  const name = `uc_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
  preparedNames.set(text, name);
  return name;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class AccessLayer {
  constructor(
    private readonly pools: Pools,
    readonly keys: KeyRing,
  ) {}

  async run<T>(actor: Actor, work: (tx: Scoped) => Promise<T>): Promise<T> {
    if (!UUID.test(actor.practiceId)) throw new Error('The access layer needs a practice id to scope to.');
    const client = await this.pools.app.connect();
    let scoped: Scoped | undefined;
    try {
      await client.query(`BEGIN; ${scopeStatement(client, actor)}`);
      scoped = new Scoped(client, actor, this.keys);
      const result = await work(scoped);
      // The audit rows and the commit travel in one round trip (see auditInsertStatement).
      await client.query(`${auditInsertStatement(client, actor, scoped.events)}COMMIT`);
      client.release();
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      // Give the connection back before recording, so a failing record can never starve the pool.
      client.release();
      const toRecord =
        error instanceof AccessDeniedError
          ? [error.event]
          : (scoped?.events ?? []).map((event) => ({ ...event, outcome: 'failure' as const }));
      // Best effort: a record that cannot be written (e.g. its practice was rolled back) must not hide the error.
      await this.recordOutside(actor, toRecord).catch(() => undefined);
      throw error;
    }
  }

  /**
   * One statement in its own scoped transaction, in a single round trip (BEGIN, scope, statement,
   * COMMIT sent together). For hot, read-mostly paths such as resolving the session cookie. The
   * statement must be built with literal escaping (`client.escapeLiteral`); no parameters.
   */
  async oneShot<R extends pg.QueryResultRow>(actor: Actor, statement: (client: pg.PoolClient) => string): Promise<R[]> {
    if (!UUID.test(actor.practiceId)) throw new Error('The access layer needs a practice id to scope to.');
    const client = await this.pools.app.connect();
    try {
      const results = (await client.query(
        `BEGIN; ${scopeStatement(client, actor)} ${statement(client)}; COMMIT`,
      )) as unknown as pg.QueryResult<R>[];
      return results[2]?.rows ?? [];
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Records audit events in a transaction of their own (denials, failures, unauthenticated attempts). */
  async recordOutside(actor: Actor, events: AuditInput[]): Promise<void> {
    if (events.length === 0) return;
    const client = await this.pools.app.connect();
    try {
      await client.query(
        `BEGIN; ${scopeStatement(client, actor)} ${auditInsertStatement(client, actor, events)}COMMIT`,
      );
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Practice names and slugs are public: the sign-in page lists them. */
  async listPractices(): Promise<{ id: string; name: string; slug: string; isDemo: boolean; timeZone: string }[]> {
    const result = await this.pools.app.query<{
      id: string;
      name: string;
      slug: string;
      is_demo: boolean;
      time_zone: string;
    }>('SELECT id, name, slug, is_demo, time_zone FROM practices ORDER BY created_at, name');
    return result.rows.map((r) => ({ id: r.id, name: r.name, slug: r.slug, isDemo: r.is_demo, timeZone: r.time_zone }));
  }

  /**
   * Creates a practice: the one insert into `practices` the row-level policy allows, and only for
   * the id named in this transaction. The work then runs scoped to the new practice.
   */
  async createPractice<T>(
    practice: { id: string; name: string; slug: string; timeZone: string; isDemo: boolean },
    actorFor: (practiceId: string) => Actor,
    work: (tx: Scoped) => Promise<T>,
  ): Promise<T> {
    return this.run(actorFor(practice.id), async (tx) => {
      await tx.query(`SELECT set_config('app.creating_practice', $1, true)`, [practice.id]);
      await tx.query('INSERT INTO practices (id, name, slug, time_zone, is_demo) VALUES ($1, $2, $3, $4, $5)', [
        practice.id,
        practice.name,
        practice.slug,
        practice.timeZone,
        practice.isDemo,
      ]);
      tx.audit({ action: 'practice.created', subjectType: 'practice', subjectId: practice.id });
      return work(tx);
    });
  }
}

function scopeStatement(client: pg.PoolClient, actor: Actor): string {
  return `SELECT set_config('app.practice_id', ${client.escapeLiteral(actor.practiceId)}, true),
    set_config('app.user_id', ${client.escapeLiteral(actor.userId ?? '')}, true),
    set_config('app.roles', ${client.escapeLiteral(actor.roles.join(','))}, true);`;
}

/**
 * The statement that records audit events, literal-escaped (empty when there is nothing to record) so
 * it can share a round trip with COMMIT. `app_record_audit` (migration 0002) inserts them with a cached
 * plan. Reads are audited too, so every read would otherwise wait for a WAL flush (fsync) of its audit
 * row, which on an ordinary disk caps a server at a few hundred reads a second: when the work itself
 * wrote nothing, the function makes the commit asynchronous — it returns before the WAL flush, which
 * follows within PostgreSQL's wal_writer_delay (200 ms). The cost: if the database server itself
 * crashes, the audit rows of reads committed in that last fraction of a second may be lost. Any
 * transaction that changed data still commits synchronously, its audit rows with it.
 */
function auditInsertStatement(client: pg.PoolClient, actor: Actor, events: AuditInput[]): string {
  if (events.length === 0) return '';
  const role = actor.roles.join(',') || (actor.userId ? null : 'system');
  const rows = events.map((event) => ({
    practice_id: actor.practiceId,
    actor_user_id: actor.userId,
    actor_role: role,
    action: event.action,
    outcome: event.outcome ?? 'success',
    subject_type: event.subjectType ?? null,
    subject_id: event.subjectId ?? null,
    subject_user_id: event.subjectUserId ?? null,
    ip: actor.ip ?? null,
    request_id: actor.requestId ?? null,
    details: event.details ?? {},
  }));
  return `SELECT app_record_audit(${client.escapeLiteral(JSON.stringify(rows))}::jsonb); `;
}
