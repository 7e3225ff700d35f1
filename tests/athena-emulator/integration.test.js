'use strict';
// End to end over HTTP: moto_server + the emulator on free ports, a small lake in a
// temporary folder, the Athena JSON-1.1 API and the result objects in moto.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const h = require('./helpers');

const BUCKET = 'itest-results';
const OUT = `s3://${BUCKET}/athena/`;
let moto;
let emu;
let lake;
let url;

const N = 2500;
const noteOf = (i) => (i % 10 === 0 ? null : i % 10 === 1 ? '' : i % 10 === 2 ? 'he said "hi", twice' : i % 10 === 3 ? 'line1\nline2' : i % 10 === 4 ? 'Côte d’Ivoire ✓' : `n${i}`);

test.before(async () => {
  lake = h.tempDir('athena-emu-it-lake-');
  const gl = path.join(lake, 'finrec', 'gl');
  fs.mkdirSync(gl, { recursive: true });
  fs.mkdirSync(path.join(lake, 'reuse_db', 'counter'), { recursive: true });
  const notes = Array.from({ length: N }, (_, i) => noteOf(i + 1));
  fs.writeFileSync(path.join(lake, 'notes.json'), JSON.stringify(notes.map((n, i) => ({ i: i + 1, n }))));
  await h.duck([
    `COPY (SELECT range::BIGINT + 1 AS entry_no, ['EC_NG', 'JD_GH', 'EC_KE'][(range % 3)::INTEGER + 1] AS company,
        CAST((range * 37) % 100000 - 50000 AS DECIMAL(38,0)) * 0.01 AS amount_lcy, DATE '2025-01-01' + (range % 365)::INTEGER AS posting_date,
        TIMESTAMP '2025-01-01 00:00:00' + to_milliseconds(range * 1001) AS created_at, range / 8.0 AS rate, range % 2 = 0 AS is_active
      FROM range(${N})) TO '${path.join(gl, 'part-0.parquet')}' (FORMAT parquet)`,
    `COPY (SELECT i::BIGINT AS entry_no, n AS note FROM read_json('${path.join(lake, 'notes.json')}', columns = {i: 'BIGINT', n: 'VARCHAR'}))
      TO '${path.join(lake, 'finrec', 'notes_tmp.parquet')}' (FORMAT parquet)`,
    `COPY (SELECT 1 AS n) TO '${path.join(lake, 'reuse_db', 'counter', 'a.parquet')}' (FORMAT parquet)`,
  ]);
  fs.mkdirSync(path.join(lake, 'finrec', 'notes'));
  fs.renameSync(path.join(lake, 'finrec', 'notes_tmp.parquet'), path.join(lake, 'finrec', 'notes', 'part-0.parquet'));
  fs.rmSync(path.join(lake, 'notes.json'));
  h.writeCsvTable(path.join(lake, 'finrec', 'fx_rates'), [
    { name: 'company_code', type: 'string' }, { name: 'fx_rate', type: 'decimal(38,10)' }, { name: 'year', type: 'bigint' }, { name: 'month', type: 'bigint' },
  ], [['EC_NG', '1540.1234567890', '2025', '9'], ['JD_GH', '15.5000000000', '2025', '9'], ['EC_KE', null, '2025', '9']]);

  moto = await h.startMoto();
  await h.s3CreateBucket(moto.url, BUCKET);
  const workgroups = JSON.stringify({
    WorkGroups: [
      { Name: 'managed', Configuration: { ManagedQueryResultsConfiguration: { Enabled: true } } },
      { Name: 'enforced', Configuration: { EnforceWorkGroupConfiguration: true, ResultConfiguration: { OutputLocation: `s3://${BUCKET}/enforced/` } } },
      { Name: 'off', State: 'DISABLED' },
    ],
  });
  emu = await h.startEmulator({ lake, s3: moto.url, args: ['--workgroups', workgroups, '--log-level', 'warn'] });
  url = emu.url;
});

test.after(async () => {
  if (emu) await emu.stop();
  if (moto) await moto.stop();
  h.killAll();
});

test.beforeEach(async () => {
  await h.admin(url, 'POST', 'reset');
});

const q = (sql, extra = {}) => h.runQuery(url, sql, { ResultConfiguration: { OutputLocation: OUT }, ...extra });
const start = (sql, extra = {}) => h.startQuery(url, sql, { ResultConfiguration: { OutputLocation: OUT }, ...extra });
const err = async (op, body) => {
  const r = await h.athena(url, op, body);
  assert.equal(r.status, 400, r.text);
  return r.json;
};

test('state machine: QUEUED/RUNNING while delayed, then SUCCEEDED with full execution details', async () => {
  await h.admin(url, 'POST', 'faults', { queryDelayMs: 1500 });
  const id = await start('SELECT count(*) AS n FROM finrec.gl', { QueryExecutionContext: { Database: 'finrec', Catalog: 'AwsDataCatalog' } });
  const early = (await h.ok(url, 'GetQueryExecution', { QueryExecutionId: id })).QueryExecution;
  assert.ok(['QUEUED', 'RUNNING'].includes(early.Status.State), early.Status.State);
  assert.equal(early.Status.CompletionDateTime, undefined);
  const notYet = await err('GetQueryResults', { QueryExecutionId: id });
  assert.equal(notYet.AthenaErrorCode, 'INVALID_QUERY_EXECUTION_STATE');
  assert.match(notYet.Message, /^Query has not yet finished\. Current state: (QUEUED|RUNNING)$/);
  const done = await h.waitQuery(url, id);
  assert.equal(done.Status.State, 'SUCCEEDED');
  assert.equal(done.StatementType, 'DML');
  assert.equal(done.SubstatementType, 'SELECT');
  assert.equal(done.Query, 'SELECT count(*) AS n FROM finrec.gl');
  assert.deepEqual(done.QueryExecutionContext, { Database: 'finrec', Catalog: 'awsdatacatalog' });
  assert.equal(done.WorkGroup, 'primary');
  assert.deepEqual(done.EngineVersion, { SelectedEngineVersion: 'AUTO', EffectiveEngineVersion: 'Athena engine version 3' });
  assert.equal(done.ResultConfiguration.OutputLocation, `${OUT}${id}.csv`);
  assert.equal(typeof done.Status.SubmissionDateTime, 'number');
  assert.ok(done.Status.CompletionDateTime >= done.Status.SubmissionDateTime);
  for (const k of ['EngineExecutionTimeInMillis', 'DataScannedInBytes', 'TotalExecutionTimeInMillis', 'QueryQueueTimeInMillis', 'QueryPlanningTimeInMillis', 'ServiceProcessingTimeInMillis']) {
    assert.equal(typeof done.Statistics[k], 'number', k);
  }
  assert.ok(done.Statistics.DataScannedInBytes > 0);
  assert.deepEqual(done.Statistics.ResultReuseInformation, { ReusedPreviousResult: false });
  const unknown = await err('GetQueryExecution', { QueryExecutionId: '00000000-0000-0000-0000-000000000000' });
  assert.deepEqual(unknown, { __type: 'InvalidRequestException', AthenaErrorCode: 'QUERY_EXECUTION_NOT_FOUND', ErrorCode: 'QUERY_EXECUTION_NOT_FOUND', Message: 'QueryExecution 00000000-0000-0000-0000-000000000000 was not found' });
});

test('GetQueryResults pages 2500 rows by 1000 with the header row on page 1 only', async () => {
  const done = await q('SELECT entry_no, company, amount_lcy, posting_date, created_at, rate, is_active FROM finrec.gl ORDER BY entry_no DESC');
  assert.equal(done.Status.State, 'SUCCEEDED', done.Status.StateChangeReason);
  const { pages, rows, columns } = await h.allResults(url, done.QueryExecutionId);
  assert.deepEqual(pages.map((p) => p.ResultSet.Rows.length), [1000, 1000, 501]);
  assert.ok(pages[0].NextToken && pages[1].NextToken && !pages[2].NextToken);
  assert.deepEqual(rows[0], ['entry_no', 'company', 'amount_lcy', 'posting_date', 'created_at', 'rate', 'is_active']);
  assert.equal(rows.filter((r) => r[0] === 'entry_no').length, 1);
  assert.deepEqual(rows.slice(1).map((r) => Number(r[0])), Array.from({ length: N }, (_, i) => N - i));
  assert.deepEqual(columns.map((c) => [c.Name, c.Type, c.Precision, c.Scale]), [['entry_no', 'bigint', 19, 0], ['company', 'varchar', 2147483647, 0],
    ['amount_lcy', 'decimal', 38, 2], ['posting_date', 'date', 0, 0], ['created_at', 'timestamp', 3, 0], ['rate', 'double', 17, 0], ['is_active', 'boolean', 0, 0]]);
  assert.equal(pages[0].UpdateCount, 0);
  // entry 1: range 0
  assert.deepEqual(rows[N], ['1', 'EC_NG', '-500.00', '2025-01-01', '2025-01-01 00:00:00.000', '0.0', 'true']);
  assert.deepEqual(rows[N - 1], ['2', 'JD_GH', '-499.63', '2025-01-02', '2025-01-01 00:00:01.001', '0.125', 'false']);
  // MaxResults: 1 returns the header only; limits and malformed tokens
  const first = await h.ok(url, 'GetQueryResults', { QueryExecutionId: done.QueryExecutionId, MaxResults: 1 });
  assert.equal(first.ResultSet.Rows.length, 1);
  const second = await h.ok(url, 'GetQueryResults', { QueryExecutionId: done.QueryExecutionId, MaxResults: 2, NextToken: first.NextToken });
  assert.deepEqual(second.ResultSet.Rows.map((r) => r.Data[0].VarCharValue), ['2500', '2499']);
  assert.equal((await err('GetQueryResults', { QueryExecutionId: done.QueryExecutionId, MaxResults: 1001 })).Message, 'MaxResults is more than maximum allowed length 1000');
  assert.match((await err('GetQueryResults', { QueryExecutionId: done.QueryExecutionId, MaxResults: 0 })).Message, /^1 validation error detected: Value '0' at 'maxResults'/);
  assert.equal((await err('GetQueryResults', { QueryExecutionId: done.QueryExecutionId, NextToken: 'garbage' })).Message, 'Malformed nextPageToken garbage');
  assert.equal((await err('GetQueryResults', { QueryExecutionId: 'nope' })).AthenaErrorCode, 'QUERY_EXECUTION_NOT_FOUND');
});

test('the CSV object in moto is byte for byte Athena\'s dialect and matches GetQueryResults', async () => {
  const done = await q("SELECT n.entry_no, n.note, CAST(NULL AS varchar) AS nothing, '' AS empty FROM finrec.notes n WHERE n.entry_no <= 12 ORDER BY 1");
  assert.equal(done.Status.State, 'SUCCEEDED', done.Status.StateChangeReason);
  const obj = await h.s3Get(moto.url, BUCKET, `athena/${done.QueryExecutionId}.csv`);
  assert.equal(obj.status, 200);
  const cell = (v) => (v === null ? '' : `"${v.replace(/"/g, '""')}"`);
  let expected = '"entry_no","note","nothing","empty"\n';
  for (let i = 1; i <= 12; i++) expected += `${cell(String(i))},${cell(noteOf(i))},,""\n`;
  assert.equal(obj.body.toString('utf8'), expected);
  const { rows } = await h.allResults(url, done.QueryExecutionId);
  assert.deepEqual(rows.slice(1), Array.from({ length: 12 }, (_, k) => [String(k + 1), noteOf(k + 1), null, '']));
  // one-column NULL rows are empty lines
  const one = await q('SELECT note FROM finrec.notes WHERE entry_no IN (10, 11, 12) ORDER BY entry_no');
  const body = (await h.s3Get(moto.url, BUCKET, `athena/${one.QueryExecutionId}.csv`)).body.toString('utf8');
  assert.equal(body, '"note"\n\n""\n"he said ""hi"", twice"\n');
  // the big result streamed to S3 equals the pages of GetQueryResults
  const big = await q('SELECT * FROM finrec.gl ORDER BY entry_no');
  const csv = (await h.s3Get(moto.url, BUCKET, `athena/${big.QueryExecutionId}.csv`)).body.toString('utf8');
  const all = (await h.allResults(url, big.QueryExecutionId)).rows;
  assert.equal(csv, all.map((r) => `${r.map(cell).join(',')}\n`).join(''));
});

test('ClientRequestToken: same token and parameters -> same id; different query -> IDEMPOTENT_PARAMETER_MISMATCH', async () => {
  const token = h.token();
  const body = { QueryString: 'SELECT 1', ClientRequestToken: token, ResultConfiguration: { OutputLocation: OUT } };
  const a = await h.ok(url, 'StartQueryExecution', body);
  const b = await h.ok(url, 'StartQueryExecution', body);
  assert.equal(a.QueryExecutionId, b.QueryExecutionId);
  // ExecutionParameters and WorkGroup are not compared (as on Athena)
  const c = await h.ok(url, 'StartQueryExecution', { ...body, WorkGroup: 'enforced' });
  assert.equal(c.QueryExecutionId, a.QueryExecutionId);
  for (const change of [{ QueryString: 'SELECT 2' }, { QueryExecutionContext: { Database: 'finrec' } }, { QueryExecutionContext: { Catalog: 'AWSDATACATALOG' } },
    { ResultConfiguration: { OutputLocation: `s3://${BUCKET}/other/` } }]) {
    assert.deepEqual(await err('StartQueryExecution', { ...body, ...change }),
      { __type: 'InvalidRequestException', AthenaErrorCode: 'IDEMPOTENT_PARAMETER_MISMATCH', ErrorCode: 'IDEMPOTENT_PARAMETER_MISMATCH', Message: 'Idempotent parameters do not match' });
  }
  assert.deepEqual(await err('StartQueryExecution', { QueryString: 'SELECT 1' }),
    { __type: 'InvalidRequestException', AthenaErrorCode: 'INVALID_INPUT', ErrorCode: 'INVALID_INPUT', Message: 'clientRequestToken is null or empty' });
  assert.equal((await err('StartQueryExecution', { QueryString: 'SELECT 1', ClientRequestToken: 'short' })).Message,
    "1 validation error detected: Value at 'clientRequestToken' failed to satisfy constraint: Member must have length greater than or equal to 32");
  assert.match((await err('StartQueryExecution', { QueryString: 'SELECT 1', ClientRequestToken: 'x'.repeat(129) })).Message, /less than or equal to 128/);
});

test('ExecutionParameters are bound as SQL literal text; a wrong count fails the query', async () => {
  const sql = "SELECT count(*) AS n, sum(amount_lcy) AS s, max('?') AS q FROM finrec.gl WHERE posting_date <= ? AND company = ? AND is_active = ?";
  const done = await q(sql, { ExecutionParameters: ["DATE '2025-03-31'", "'JD_GH'", 'false'] });
  assert.equal(done.Status.State, 'SUCCEEDED', done.Status.StateChangeReason);
  assert.equal(done.Query, sql);
  const { rows } = await h.allResults(url, done.QueryExecutionId);
  let n = 0;
  let cents = 0;
  for (let r = 0; r < N; r++) {
    const day = r % 365;
    if (day <= 89 && r % 3 === 1 && r % 2 === 1) {
      n++;
      cents += (r * 37) % 100000 - 50000;
    }
  }
  assert.deepEqual(rows[1], [String(n), `${cents < 0 ? '-' : ''}${Math.trunc(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`, '?']);
  const bad = await q(sql, { ExecutionParameters: ["DATE '2025-03-31'"] });
  assert.equal(bad.Status.State, 'FAILED');
  assert.match(bad.Status.StateChangeReason, /^INVALID_PARAMETER_USAGE: line 1:\d+: Incorrect number of parameters: expected 3 but found 1$/);
  assert.equal(bad.Status.AthenaError.ErrorCategory, 2);
});

test('result reuse: an identical recent query is answered from the earlier result without running', async () => {
  const reuse = { ResultReuseConfiguration: { ResultReuseByAgeConfiguration: { Enabled: true, MaxAgeInMinutes: 60 } } };
  const sql = 'SELECT count(*) AS files_rows FROM reuse_db.counter';
  const first = await q(sql, reuse);
  assert.equal(first.Status.State, 'SUCCEEDED');
  // change the data: a re-run would count 2 rows
  fs.copyFileSync(path.join(lake, 'reuse_db', 'counter', 'a.parquet'), path.join(lake, 'reuse_db', 'counter', 'b.parquet'));
  try {
    const second = await q(sql, reuse);
    assert.notEqual(second.QueryExecutionId, first.QueryExecutionId);
    assert.equal(second.Status.State, 'SUCCEEDED');
    assert.deepEqual(second.Statistics.ResultReuseInformation, { ReusedPreviousResult: true });
    assert.equal(second.ResultConfiguration.OutputLocation, first.ResultConfiguration.OutputLocation);
    assert.equal((await h.allResults(url, second.QueryExecutionId)).rows[1][0], '1');
    const noReuse = await q(sql);
    assert.deepEqual(noReuse.Statistics.ResultReuseInformation, { ReusedPreviousResult: false });
    assert.equal((await h.allResults(url, noReuse.QueryExecutionId)).rows[1][0], '2');
    const other = await q(`${sql} `, reuse); // different text: no reuse
    assert.deepEqual(other.Statistics.ResultReuseInformation, { ReusedPreviousResult: false });
  } finally {
    fs.rmSync(path.join(lake, 'reuse_db', 'counter', 'b.parquet'));
  }
});

test('managed query results: no S3 object, no OutputLocation, results through GetQueryResults', async () => {
  const before = await h.s3Keys(moto.url, BUCKET);
  const done = await h.runQuery(url, 'SELECT entry_no FROM finrec.gl ORDER BY entry_no LIMIT 3', { WorkGroup: 'managed' });
  assert.equal(done.Status.State, 'SUCCEEDED', done.Status.StateChangeReason);
  assert.equal(done.ResultConfiguration, undefined);
  assert.deepEqual(done.ManagedQueryResultsConfiguration, { Enabled: true });
  assert.deepEqual((await h.allResults(url, done.QueryExecutionId)).rows, [['entry_no'], ['1'], ['2'], ['3']]);
  assert.deepEqual(await h.s3Keys(moto.url, BUCKET), before);
  const wg = (await h.ok(url, 'GetWorkGroup', { WorkGroup: 'managed' })).WorkGroup;
  assert.equal(wg.Configuration.ManagedQueryResultsConfiguration.Enabled, true);
  assert.match((await err('StartQueryExecution', { QueryString: 'SELECT 1', ClientRequestToken: h.token(), WorkGroup: 'managed', ResultConfiguration: { OutputLocation: OUT } })).Message, /managed query results/);
});

test('workgroups: enforced OutputLocation wins, unknown and disabled workgroups are refused', async () => {
  const done = await q('SELECT 1', { WorkGroup: 'enforced' });
  assert.match(done.ResultConfiguration.OutputLocation, new RegExp(`^s3://${BUCKET}/enforced/${done.QueryExecutionId}\\.csv$`));
  assert.equal((await h.s3Get(moto.url, BUCKET, `enforced/${done.QueryExecutionId}.csv`)).body.toString(), '"_col0"\n"1"\n');
  assert.deepEqual(await err('StartQueryExecution', { QueryString: 'SELECT 1', ClientRequestToken: h.token(), WorkGroup: 'nosuch' }),
    { __type: 'InvalidRequestException', AthenaErrorCode: 'INVALID_INPUT', ErrorCode: 'INVALID_INPUT', Message: 'WorkGroup is not found.' });
  assert.match((await err('StartQueryExecution', { QueryString: 'SELECT 1', ClientRequestToken: h.token(), WorkGroup: 'off' })).Message, /disabled/);
  assert.match((await err('StartQueryExecution', { QueryString: 'SELECT 1', ClientRequestToken: h.token() })).Message, /^No output location provided/);
  assert.equal((await err('StartQueryExecution', { QueryString: 'SELECT 1', ClientRequestToken: h.token(), ResultConfiguration: { OutputLocation: 'bucket/x' } })).Message, 'outputLocation is not a valid S3 path.');
  assert.equal((await err('GetWorkGroup', { WorkGroup: 'nosuch' })).Message, 'WorkGroup is not found.');
  const primary = (await h.ok(url, 'GetWorkGroup', { WorkGroup: 'primary' })).WorkGroup;
  assert.equal(primary.State, 'ENABLED');
  assert.equal(typeof primary.CreationTime, 'number');
});

test('StopQueryExecution cancels a running query; it is idempotent and counted', async () => {
  await h.admin(url, 'POST', 'faults', { queryDelayMs: 60000 });
  const id = await start('SELECT count(*) FROM finrec.gl');
  assert.deepEqual(await h.ok(url, 'StopQueryExecution', { QueryExecutionId: id }), {});
  const done = await h.waitQuery(url, id);
  assert.equal(done.Status.State, 'CANCELLED');
  assert.equal(done.Status.StateChangeReason, 'Query cancelled by user');
  assert.equal(done.Status.AthenaError, undefined);
  assert.deepEqual(await err('GetQueryResults', { QueryExecutionId: id }),
    { __type: 'InvalidRequestException', AthenaErrorCode: 'RESULT_NOT_FOUND', ErrorCode: 'RESULT_NOT_FOUND', Message: 'Could not find results' });
  await h.ok(url, 'StopQueryExecution', { QueryExecutionId: id });
  const state = (await h.admin(url, 'GET', 'state')).json;
  assert.equal(state.stopQueryExecutionCalls, 2);
  assert.equal((await h.s3Keys(moto.url, BUCKET)).filter((k) => k.includes(id)).length, 0);
});

test('fault injection: throttling, TooManyRequests, InternalServerException, injected query failures', async () => {
  await h.admin(url, 'POST', 'faults', { throttleRate: 1, throttleOperations: ['GetWorkGroup'] });
  let r = await h.athena(url, 'GetWorkGroup', { WorkGroup: 'primary' });
  assert.deepEqual([r.status, r.json], [400, { __type: 'ThrottlingException', Message: 'Rate exceeded' }]);
  assert.equal((await h.athena(url, 'ListWorkGroups', {})).status, 200);

  await h.admin(url, 'POST', 'faults', { tooManyRequests: 1 });
  const body = { QueryString: 'SELECT 1', ClientRequestToken: h.token(), ResultConfiguration: { OutputLocation: OUT } };
  r = await h.athena(url, 'StartQueryExecution', body);
  assert.equal(r.status, 400);
  assert.equal(r.json.__type, 'TooManyRequestsException');
  assert.equal(r.json.Reason, 'CONCURRENT_QUERY_LIMIT_EXCEEDED');
  assert.equal((await h.athena(url, 'StartQueryExecution', body)).status, 200); // the retry with the same token succeeds

  await h.admin(url, 'POST', 'faults', { internalErrors: { GetQueryExecution: 2 } });
  const id = await start('SELECT 1');
  for (let i = 0; i < 2; i++) {
    r = await h.athena(url, 'GetQueryExecution', { QueryExecutionId: id });
    assert.equal(r.status, 500);
    assert.equal(r.json.__type, 'InternalServerException');
  }
  assert.equal((await h.athena(url, 'GetQueryExecution', { QueryExecutionId: id })).status, 200);

  await h.admin(url, 'POST', 'faults', { failQueries: { count: 1, errorCategory: 1, errorType: 233, retryable: true, message: 'GENERIC_INTERNAL_ERROR: boom' } });
  const failed = await q('SELECT 1');
  assert.equal(failed.Status.State, 'FAILED');
  assert.deepEqual(failed.Status.AthenaError, { ErrorCategory: 1, ErrorType: 233, Retryable: true, ErrorMessage: 'GENERIC_INTERNAL_ERROR: boom' });
  assert.equal(failed.Status.StateChangeReason, 'GENERIC_INTERNAL_ERROR: boom');
  assert.equal((await q('SELECT 1')).Status.State, 'SUCCEEDED'); // only the next N

  await h.admin(url, 'POST', 'faults', { throttleRate: 0.5, seed: 7 });
  let throttled = 0;
  for (let i = 0; i < 40; i++) if ((await h.athena(url, 'ListWorkGroups', {})).status === 400) throttled++;
  assert.ok(throttled > 5 && throttled < 35, `throttled ${throttled} of 40`);

  const bad = await h.admin(url, 'POST', 'faults', { throttleRate: 2 });
  assert.equal(bad.status, 400);
  await h.admin(url, 'POST', 'reset');
  assert.deepEqual((await h.admin(url, 'GET', 'state')).json.faults.config, {});
});

test('EXPLAIN: DML/EXPLAIN, a .txt result file and a Query Plan column', async () => {
  const done = await q('EXPLAIN SELECT company, sum(amount_lcy) FROM finrec.gl GROUP BY company');
  assert.equal(done.Status.State, 'SUCCEEDED', done.Status.StateChangeReason);
  assert.deepEqual([done.StatementType, done.SubstatementType], ['DML', 'EXPLAIN']);
  assert.equal(done.ResultConfiguration.OutputLocation, `${OUT}${done.QueryExecutionId}.txt`);
  const res = await h.ok(url, 'GetQueryResults', { QueryExecutionId: done.QueryExecutionId });
  assert.equal(res.ResultSet.Rows[0].Data[0].VarCharValue, 'Query Plan');
  assert.equal(res.ResultSet.ResultSetMetadata.ColumnInfo[0].Name, 'Query Plan');
  assert.equal(res.UpdateCount, undefined);
  const plan = res.ResultSet.Rows.slice(1).map((r) => r.Data[0].VarCharValue || '').join('\n');
  assert.match(plan, /gl|GROUP|AGGREGATE/i);
  const txt = (await h.s3Get(moto.url, BUCKET, `athena/${done.QueryExecutionId}.txt`)).body.toString('utf8');
  assert.ok(txt.startsWith('Query Plan\n'));
  assert.equal(txt, ['Query Plan', ...res.ResultSet.Rows.slice(1).map((r) => r.Data[0].VarCharValue ?? '')].join('\n'));
});

test('SQL errors end FAILED with Athena\'s error shape', async () => {
  const missing = await q('SELECT * FROM finrec.nosuch');
  assert.equal(missing.Status.State, 'FAILED');
  assert.equal(missing.Status.StateChangeReason.split(' (DuckDB')[0], "TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.finrec.nosuch' does not exist");
  assert.deepEqual({ ...missing.Status.AthenaError, ErrorMessage: undefined }, { ErrorCategory: 2, ErrorType: 1301, Retryable: false, ErrorMessage: undefined });
  assert.equal(missing.Status.AthenaError.ErrorMessage, missing.Status.StateChangeReason);
  assert.deepEqual(await err('GetQueryResults', { QueryExecutionId: missing.QueryExecutionId }),
    { __type: 'InvalidRequestException', AthenaErrorCode: 'INVALID_QUERY_EXECUTION_STATE', ErrorCode: 'INVALID_QUERY_EXECUTION_STATE', Message: 'Query did not finish successfully. Final query state: FAILED' });
  const syntax = await q('SELECT FROM WHERE');
  assert.equal(syntax.Status.AthenaError.ErrorType, 1006);
  assert.match(syntax.Status.StateChangeReason, /^SYNTAX_ERROR: line 1:/);
  const other = await q("SELECT CAST('x' AS integer)");
  assert.match(other.Status.StateChangeReason, /^INVALID_CAST_ARGUMENT: /);
  const approx = await q('SELECT approx_distinct(company) FROM finrec.gl');
  assert.deepEqual([approx.Status.AthenaError.ErrorType, approx.Status.StateChangeReason.slice(0, 44)], [1200, "NOT_SUPPORTED: line 1:8: Function 'approx_di"]);
  const ddl = await q('CREATE TABLE x AS SELECT 1');
  assert.deepEqual([ddl.StatementType, ddl.SubstatementType, ddl.Status.State], ['DDL', 'CREATE_TABLE_AS_SELECT', 'FAILED']);
  assert.equal(ddl.ResultConfiguration.OutputLocation, `${OUT}${ddl.QueryExecutionId}.txt`);
});

test('Trino functions over lake data (CSV and Parquet tables, joins, dates, decimals)', async () => {
  const done = await q(`WITH fx AS (SELECT company_code, fx_rate FROM finrec.fx_rates WHERE year = 2025 AND month = 9)
    SELECT g.company, count(*) AS n, sum(g.amount_lcy) AS lcy, CAST(sum(g.amount_lcy) / fx.fx_rate AS decimal(38,2)) AS usd,
           count_if(g.is_active) AS active, format_datetime(max(g.created_at), 'yyyy-MM') AS last_month,
           date_diff('day', min(g.posting_date), max(g.posting_date)) AS span_days, last_day_of_month(min(g.posting_date)) AS first_eom
    FROM finrec.gl g LEFT JOIN fx ON fx.company_code = g.company
    WHERE g.posting_date <= DATE '2025-09-30' AND contains(ARRAY['EC_NG', 'JD_GH', 'EC_KE'], g.company)
    GROUP BY g.company, fx.fx_rate ORDER BY g.company`);
  assert.equal(done.Status.State, 'SUCCEEDED', done.Status.StateChangeReason);
  const { rows, columns } = await h.allResults(url, done.QueryExecutionId);
  const rates = { EC_NG: [15401234567890n, 10n], JD_GH: [155000000000n, 10n] }; // rate * 10^10
  const expect = ['EC_KE', 'EC_NG', 'JD_GH'].map((co, ci) => {
    let n = 0;
    let cents = 0n;
    let active = 0;
    let last = 0;
    let minDay = 999;
    let maxDay = -1;
    for (let r = 0; r < N; r++) {
      if (['EC_NG', 'JD_GH', 'EC_KE'][r % 3] !== co || r % 365 > 272) continue; // 2025-09-30 is day 272
      n++;
      cents += BigInt((r * 37) % 100000 - 50000);
      if (r % 2 === 0) active++;
      last = Math.max(last, r);
      minDay = Math.min(minDay, r % 365);
      maxDay = Math.max(maxDay, r % 365);
    }
    const dec = (c) => `${c < 0n ? '-' : ''}${(c < 0n ? -c : c) / 100n}.${String((c < 0n ? -c : c) % 100n).padStart(2, '0')}`;
    let usd = null;
    if (rates[co]) {
      // sum / rate at scale 10 (half up), then cast to scale 2 (half up)
      const [rate] = rates[co];
      const num = (cents < 0n ? -cents : cents) * 10n ** 8n * 10n ** 10n; // cents/100 at scale 10 over rate*10^10
      let q10 = (num * 2n / rate + 1n) / 2n;
      let q2 = (q10 * 2n / 10n ** 8n + 1n) / 2n;
      if (cents < 0n) {
        q10 = -q10;
        q2 = -q2;
      }
      usd = dec(q2);
    }
    const lastTs = new Date(Date.UTC(2025, 0, 1) + last * 1001);
    void ci;
    const firstDay = new Date(Date.UTC(2025, 0, 1 + minDay));
    const eom = new Date(Date.UTC(firstDay.getUTCFullYear(), firstDay.getUTCMonth() + 1, 0));
    return [co, String(n), dec(cents), usd, String(active), lastTs.toISOString().slice(0, 7), String(maxDay - minDay), eom.toISOString().slice(0, 10)];
  });
  assert.deepEqual(rows.slice(1), expect);
  assert.deepEqual(columns.map((c) => c.Type), ['varchar', 'bigint', 'decimal', 'decimal', 'bigint', 'varchar', 'bigint', 'date']);
});

test('missing results bucket: FAILED with "Failed to write query results to Amazon S3"', async () => {
  const done = await q('SELECT 1', { ResultConfiguration: { OutputLocation: 's3://no-such-bucket-xyz/out/' } });
  assert.equal(done.Status.State, 'FAILED');
  assert.match(done.Status.StateChangeReason, /^Failed to write query results to Amazon S3 \(s3:\/\/no-such-bucket-xyz\/out\/[0-9a-f-]+\.csv\): bucket 'no-such-bucket-xyz' does not exist/);
  assert.deepEqual({ ...done.Status.AthenaError, ErrorMessage: undefined }, { ErrorCategory: 2, ErrorType: 401, Retryable: false, ErrorMessage: undefined });
});

test('protocol: targets, content type, JSON errors, SigV4 header, framework validation', async () => {
  let r = await h.athena(url, 'NoSuchOperation', {});
  assert.deepEqual([r.status, r.json], [400, { __type: 'UnknownOperationException' }]);
  assert.equal(r.headers['content-type'], 'application/x-amz-json-1.1');
  assert.ok(r.headers['x-amzn-requestid']);
  assert.equal(r.headers['x-amzn-errortype'], undefined);
  r = await h.athena(url, 'GetWorkGroup', undefined, { raw: '{"WorkGroup": ' });
  assert.deepEqual([r.status, r.json], [400, { __type: 'SerializationException' }]);
  r = await h.athena(url, 'GetQueryResults', { QueryExecutionId: 'x', MaxResults: '1' });
  assert.deepEqual(r.json, { __type: 'SerializationException', Message: 'STRING_VALUE can not be converted to an Integer' });
  r = await h.athena(url, 'StartQueryExecution', {});
  assert.equal(r.json.Message, "1 validation error detected: Value null at 'queryString' failed to satisfy constraint: Member must not be null");
  r = await h.athena(url, 'ListWorkGroups', {}, { headers: { Authorization: '' } });
  assert.deepEqual([r.status, r.json.__type], [400, 'MissingAuthenticationTokenException']);
  r = await h.athena(url, 'ListWorkGroups', {}, { headers: { 'Content-Type': 'application/x-amz-json-1.0' } });
  assert.equal(r.status, 404);
  r = await h.athena(url, 'ListWorkGroups', { UnknownKey: 1, NextToken: null });
  assert.equal(r.status, 200); // unknown keys ignored, null = absent
  assert.deepEqual(r.json.WorkGroups.map((w) => w.Name), ['enforced', 'managed', 'off', 'primary']);
});

test('catalog: ListDatabases, GetDatabase, ListTableMetadata, SHOW TABLES, DESCRIBE', async () => {
  const dbs = await h.ok(url, 'ListDatabases', { CatalogName: 'AwsDataCatalog' });
  assert.deepEqual(dbs.DatabaseList.map((d) => d.Name), ['default', 'finrec', 'reuse_db']);
  const paged = await h.ok(url, 'ListDatabases', { CatalogName: 'AwsDataCatalog', MaxResults: 2 });
  assert.equal(paged.DatabaseList.length, 2);
  assert.deepEqual((await h.ok(url, 'ListDatabases', { CatalogName: 'AwsDataCatalog', NextToken: paged.NextToken })).DatabaseList.map((d) => d.Name), ['reuse_db']);
  assert.deepEqual((await h.ok(url, 'GetDatabase', { CatalogName: 'AwsDataCatalog', DatabaseName: 'finrec' })).Database.Name, 'finrec');
  const missing = await err('GetDatabase', { CatalogName: 'AwsDataCatalog', DatabaseName: 'nosuch' });
  assert.equal(missing.__type, 'MetadataException');
  assert.match(missing.Message, /^Database nosuch not found\./);
  const tables = await h.ok(url, 'ListTableMetadata', { CatalogName: 'AwsDataCatalog', DatabaseName: 'finrec' });
  assert.deepEqual(tables.TableMetadataList.map((t) => t.Name), ['fx_rates', 'gl', 'notes']);
  const gl = tables.TableMetadataList[1];
  assert.deepEqual(gl.Columns, [{ Name: 'entry_no', Type: 'bigint' }, { Name: 'company', Type: 'string' }, { Name: 'amount_lcy', Type: 'decimal(38,2)' },
    { Name: 'posting_date', Type: 'date' }, { Name: 'created_at', Type: 'timestamp' }, { Name: 'rate', Type: 'double' }, { Name: 'is_active', Type: 'boolean' }]);
  assert.deepEqual(gl.PartitionKeys, []);
  assert.deepEqual(tables.TableMetadataList[0].Columns.map((c) => c.Type), ['string', 'decimal(38,10)', 'bigint', 'bigint']);
  const filtered = await h.ok(url, 'ListTableMetadata', { CatalogName: 'AwsDataCatalog', DatabaseName: 'finrec', Expression: 'fx.*' });
  assert.deepEqual(filtered.TableMetadataList.map((t) => t.Name), ['fx_rates']);
  const show = await q('SHOW TABLES IN finrec');
  assert.deepEqual([show.StatementType, show.SubstatementType], ['UTILITY', 'SHOW_TABLES']);
  assert.deepEqual((await h.allResults(url, show.QueryExecutionId)).rows, [['fx_rates'], ['gl'], ['notes']]); // no header row for UTILITY
  assert.equal((await h.s3Get(moto.url, BUCKET, `athena/${show.QueryExecutionId}.txt`)).body.toString(), 'fx_rates\ngl\nnotes');
  const desc = await q('DESCRIBE finrec.fx_rates');
  const rows = (await h.allResults(url, desc.QueryExecutionId)).rows;
  assert.deepEqual(rows[0], [`${'company_code'.padEnd(20)}\t${'string'.padEnd(20)}\t${' '.repeat(20)}`]);
});
