import crypto from 'node:crypto';
import type pg from 'pg';

/**
 * The audit log's hash chain, one chain per practice. Rows are inserted unsealed inside the
 * transaction that did the work (no lock on the hot path); the sealer then gives each committed row
 * the next position in its practice's chain: hash = SHA-256(previous hash ‖ canonical row). A row
 * edited or deleted afterwards breaks the chain, which `verifyChain` reports.
 */
type Queryable = Pick<pg.PoolClient, 'query'>;

export const GENESIS: Buffer = Buffer.alloc(32, 0);

interface CanonicalRow {
  id: number;
  canonical: string;
  chain_seq: number | null;
  prev_hash: Buffer | null;
  hash: Buffer | null;
}

/** Timestamps and JSON are rendered by PostgreSQL so the canonical form does not depend on Node. */
const CANONICAL_SELECT = `
  SELECT id, chain_seq, prev_hash, hash,
         concat_ws('|', id, practice_id,
           to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           coalesce(actor_user_id::text, ''), coalesce(actor_role, ''), action, outcome,
           coalesce(subject_type, ''), coalesce(subject_id, ''), coalesce(subject_user_id::text, ''),
           coalesce(ip, ''), coalesce(request_id, ''), details::text) AS canonical
    FROM audit_events`;

export function chainHash(prev: Buffer, canonical: string): Buffer {
  return crypto.createHash('sha256').update(prev).update(canonical, 'utf8').digest();
}

/** Seals up to `limit` committed, unsealed rows of the practice in the scoped transaction. */
export async function sealPending(tx: Queryable, practiceId: string, limit = 2000): Promise<number> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`undercurrent-audit-seal:${practiceId}`]);
  const head = await tx.query<{ last_seq: number; last_hash: Buffer }>(
    'SELECT last_seq, last_hash FROM audit_chain_heads WHERE practice_id = $1 FOR UPDATE',
    [practiceId],
  );
  let seq = head.rows[0]?.last_seq ?? 0;
  let prev = head.rows[0]?.last_hash ?? GENESIS;
  const pending = await tx.query<CanonicalRow>(
    `${CANONICAL_SELECT} WHERE practice_id = $1 AND hash IS NULL ORDER BY id LIMIT $2`,
    [practiceId, limit],
  );
  if (pending.rows.length === 0) return 0;
  const ids: number[] = [];
  const seqs: number[] = [];
  const prevs: Buffer[] = [];
  const hashes: Buffer[] = [];
  for (const row of pending.rows) {
    seq += 1;
    const hash = chainHash(prev, row.canonical);
    ids.push(row.id);
    seqs.push(seq);
    prevs.push(prev);
    hashes.push(hash);
    prev = hash;
  }
  await tx.query(
    `UPDATE audit_events a SET chain_seq = v.seq, prev_hash = v.prev, hash = v.hash
       FROM unnest($1::bigint[], $2::bigint[], $3::bytea[], $4::bytea[]) AS v(id, seq, prev, hash)
      WHERE a.id = v.id AND a.practice_id = $5`,
    [ids, seqs, prevs, hashes, practiceId],
  );
  await tx.query(
    `INSERT INTO audit_chain_heads (practice_id, last_seq, last_hash, updated_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (practice_id) DO UPDATE SET last_seq = EXCLUDED.last_seq, last_hash = EXCLUDED.last_hash,
       updated_at = now()`,
    [practiceId, seq, prev],
  );
  return pending.rows.length;
}

export interface ChainProblem {
  chainSeq: number | null;
  eventId: number | null;
  problem: string;
}

export interface ChainReport {
  practiceId: string;
  ok: boolean;
  sealed: number;
  unsealed: number;
  problems: ChainProblem[];
}

export async function verifyChain(tx: Queryable, practiceId: string): Promise<ChainReport> {
  const head = await tx.query<{ last_seq: number; last_hash: Buffer }>(
    'SELECT last_seq, last_hash FROM audit_chain_heads WHERE practice_id = $1',
    [practiceId],
  );
  const rows = await tx.query<CanonicalRow>(
    `${CANONICAL_SELECT} WHERE practice_id = $1 AND chain_seq IS NOT NULL ORDER BY chain_seq`,
    [practiceId],
  );
  const unsealed = await tx.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM audit_events WHERE practice_id = $1 AND hash IS NULL',
    [practiceId],
  );
  const problems: ChainProblem[] = [];
  let prev: Buffer = GENESIS;
  let expected = 1;
  for (const row of rows.rows) {
    if (row.chain_seq !== expected) {
      problems.push({
        chainSeq: expected,
        eventId: null,
        problem: `entries ${expected}–${(row.chain_seq ?? expected) - 1} are missing (deleted)`,
      });
      expected = row.chain_seq ?? expected;
    }
    if (!row.prev_hash?.equals(prev)) {
      problems.push({ chainSeq: row.chain_seq, eventId: row.id, problem: 'link to the previous entry is broken' });
    }
    const hash = chainHash(row.prev_hash ?? prev, row.canonical);
    if (!row.hash?.equals(hash)) {
      problems.push({ chainSeq: row.chain_seq, eventId: row.id, problem: 'entry was altered after it was sealed' });
    }
    prev = row.hash ?? hash;
    expected += 1;
  }
  const headRow = head.rows[0];
  const lastSeq = expected - 1;
  if (headRow && (headRow.last_seq !== lastSeq || !headRow.last_hash.equals(prev))) {
    problems.push({
      chainSeq: headRow.last_seq,
      eventId: null,
      problem: `the chain should end at entry ${headRow.last_seq} but ends at ${lastSeq} (entries removed from the end)`,
    });
  }
  if (!headRow && rows.rows.length > 0) {
    problems.push({ chainSeq: null, eventId: null, problem: 'the chain head record is missing' });
  }
  return {
    practiceId,
    ok: problems.length === 0,
    sealed: rows.rows.length,
    unsealed: unsealed.rows[0]?.n ?? 0,
    problems,
  };
}
