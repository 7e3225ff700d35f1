'use strict';
// --syntax-errors reject: syntax errors are answered by StartQueryExecution with
// 400 MALFORMED_QUERY (what real Athena does) instead of a FAILED query.
const test = require('node:test');
const assert = require('node:assert/strict');
const h = require('./helpers');

let emu;
test.before(async () => {
  emu = await h.startEmulator({ lake: h.tempDir('athena-emu-reject-'), args: ['--syntax-errors', 'reject', '--output-location', 's3://unused-bucket/x/', '--log-level', 'error'] });
});
test.after(async () => {
  if (emu) await emu.stop();
  h.killAll();
});

const start = (sql, params) => h.athena(emu.url, 'StartQueryExecution', { QueryString: sql, ClientRequestToken: h.token(), ...(params ? { ExecutionParameters: params } : {}) });

test('syntax errors: 400 MALFORMED_QUERY with the position in the SQL the user sent; the token is not consumed', async () => {
  let r = await start('SELEC 1');
  assert.equal(r.status, 400);
  assert.deepEqual([r.json.__type, r.json.AthenaErrorCode, r.json.ErrorCode], ['InvalidRequestException', 'MALFORMED_QUERY', 'MALFORMED_QUERY']);
  assert.match(r.json.Message, /^line 1:1: mismatched input 'SELEC'/);
  r = await start("SELECT ?, 1 FROM WHERE x", ["'a long string parameter'"]);
  assert.equal(r.json.AthenaErrorCode, 'MALFORMED_QUERY');
  assert.match(r.json.Message, /^line 1:18: mismatched input 'WHERE'/);
  r = await start("SELECT 'unterminated");
  assert.equal(r.json.AthenaErrorCode, 'MALFORMED_QUERY');
  // a valid query is accepted (and fails later for other reasons: here the table)
  r = await start('SELECT * FROM nosuch');
  assert.equal(r.status, 200);
  const q = await h.waitQuery(emu.url, r.json.QueryExecutionId);
  assert.equal(q.Status.State, 'FAILED');
  assert.match(q.Status.StateChangeReason, /^TABLE_NOT_FOUND/);
});
