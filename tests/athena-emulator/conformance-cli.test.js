'use strict';
// Conformance: drive the emulator with the real AWS CLI (botocore), a client nobody
// here wrote. If botocore parses the answers (timestamps, errors, pagination), the
// wire protocol is right. Result files are read back from moto with `aws s3 cp`.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const h = require('./helpers');

const BUCKET = 'conformance-results';
let moto;
let emu;
let configFile;

function cliEnv() {
  const env = { ...process.env };
  // ignore whatever the developer's shell points at (profiles, sourced .local-aws/env)
  for (const k of Object.keys(env)) if (/^AWS_/.test(k)) delete env[k];
  return {
    ...env,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_CONFIG_FILE: configFile,
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_RETRY_MODE: 'standard',
    AWS_MAX_ATTEMPTS: '3',
    AWS_PAGER: '',
  };
}

function aws(args, { json = true } = {}) {
  const r = spawnSync('aws', [...args, '--region', 'us-east-1', ...(json ? ['--output', 'json'] : [])], { encoding: 'utf8', env: cliEnv() });
  if (r.error) throw r.error;
  return { code: r.status, out: r.stdout, err: r.stderr, json: json && r.status === 0 && r.stdout.trim() ? JSON.parse(r.stdout) : undefined };
}

const athena = (...args) => aws(['athena', ...args, '--endpoint-url', emu.url]);

test.before(async () => {
  const r = spawnSync('aws', ['--version'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error('the AWS CLI (aws) is not on PATH; AWS CLI v1 is expected on this machine image');
  const lake = h.tempDir('athena-emu-cli-lake-');
  // timestamps printed in ISO 8601 show that botocore parsed the epoch-seconds numbers
  configFile = path.join(lake, 'aws-config');
  fs.writeFileSync(configFile, '[default]\ncli_timestamp_format = iso8601\n');
  fs.mkdirSync(path.join(lake, 'finrec', 'ledger'), { recursive: true });
  await h.duck([`COPY (SELECT range::BIGINT AS entry_no, CAST(range AS DECIMAL(38,0)) * 0.25 AS amount, 'co"' || (range % 2) AS company,
      CASE WHEN range % 5 = 0 THEN NULL ELSE 'n' || range END AS note FROM range(2500))
      TO '${path.join(lake, 'finrec', 'ledger', 'part-0.parquet')}' (FORMAT parquet)`]);
  moto = await h.startMoto();
  emu = await h.startEmulator({ lake, s3: moto.url, args: ['--log-level', 'warn'] });
  const mb = aws(['s3', 'mb', `s3://${BUCKET}`, '--endpoint-url', moto.url], { json: false });
  assert.equal(mb.code, 0, mb.err);
});

test.after(async () => {
  if (emu) await emu.stop();
  if (moto) await moto.stop();
  h.killAll();
});

function waitCli(id) {
  for (let i = 0; i < 200; i++) {
    const r = athena('get-query-execution', '--query-execution-id', id);
    assert.equal(r.code, 0, r.err);
    const state = r.json.QueryExecution.Status.State;
    if (['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(state)) return r.json.QueryExecution;
  }
  throw new Error('query did not finish');
}

test('aws athena start/get/results and aws s3 cp of the result file', () => {
  const sql = 'SELECT entry_no, amount, company, note FROM ledger WHERE entry_no < 2400 ORDER BY entry_no';
  const start = athena('start-query-execution', '--query-string', sql, '--query-execution-context', 'Database=finrec,Catalog=AwsDataCatalog',
    '--result-configuration', `OutputLocation=s3://${BUCKET}/athena/`);
  assert.equal(start.code, 0, start.err);
  const id = start.json.QueryExecutionId;
  assert.match(id, /^[0-9a-f-]{36}$/);
  const q = waitCli(id);
  assert.equal(q.Status.State, 'SUCCEEDED', q.Status.StateChangeReason);
  assert.equal(q.ResultConfiguration.OutputLocation, `s3://${BUCKET}/athena/${id}.csv`);
  // botocore parsed the epoch-seconds timestamps into ISO dates
  assert.match(q.Status.SubmissionDateTime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
  assert.match(q.Status.CompletionDateTime, /^\d{4}-\d\d-\d\dT/);

  // the CLI follows NextToken through all pages (1000 rows each) and merges them
  const res = athena('get-query-results', '--query-execution-id', id);
  assert.equal(res.code, 0, res.err);
  const rows = res.json.ResultSet.Rows.map((r) => r.Data.map((d) => (d.VarCharValue === undefined ? null : d.VarCharValue)));
  assert.equal(rows.length, 2401);
  assert.deepEqual(rows[0], ['entry_no', 'amount', 'company', 'note']);
  assert.deepEqual(rows[1], ['0', '0.00', 'co"0', null]);
  assert.deepEqual(rows[2400], ['2399', '599.75', 'co"1', 'n2399']);
  assert.deepEqual(res.json.ResultSet.ResultSetMetadata.ColumnInfo.map((c) => c.Type), ['bigint', 'decimal', 'varchar', 'varchar']);

  const cp = aws(['s3', 'cp', `s3://${BUCKET}/athena/${id}.csv`, '-', '--endpoint-url', moto.url], { json: false });
  assert.equal(cp.code, 0, cp.err);
  const cell = (v) => (v === null ? '' : `"${v.replace(/"/g, '""')}"`);
  assert.equal(cp.out, rows.map((r) => `${r.map(cell).join(',')}\n`).join(''));

  const page = athena('get-query-results', '--query-execution-id', id, '--max-items', '5');
  assert.equal(page.json.ResultSet.Rows.length, 5);
  assert.ok(page.json.NextToken);
});

test('aws athena error answers are parsed by botocore', () => {
  const r = athena('get-query-execution', '--query-execution-id', '11111111-2222-3333-4444-555555555555');
  assert.notEqual(r.code, 0);
  assert.match(r.err, /An error occurred \(InvalidRequestException\) when calling the GetQueryExecution operation: QueryExecution 11111111-2222-3333-4444-555555555555 was not found/);
  const wg = athena('get-work-group', '--work-group', 'nosuch');
  assert.match(wg.err, /\(InvalidRequestException\).*WorkGroup is not found\./);
  const failed = athena('start-query-execution', '--query-string', 'SELECT * FROM finrec.nosuch', '--result-configuration', `OutputLocation=s3://${BUCKET}/athena/`);
  const q = waitCli(failed.json.QueryExecutionId);
  assert.equal(q.Status.State, 'FAILED');
  assert.equal(q.Status.AthenaError.ErrorType, 1301);
  assert.equal(q.Status.AthenaError.Retryable, false);
});

test('botocore retries ThrottlingException and 500 InternalServerException', async () => {
  await h.admin(emu.url, 'POST', 'reset');
  await h.admin(emu.url, 'POST', 'faults', { internalErrors: { GetWorkGroup: 1 } });
  const ok = athena('get-work-group', '--work-group', 'primary');
  assert.equal(ok.code, 0, ok.err); // first attempt got 500, the retry succeeded
  assert.equal(ok.json.WorkGroup.Name, 'primary');
  await h.admin(emu.url, 'POST', 'faults', { throttleRate: 1, throttleOperations: ['ListWorkGroups'] });
  const throttled = athena('list-work-groups');
  assert.notEqual(throttled.code, 0);
  assert.match(throttled.err, /ThrottlingException.*Rate exceeded/);
  const state = (await h.admin(emu.url, 'GET', 'state')).json;
  assert.equal(state.counters.ListWorkGroups, 3); // AWS_MAX_ATTEMPTS=3: botocore saw a retryable error
  assert.equal(state.counters.GetWorkGroup, 2);
  await h.admin(emu.url, 'POST', 'reset');
});

test('aws athena catalog commands and stop-query-execution', async () => {
  const dbs = athena('list-databases', '--catalog-name', 'AwsDataCatalog');
  assert.deepEqual(dbs.json.DatabaseList.map((d) => d.Name), ['default', 'finrec']);
  const tables = athena('list-table-metadata', '--catalog-name', 'AwsDataCatalog', '--database-name', 'finrec');
  assert.deepEqual(tables.json.TableMetadataList[0].Columns, [{ Name: 'entry_no', Type: 'bigint' }, { Name: 'amount', Type: 'decimal(38,2)' },
    { Name: 'company', Type: 'string' }, { Name: 'note', Type: 'string' }]);
  const missing = athena('get-database', '--catalog-name', 'AwsDataCatalog', '--database-name', 'nosuch');
  assert.match(missing.err, /\(MetadataException\).*Database nosuch not found/);
  await h.admin(emu.url, 'POST', 'faults', { queryDelayMs: 60000 });
  const start = athena('start-query-execution', '--query-string', 'SELECT 1', '--result-configuration', `OutputLocation=s3://${BUCKET}/athena/`);
  const stop = athena('stop-query-execution', '--query-execution-id', start.json.QueryExecutionId);
  assert.equal(stop.code, 0, stop.err);
  const q = waitCli(start.json.QueryExecutionId);
  assert.deepEqual([q.Status.State, q.Status.StateChangeReason], ['CANCELLED', 'Query cancelled by user']);
  await h.admin(emu.url, 'POST', 'reset');
});
