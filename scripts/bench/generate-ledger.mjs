// Generates the benchmark lake: one customer-ledger-shaped table of N rows as Parquet, with DuckDB (from the
// emulator's pinned node_modules), in seconds even for millions of rows. Deterministic: row i is a function of i,
// through DuckDB's hash(), so values vary like real data (it matters: compression speed depends on entropy).
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
    WITH r AS (
      SELECT i,
             hash(i) AS h1,
             hash(i * 31 + 7) AS h2,
             hash(i * 131 + 11) AS h3
      FROM range(${rows}) t(i)
    )
    SELECT
      (['EC_NG', 'JD_GH', 'EC_KE', 'JM_EG', 'EC_MA', 'EC_IC', 'HF_SN', 'JD_UG', 'JD_DZ'])[1 + CAST(h1 % 9 AS INTEGER)]::VARCHAR AS id_company,
      (100000000 + i)::BIGINT AS entry_no,
      'C' || lpad(CAST(h2 % 900000 AS VARCHAR), 7, '0') AS customer_no,
      (['Adebayo', 'Chinwe', 'Kwame', 'Amina', 'Omar', 'Fatou', 'Wanjiru', 'Youssef', 'Nadia', 'Kofi', 'Aissatou', 'Tunde'])[1 + CAST(h2 % 12 AS INTEGER)]
        || ' ' || (['Okafor', 'Mensah', 'Kamau', 'Diallo', 'El Amrani', 'Ndiaye', 'Otieno', 'Haddad', 'Boateng', 'Traore', 'Mwangi', 'Benali', 'Nwosu'])[1 + CAST(h3 % 13 AS INTEGER)]
        || ' ' || CAST(h3 % 9973 AS VARCHAR) AS customer_name,
      (DATE '2024-10-01' + CAST(h1 % 365 AS INTEGER))::DATE AS posting_date,
      CAST((CAST(h3 % 200000000 AS BIGINT) - 100000000) / 100.0 AS DECIMAL(18,2)) AS amount_lcy,
      (['NGN', 'GHS', 'KES', 'EGP', 'MAD', 'XOF', 'XOF', 'UGX', 'DZD'])[1 + CAST(h1 % 9 AS INTEGER)]::VARCHAR AS currency,
      (['Invoice', 'Invoice', 'Invoice', 'Payment', 'Credit Memo', 'Refund'])[1 + CAST(h2 % 6 AS INTEGER)]::VARCHAR AS document_type,
      CASE WHEN h3 % 4 = 0 THEN NULL ELSE 'EXT-' || CAST(h1 % 1000000000 AS VARCHAR) END AS external_document_no,
      (h2 % 3 = 0) AS open
    FROM r
    ORDER BY entry_no
  ) TO '${target}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 1000000)`);
connection.closeSync?.();
console.log(JSON.stringify({ rows, table: path.relative(root, table) }));
