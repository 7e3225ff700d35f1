'use strict';
// UTILITY statements answered from the lake catalog: SHOW TABLES, SHOW DATABASES
// (SHOW SCHEMAS), SHOW COLUMNS, DESCRIBE. Rows and column names follow what Athena
// returns for Hive tables (measured by athena-local, docs/dev/measurements/query-results.md):
// one value per row; DESCRIBE joins name, type and comment with tabs, each padded
// with spaces to 20 characters; result columns typed `string`.

const { QueryError } = require('./errors');

const STRING_COLUMN = (name) => ({
  CatalogName: 'hive', SchemaName: '', TableName: '', Name: name, Label: name, Type: 'string',
  Precision: 0, Scale: 0, Nullable: 'UNKNOWN', CaseSensitive: false,
});

/** Hive's SHOW pattern: `*` matches anything, `|` separates alternatives. */
function hiveMatcher(pattern) {
  if (pattern === undefined) return () => true;
  const alts = pattern.split('|').map((p) => p.trim().split('*').map((s) => s.replace(/[.+?^${}()[\]\\]/g, '\\$&')).join('.*'));
  const re = new RegExp(`^(?:${alts.join('|')})$`, 'i');
  return (name) => re.test(name);
}

const pad20 = (s) => (s.length < 20 ? s.padEnd(20, ' ') : s);

function resolveTable(engine, target, contextDb, pos) {
  const parts = target.slice(-2);
  const table = parts.pop();
  const dbName = parts.length ? parts[0] : contextDb;
  const db = engine.lake.databases.get(dbName);
  if (!db) throw new QueryError('SCHEMA_NOT_FOUND', `Schema '${dbName}' does not exist`, { pos });
  const t = db.tables.get(table);
  if (!t) throw new QueryError('TABLE_NOT_FOUND', `Table 'awsdatacatalog.${dbName}.${table}' does not exist`, { pos });
  return { db: dbName, table: t };
}

/**
 * Run a UTILITY statement.
 * @returns {Promise<{rows: string[][], columns: object[], updateCount: number|undefined}>}
 */
async function runUtility(engine, statement, contextDb) {
  switch (statement.kind) {
    case 'show_tables': {
      const dbName = statement.database ? statement.database[statement.database.length - 1] : contextDb;
      const db = engine.lake.databases.get(dbName);
      if (!db) throw new QueryError('SCHEMA_NOT_FOUND', `Schema '${dbName}' does not exist`);
      const match = hiveMatcher(statement.pattern);
      return { rows: [...db.tables.keys()].filter(match).sort().map((n) => [n]), columns: [STRING_COLUMN('tab_name')], updateCount: 0 };
    }
    case 'show_databases': {
      const match = hiveMatcher(statement.pattern);
      return { rows: [...engine.lake.databases.keys()].filter(match).sort().map((n) => [n]), columns: [STRING_COLUMN('database_name')], updateCount: 0 };
    }
    case 'show_columns': {
      const { db, table } = resolveTable(engine, statement.target, contextDb, statement.targetPos);
      const cols = await engine.tableColumns(db, table);
      return { rows: cols.map((c) => [pad20(c.name)]), columns: [STRING_COLUMN('field')], updateCount: 0 };
    }
    case 'describe': {
      const { db, table } = resolveTable(engine, statement.target, contextDb, statement.targetPos);
      const cols = await engine.tableColumns(db, table);
      return {
        rows: cols.map((c) => [`${pad20(c.name)}\t${pad20(c.type)}\t${pad20(c.comment || '')}`]),
        columns: ['col_name', 'data_type', 'comment'].map(STRING_COLUMN),
        updateCount: undefined,
      };
    }
    default:
      throw new Error(`not a utility statement: ${statement.kind}`);
  }
}

module.exports = { runUtility };
