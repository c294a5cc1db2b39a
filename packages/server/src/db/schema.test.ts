import { getTableColumns, getTableName, type Table } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { EXPECTED_TABLES } from './assert-schema.js';
import { schema } from './schema.js';

/** The Drizzle mirror (db/schema.ts, db/frame-schema.ts) must match what the migrations create. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('Drizzle schema mirror', () => {
  it('names every expected table, and every column it names exists with the same SQL type and nullability', async () => {
    const tables = Object.values(schema) as Table[];
    expect(tables.map((table) => getTableName(table)).sort()).toEqual([...EXPECTED_TABLES].sort());
    const found = await t.ctx.pools.owner.query<{
      table_name: string;
      column_name: string;
      udt_name: string;
      is_nullable: 'YES' | 'NO';
    }>(`SELECT table_name, column_name, udt_name, is_nullable FROM information_schema.columns
         WHERE table_schema = 'public'`);
    const actual = new Map(found.rows.map((row) => [`${row.table_name}.${row.column_name}`, row]));
    const mismatches: string[] = [];
    for (const table of tables) {
      const name = getTableName(table);
      for (const column of Object.values(getTableColumns(table))) {
        const db = actual.get(`${name}.${column.name}`);
        const sqlType = column.getSQLType().replace(/\(.*\)/, '');
        const expectedUdt = sqlType.endsWith('[]') ? `_${sqlType.slice(0, -2)}` : (UDT[sqlType] ?? sqlType);
        if (!db) mismatches.push(`${name}.${column.name} is missing`);
        else if (db.udt_name !== expectedUdt) mismatches.push(`${name}.${column.name}: ${db.udt_name} ≠ ${sqlType}`);
        else if ((db.is_nullable === 'NO') !== column.notNull) {
          mismatches.push(`${name}.${column.name}: nullability differs`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});

const UDT: Record<string, string> = {
  'timestamp with time zone': 'timestamptz',
  integer: 'int4',
  smallint: 'int2',
  bigint: 'int8',
  bigserial: 'int8',
  boolean: 'bool',
};
