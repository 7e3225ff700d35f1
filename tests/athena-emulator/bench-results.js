#!/usr/bin/env node
'use strict';
// Benchmark (not part of the test suite): time for the emulator to produce a large
// result, from StartQueryExecution to SUCCEEDED with the CSV object written to moto.
//
//   node tests/athena-emulator/bench-results.js [rows=1000000]
//
// Prints one JSON line: rows, bytes of the CSV object, wall-clock seconds and the
// emulator's own statistics (engine = DuckDB query + rendering + CSV file,
// service = upload to S3).

const fs = require('fs');
const path = require('path');
const h = require('./helpers');

async function main() {
  const rows = Number(process.argv[2] || 1000000);
  const lake = h.tempDir('athena-emu-bench-');
  const dir = path.join(lake, 'bench', 'gl_entries');
  fs.mkdirSync(dir, { recursive: true });
  await h.duck([`COPY (SELECT range::BIGINT AS entry_no, 'EC_' || (range % 97)::VARCHAR AS company_code,
      'Posting text with "quotes", commas and more ' || range::VARCHAR AS description,
      CAST(range % 10000000 - 5000000 AS DECIMAL(38,0)) * 0.01 AS amount_lcy, DATE '2020-01-01' + (range % 2000)::INTEGER AS posting_date,
      TIMESTAMP '2020-01-01' + to_milliseconds(range * 997) AS created_at, (range % 1000) / 7.0 AS fx_rate,
      CASE WHEN range % 11 = 0 THEN NULL ELSE 'G' || (range % 500)::VARCHAR END AS gl_account
    FROM range(${rows})) TO '${path.join(dir, 'part-0.parquet')}' (FORMAT parquet)`]);
  const moto = await h.startMoto();
  const emu = await h.startEmulator({ lake, s3: moto.url, args: ['--log-level', 'warn'] });
  try {
    await h.s3CreateBucket(moto.url, 'bench-results');
    const t0 = process.hrtime.bigint();
    const id = await h.startQuery(emu.url, 'SELECT * FROM bench.gl_entries ORDER BY entry_no', { ResultConfiguration: { OutputLocation: 's3://bench-results/athena/' } });
    let q;
    for (;;) {
      q = (await h.ok(emu.url, 'GetQueryExecution', { QueryExecutionId: id })).QueryExecution;
      if (['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(q.Status.State)) break;
      await h.sleep(50);
    }
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (q.Status.State !== 'SUCCEEDED') throw new Error(q.Status.StateChangeReason);
    const head = await h.httpRequest(`${moto.url}/bench-results/athena/${id}.csv`, {
      method: 'HEAD', headers: { Authorization: 'AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0' },
    });
    process.stdout.write(`${JSON.stringify({
      rows,
      csvBytes: Number(head.headers['content-length']),
      wallSeconds: Number(seconds.toFixed(2)),
      engineMs: q.Statistics.EngineExecutionTimeInMillis,
      uploadMs: q.Statistics.ServiceProcessingTimeInMillis,
    })}\n`);
  } finally {
    await emu.stop();
    await moto.stop();
    h.killAll();
  }
}

main().catch((e) => {
  process.stderr.write(`${e.stack || e}\n`);
  h.killAll();
  process.exit(1);
});
