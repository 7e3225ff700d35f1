'use strict';
// The local "data lake": <lake>/<database>/<table>/ folders of Parquet and/or CSV
// files, registered in DuckDB as one schema per database and one view per table in
// the `awsdatacatalog` catalog, so Athena's names (`db.table`,
// `awsdatacatalog.db.table`) resolve unchanged.
//
// Like Athena/Hive, files and folders whose names start with `_` or `.` are not data.
// A table folder may hold `_schema.json` giving column names and Athena/Hive types:
//   {"columns": [{"name": "amount_lcy", "type": "decimal(38,2)"}, ...]}
// It is required for CSV files (they carry no types) and optional for Parquet (then
// every column is cast to the declared type, in the declared order).
// CSV files use Athena's own result dialect: a header line, values in double quotes,
// "" for an embedded quote, an unquoted empty field for NULL, "" for an empty string.

const fs = require('fs');
const path = require('path');
const { quoteIdent, quoteString } = require('./sql-tokenizer');

const NAME_RE = /^[A-Za-z0-9_]+$/;
const CATALOG = 'awsdatacatalog';

/** DuckDB type for an Athena/Hive type name from _schema.json. */
function duckType(hive, where) {
  const t = String(hive).trim().toLowerCase().replace(/\s+/g, ' ');
  let m;
  if (['string', 'varchar', 'char'].includes(t) || /^(varchar|char)\(\d+\)$/.test(t)) return 'VARCHAR';
  if (t === 'int' || t === 'integer') return 'INTEGER';
  if (['bigint', 'smallint', 'tinyint', 'double', 'boolean', 'date'].includes(t)) return t.toUpperCase();
  if (t === 'float' || t === 'real') return 'FLOAT';
  if (t === 'timestamp' || /^timestamp\(\d\)$/.test(t)) return 'TIMESTAMP';
  if (t === 'binary' || t === 'varbinary') return 'BLOB';
  if ((m = /^decimal\((\d+),\s*(\d+)\)$/.exec(t))) return `DECIMAL(${m[1]},${m[2]})`;
  if (t === 'decimal') return 'DECIMAL(38,0)';
  throw new Error(`${where}: unsupported column type '${hive}' (supported: string, varchar(n), char(n), int, integer, bigint, smallint, tinyint, double, float, real, boolean, date, timestamp, decimal(p,s), binary)`);
}

function isData(name) {
  return !name.startsWith('_') && !name.startsWith('.');
}

function listDirs(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && isData(d.name)).map((d) => d.name).sort();
}

function readSchema(tableDir, where) {
  const file = path.join(tableDir, '_schema.json');
  if (!fs.existsSync(file)) return null;
  let json;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${where}/_schema.json is not valid JSON: ${e.message}`);
  }
  if (!json || !Array.isArray(json.columns) || json.columns.length === 0) {
    throw new Error(`${where}/_schema.json must be {"columns": [{"name": ..., "type": ...}, ...]}`);
  }
  return json.columns.map((c, i) => {
    if (!c || typeof c.name !== 'string' || !c.name) throw new Error(`${where}/_schema.json: column ${i + 1} has no name`);
    return { name: c.name.toLowerCase(), hiveType: String(c.type).toLowerCase(), duckType: duckType(c.type, `${where}/_schema.json column '${c.name}'`), comment: c.comment };
  });
}

/** The SQL of the view for one table. */
function tableSql(table) {
  const parts = [];
  if (table.parquet.length) {
    parts.push(`SELECT * FROM read_parquet([${table.parquet.map(quoteString).join(', ')}], union_by_name = true)`);
  }
  if (table.csv.length) {
    const cols = table.columns.map((c) => `${quoteString(c.name)}: ${quoteString(c.duckType)}`).join(', ');
    parts.push(`SELECT * FROM read_csv([${table.csv.map(quoteString).join(', ')}], header = true, auto_detect = false, `
      + `columns = {${cols}}, delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false, nullstr = '')`);
  }
  if (!table.columns) return parts.join(' UNION ALL BY NAME ');
  const projection = table.columns.map((c) => `CAST(${quoteIdent(c.name)} AS ${c.duckType}) AS ${quoteIdent(c.name)}`).join(', ');
  if (parts.length === 0) return `SELECT ${projection} WHERE false`;
  return `SELECT ${projection} FROM (${parts.join(' UNION ALL BY NAME ')})`;
}

/**
 * Scan the lake folder. Returns {databases: Map(name -> {name, dir, tables: Map(name -> table)}), warnings}.
 * A table: {name, dir, parquet: [files], csv: [files], columns: [...]|null, bytes, created}.
 */
function scanLake(lakeDir) {
  const databases = new Map();
  const warnings = [];
  for (const db of listDirs(lakeDir)) {
    if (!NAME_RE.test(db)) {
      warnings.push(`lake: skipped database folder '${db}': names may only hold letters, digits and _`);
      continue;
    }
    const dbDir = path.join(lakeDir, db);
    const tables = new Map();
    for (const tbl of listDirs(dbDir)) {
      const where = `${db}/${tbl}`;
      if (!NAME_RE.test(tbl)) {
        warnings.push(`lake: skipped table folder '${where}': names may only hold letters, digits and _`);
        continue;
      }
      const dir = path.join(dbDir, tbl);
      try {
        const files = fs.readdirSync(dir, { withFileTypes: true }).filter((f) => f.isFile() && isData(f.name)).map((f) => f.name).sort();
        const parquet = files.filter((f) => f.toLowerCase().endsWith('.parquet')).map((f) => path.join(dir, f));
        const csv = files.filter((f) => f.toLowerCase().endsWith('.csv')).map((f) => path.join(dir, f));
        const columns = readSchema(dir, where);
        if (csv.length && !columns) throw new Error(`${where} has CSV files but no _schema.json (CSV tables need one to be typed exactly)`);
        if (!parquet.length && !csv.length && !columns) throw new Error(`${where} has no .parquet/.csv files and no _schema.json`);
        const bytes = [...parquet, ...csv].reduce((n, f) => n + fs.statSync(f).size, 0);
        const stat = fs.statSync(dir);
        tables.set(tbl.toLowerCase(), { name: tbl.toLowerCase(), dir, parquet, csv, columns, bytes, created: stat.birthtimeMs || stat.mtimeMs });
      } catch (e) {
        warnings.push(`lake: skipped table ${where}: ${e.message}`);
      }
    }
    databases.set(db.toLowerCase(), { name: db.toLowerCase(), dir: dbDir, tables });
  }
  if (!databases.has('default')) databases.set('default', { name: 'default', dir: null, tables: new Map() });
  return { databases, warnings };
}

/**
 * Cheap fingerprint of the lake layout (folder mtimes change when files or folders are
 * added, removed or renamed in them), to re-register the lake only when it changed.
 */
function lakeFingerprint(lakeDir) {
  const parts = [];
  const add = (dir) => {
    try {
      parts.push(`${dir}:${fs.statSync(dir).mtimeMs}`);
    } catch {
      parts.push(`${dir}:missing`);
    }
  };
  add(lakeDir);
  for (const db of safeDirs(lakeDir)) {
    add(path.join(lakeDir, db));
    for (const t of safeDirs(path.join(lakeDir, db))) {
      add(path.join(lakeDir, db, t));
      const schema = path.join(lakeDir, db, t, '_schema.json');
      if (fs.existsSync(schema)) add(schema);
    }
  }
  return parts.join('|');
}

function safeDirs(dir) {
  try {
    return listDirs(dir);
  } catch {
    return [];
  }
}

/** SQL statements that drop the catalog's lake schemas before a new registration. */
function dropSql(existingSchemas) {
  return existingSchemas.filter((s) => s !== 'main').map((s) => `DROP SCHEMA IF EXISTS ${CATALOG}.${quoteIdent(s)} CASCADE`);
}

module.exports = { scanLake, lakeFingerprint, dropSql, tableSql, duckType, CATALOG };
