'use strict';
// The SQL engine: one in-memory DuckDB instance holding the lake catalog and the
// emulator's macros, and the pipeline that turns an Athena query into a result file:
//
//   Trino SQL --sql-compat--> DuckDB SQL --sql-types (binder probe)--> final SQL
//     --> column types (prepare) and Athena column names (parser AST)
//     --> COPY (SELECT <Athena rendering of each column> FROM (<final SQL>)) TO <file> (CSV)
//
// DuckDB renders and writes the whole result in parallel; JavaScript never touches
// individual rows of a query result.

const fs = require('fs');
const path = require('path');
const { DuckDBInstance } = require('@duckdb/node-api');
const { MACROS } = require('./macros');
const lakeMod = require('./lake');
const { translateQuery } = require('./sql-compat');
const { fixTypes } = require('./sql-types');
const { fromApiType, columnInfo, renderSql, hiveType } = require('./render');
const { fromPlanError, fromMessage } = require('./duck-errors');
const { quoteIdent, quoteString } = require('./sql-tokenizer');
const { csvLine } = require('./results');
const { byteToCharOffset } = require('./source-map');

const CATALOG = lakeMod.CATALOG;

const sqlLiteral = (s) => quoteString(s);

class Engine {
  /**
   * @param {{lakeDir: string, resultsDir: string, tempDir: string, threads?: number, log: Function}} opts
   */
  constructor(opts) {
    this.opts = opts;
    this.log = opts.log;
    this.lake = { databases: new Map(), warnings: [] };
    this.fingerprint = null;
    this.lakeLock = Promise.resolve();
  }

  async init() {
    const options = { temp_directory: this.opts.tempDir };
    if (this.opts.threads) options.threads = String(this.opts.threads);
    // The data instance runs queries over the lake files. The planner instance holds the
    // same catalog as empty tables of the same types: queries are validated and their
    // types probed there (json_serialize_plan cannot serialize CSV scans, and binding
    // against empty tables reads no file).
    this.instance = await DuckDBInstance.create(':memory:', options);
    this.planner = await DuckDBInstance.create(':memory:', { threads: '1' });
    for (const [db, dirs] of [[this.instance, [this.opts.lakeDir, this.opts.resultsDir, this.opts.tempDir]], [this.planner, []]]) {
      const c = await db.connect();
      try {
        await c.run("SET GLOBAL TimeZone = 'UTC'"); // Athena sessions run in UTC
        await c.run(`ATTACH ':memory:' AS ${CATALOG}`);
        await c.run(`USE ${CATALOG}.main`);
        await c.run(MACROS);
        // Queries may only read the lake and write result files; no other file access.
        if (dirs.length) await c.run(`SET allowed_directories = [${dirs.map((d) => sqlLiteral(path.resolve(d) + path.sep)).join(', ')}]`);
        await c.run('SET enable_external_access = false');
      } finally {
        c.closeSync();
      }
    }
    await this.refreshLake(true);
  }

  close() {
    for (const db of [this.instance, this.planner]) if (db) db.closeSync();
    this.instance = null;
    this.planner = null;
  }

  /** A connection configured like Athena's session: UTC, Trino integer division. */
  async connect(database, instance = this.instance) {
    const c = await instance.connect();
    await c.run("SET TimeZone = 'UTC'");
    await c.run('SET integer_division = true'); // backstop; sql-types.js rewrites integer division anyway
    await c.run(`USE ${CATALOG}.${quoteIdent(database || 'default')}`);
    return c;
  }

  // ---------------------------------------------------------------------------
  // Lake

  /** Re-register the lake when its layout changed (or always with force). */
  refreshLake(force = false) {
    this.lakeLock = this.lakeLock.catch(() => {}).then(async () => {
      const fp = lakeMod.lakeFingerprint(this.opts.lakeDir);
      if (!force && fp === this.fingerprint) return;
      const lake = lakeMod.scanLake(this.opts.lakeDir);
      await this.register(this.instance, lake, async (c, db, t) => {
        // column types of the view, for the planner's shadow table and for metadata
        const p = await c.prepare(`SELECT * FROM ${CATALOG}.${quoteIdent(db.name)}.${quoteIdent(t.name)}`);
        try {
          t.duckColumns = [];
          for (let i = 0; i < p.columnCount; i++) {
            const type = p.columnType(i);
            t.duckColumns.push({ name: p.columnName(i), sqlType: type.toString(), desc: fromApiType(type.toJson()) });
          }
        } finally {
          p.destroySync();
        }
      });
      await this.register(this.planner, lake, null);
      for (const w of lake.warnings) this.log('warn', w);
      this.lake = lake;
      this.fingerprint = fp;
      this.log('info', `lake registered: ${[...lake.databases.values()].map((d) => `${d.name}(${d.tables.size})`).join(', ')}`);
    });
    return this.lakeLock;
  }

  /**
   * (Re)create the catalog in one instance: views over the files (inspect != null) or
   * empty tables with the views' column types (the planner). Tables that cannot be
   * registered are dropped from `lake` with a warning.
   */
  async register(instance, lake, inspect) {
    const c = await instance.connect();
    try {
      const existing = (await c.runAndReadAll(
        `SELECT schema_name FROM duckdb_schemas() WHERE database_name = '${CATALOG}' AND NOT internal`,
      )).getRows().map((r) => r[0]);
      for (const stmt of lakeMod.dropSql(existing)) await c.run(stmt);
      for (const db of lake.databases.values()) {
        await c.run(`CREATE SCHEMA IF NOT EXISTS ${CATALOG}.${quoteIdent(db.name)}`); // `main` already exists
        for (const t of [...db.tables.values()]) {
          const name = `${CATALOG}.${quoteIdent(db.name)}.${quoteIdent(t.name)}`;
          const stmt = inspect
            ? `CREATE OR REPLACE VIEW ${name} AS ${lakeMod.tableSql(t)}`
            : `CREATE OR REPLACE TABLE ${name} (${t.duckColumns.map((col) => `${quoteIdent(col.name)} ${col.sqlType}`).join(', ')})`;
          try {
            await c.run(stmt);
            if (inspect) await inspect(c, db, t);
          } catch (e) {
            lake.warnings.push(`lake: skipped table ${db.name}.${t.name}: ${e.message.split('\n')[0]}`);
            db.tables.delete(t.name);
            await c.run(`DROP VIEW IF EXISTS ${name}`).catch(() => {});
          }
        }
      }
    } finally {
      c.closeSync();
    }
  }

  /** Columns of a lake table as {name, type (Hive spelling), comment}. */
  tableColumns(db, table) {
    if (table.columns) return table.columns.map((c) => ({ name: c.name, type: c.hiveType, comment: c.comment }));
    return table.duckColumns.map((c) => ({ name: c.name, type: hiveType(c.desc) }));
  }

  // ---------------------------------------------------------------------------
  // Queries

  async planJson(conn, sql) {
    const r = await conn.runAndReadAll(`SELECT json_serialize_plan(${sqlLiteral(sql)})`);
    return JSON.parse(r.getRows()[0][0]);
  }

  /** The parser error of a SQL text (json_serialize_sql), or null when it parses. */
  async parseError(sql) {
    const c = await this.planner.connect();
    try {
      const r = JSON.parse((await c.runAndReadAll(`SELECT json_serialize_sql(${sqlLiteral(sql)})`)).getRows()[0][0]);
      return r.error && r.error_type === 'parser' ? r : null;
    } finally {
      c.closeSync();
    }
  }

  /**
   * Compile an analyzed SELECT-like statement to final DuckDB SQL plus its columns.
   * ctx: {sql: original SQL, database, toOriginal(pos in substituted SQL) -> pos in original}
   */
  async compile(statement, ctx) {
    const { sql: s1, map } = translateQuery(statement);
    const errCtx = {
      sql: ctx.sql,
      database: ctx.database,
      toOriginal: (bytePos) => ctx.toOriginal(map.toSource(byteToCharOffset(s1, bytePos))),
    };
    const conn = await this.connect(ctx.database, this.planner);
    try {
      await conn.run('PRAGMA disable_optimizer'); // keep every expression (and its offset) in the plan
      const check = await this.planJson(conn, s1);
      if (check.error && check.error_type === 'internal') {
        // json_serialize_plan cannot serialize some valid plans (e.g. UNNEST ... WITH
        // ORDINALITY); validate by binding instead (errors then have no position).
        try {
          (await conn.prepare(s1)).destroySync();
        } catch (e) {
          throw fromMessage(e.message, errCtx);
        }
      } else if (check.error) throw fromPlanError(check, errCtx);
      const finalSql = await fixTypes(s1, (probe) => this.planJson(conn, probe));
      const types = [];
      const duckNames = [];
      let prepared;
      try {
        prepared = await conn.prepare(finalSql);
      } catch (e) {
        throw fromMessage(e.message, errCtx);
      }
      try {
        for (let i = 0; i < prepared.columnCount; i++) {
          duckNames.push(prepared.columnName(i));
          types.push(fromApiType(prepared.columnType(i).toJson()));
        }
      } finally {
        prepared.destroySync();
      }
      let ast = null;
      try {
        ast = JSON.parse((await conn.runAndReadAll(`SELECT json_serialize_sql(${sqlLiteral(finalSql)})`)).getRows()[0][0]);
        if (ast.error) ast = null;
      } catch {
        ast = null;
      }
      const names = outputNames(ast, duckNames);
      return {
        sql: finalSql, types, names, columns: names.map((n, i) => columnInfo(n, types[i])), scanned: this.scannedBytes(ast, ctx.database),
      };
    } finally {
      conn.closeSync();
    }
  }

  /**
   * Bytes of the lake files of the tables a query names (what Athena would scan at
   * most; Parquet column pruning is not taken into account).
   */
  scannedBytes(ast, database) {
    const seen = new Set();
    let bytes = 0;
    const walk = (node) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        if (node.type === 'BASE_TABLE' && typeof node.table_name === 'string') {
          const db = (node.schema_name || database).toLowerCase();
          const t = this.lake.databases.get(db)?.tables.get(node.table_name.toLowerCase());
          if (t && !seen.has(t)) {
            seen.add(t);
            bytes += t.bytes;
          }
        }
        for (const k of Object.keys(node)) walk(node[k]);
      }
    };
    walk(ast);
    return bytes;
  }

  /**
   * Run a SELECT-like statement; writes the rendered rows (no header) to `file`.
   * `beforeExecute` (optional, async) runs between compilation and execution.
   * @returns {Promise<{columns, header: string, rows: number, scanned: number}>}
   */
  async runQuery(conn, statement, ctx, file, beforeExecute) {
    const t0 = Date.now();
    const compiled = await this.compile(statement, ctx);
    const planningMs = Date.now() - t0;
    if (beforeExecute) await beforeExecute();
    const select = compiled.types.map((t, i) => `${renderSql(`__q.${quoteIdent(`__c${i}`)}`, t)}`).join(', ');
    const alias = compiled.types.map((_, i) => quoteIdent(`__c${i}`)).join(', ');
    const copy = `COPY (SELECT ${select} FROM (${compiled.sql}\n) AS __q(${alias})) TO ${sqlLiteral(file)} (FORMAT csv, HEADER false, FORCE_QUOTE *)`;
    let rows;
    try {
      const r = await conn.runAndReadAll(copy);
      rows = Number(r.getRows()[0][0]);
    } catch (e) {
      throw fromMessage(e.message, ctx);
    }
    return {
      columns: compiled.columns,
      header: csvLine(compiled.names),
      rows,
      scanned: compiled.scanned,
      planningMs,
    };
  }

  /** EXPLAIN [ANALYZE]: the plan text as rows, the way Athena splits it. */
  async explain(conn, statement, ctx) {
    const compiled = await this.compile(statement, ctx);
    const prefix = `EXPLAIN ${statement.analyze ? 'ANALYZE ' : ''}${statement.format === 'json' ? '(FORMAT json) ' : ''}`;
    let text;
    try {
      const r = await conn.runAndReadAll(prefix + compiled.sql);
      text = r.getRows().map((row) => row[row.length - 1]).join('\n');
    } catch (e) {
      throw fromMessage(e.message, ctx);
    }
    // Athena appends a newline to the plan text and returns one row per line.
    return `${text}\n`.split('\n');
  }
}

/**
 * Athena's column names: aliases and column references keep their (lower-cased)
 * names, other expressions are `_col<position>`; DuckDB would name them after the
 * expression text. `ast` is json_serialize_sql's output for the final SQL.
 */
function outputNames(ast, duckNames) {
  const lower = duckNames.map((n) => n.toLowerCase());
  if (!ast || !ast.statements || !ast.statements[0]) return lower;
  let node = ast.statements[0].node;
  while (node && node.type === 'SET_OPERATION_NODE') node = node.left;
  if (!node || node.type !== 'SELECT_NODE' || !Array.isArray(node.select_list)) return lower;
  const items = node.select_list;
  if (items.length === 1 && items[0].class === 'STAR' && node.from_table && node.from_table.type === 'EXPRESSION_LIST') {
    return lower.map((_, i) => `_col${i}`); // top-level VALUES
  }
  const stars = items.filter((it) => it.class === 'STAR').length;
  if (stars > 1) return lower;
  const starWidth = lower.length - (items.length - stars);
  const names = [];
  for (const it of items) {
    if (it.class === 'STAR') {
      for (let i = 0; i < starWidth; i++) names.push(lower[names.length]);
    } else if (it.alias) names.push(it.alias.toLowerCase());
    else if (it.class === 'COLUMN_REF') names.push(it.column_names[it.column_names.length - 1].toLowerCase());
    else names.push(`_col${names.length}`);
  }
  return names.length === lower.length ? names : lower;
}

/** Write small rows (arrays of strings/null) as a result file in Athena's CSV dialect. */
function writeRows(file, rows) {
  fs.writeFileSync(file, rows.map(csvLine).join(''));
}

module.exports = { Engine, writeRows, outputNames };
