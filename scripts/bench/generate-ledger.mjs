// Generates the benchmark lake: one customer-ledger-shaped table of N rows as Parquet, with DuckDB (from the
// emulator's pinned node_modules), in seconds even for millions of rows. Deterministic: row i is a function of i.
//
//   node scripts/bench/generate-ledger.mjs --rows 5000000 --out .bench/lake
//
// Ten columns, about 115 bytes a row once Athena renders them in its CSV: ids and names as varchar, a date, a
// decimal(18,2) amount, codes, a nullable varchar and a boolean.
import { createRequire } from 'node:module';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(root, 'src', 'athena-emulator', 'package.json'));
const { DuckDBInstance } = require('@duckdb/node-api');

function option(name, fallback) {
    const index = process.argv.indexOf(name);
    return index > 0 && index + 1 < process.argv.length ? process.argv[index + 1] : fallback;
}

const rows = Number.parseInt(option('--rows', '1000000'), 10);
const out = path.resolve(option('--out', path.join(root, '.bench', 'lake')));
if (!Number.isInteger(rows) || rows < 1) {
    console.error('generate-ledger: --rows must be a positive whole number');
    process.exit(2);
}

const table = path.join(out, 'bench', 'customer_ledger');
rmSync(table, { recursive: true, force: true });
mkdirSync(table, { recursive: true });
const target = path.join(table, 'part-00000.parquet').replaceAll("'", "''");

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run(`
  COPY (
    SELECT
      (['EC_NG', 'JD_GH', 'EC_KE', 'JM_EG', 'EC_MA', 'EC_IC', 'HF_SN', 'JD_UG', 'JD_DZ'])[1 + (i % 9)]::VARCHAR AS id_company,
      (100000000 + i)::BIGINT AS entry_no,
      'C' || lpad(CAST(i % 250000 AS VARCHAR), 7, '0') AS customer_no,
      'Customer ' || CAST(i % 250000 AS VARCHAR) || ' Trading Ltd' AS customer_name,
      (DATE '2024-10-01' + CAST(i % 365 AS INTEGER))::DATE AS posting_date,
      CAST(((i * 7919) % 2000000 - 1000000) / 100.0 AS DECIMAL(18,2)) AS amount_lcy,
      (['NGN', 'GHS', 'KES', 'EGP', 'MAD', 'XOF', 'XOF', 'UGX', 'DZD'])[1 + (i % 9)]::VARCHAR AS currency,
      CASE WHEN i % 5 = 0 THEN 'Credit Memo' ELSE 'Invoice' END AS document_type,
      CASE WHEN i % 4 = 0 THEN NULL ELSE 'EXT-' || lpad(CAST(i AS VARCHAR), 9, '0') END AS external_document_no,
      (i % 3 = 0) AS open
    FROM range(${rows}) t(i)
    ORDER BY entry_no
  ) TO '${target}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 1000000)`);
connection.closeSync?.();
console.log(JSON.stringify({ rows, table: path.relative(root, table) }));
