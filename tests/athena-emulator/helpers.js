'use strict';
// Test helpers: start moto and the emulator on free loopback ports (and always stop
// them), build a small lake, and talk to the emulator over its JSON-1.1 API.

const { spawn, spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');

const EMU_DIR = path.resolve(__dirname, '../../src/athena-emulator');
const emu = (mod) => require(path.join(EMU_DIR, mod));

const children = new Set();
const tempDirs = new Set();

function killAll() {
  for (const c of children) {
    try {
      c.kill('SIGKILL');
    } catch {
      /* gone */
    }
  }
  children.clear();
  for (const d of tempDirs) fs.rmSync(d, { recursive: true, force: true });
  tempDirs.clear();
}
process.on('exit', killAll);

function tempDir(prefix = 'athena-emu-test-') {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.add(d);
  return d;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** HTTP request; resolves {status, headers, body: Buffer}. */
function httpRequest(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

async function waitHttp(url, what, proc, attempts = 240) {
  for (let i = 0; i < attempts; i++) {
    if (proc.exitCode !== null) throw new Error(`${what} exited with code ${proc.exitCode}`);
    try {
      const r = await httpRequest(url);
      if (r.status === 200) return;
    } catch {
      /* not yet listening */
    }
    await sleep(125);
  }
  throw new Error(`${what} did not answer at ${url}`);
}

function requireMoto() {
  const r = spawnSync('bash', ['-c', 'command -v moto_server'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error('moto_server not found on PATH; moto 5.2.1 is expected on this machine image');
}

async function startMoto() {
  requireMoto();
  const port = await freePort();
  const proc = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  children.add(proc);
  let stderr = '';
  proc.stderr.on('data', (d) => {
    stderr += d;
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitHttp(`${url}/moto-api/`, 'moto_server', proc);
  } catch (e) {
    throw new Error(`${e.message}\n${stderr.slice(-2000)}`);
  }
  return {
    url,
    port,
    stop: () => stopProc(proc),
  };
}

/** Start the emulator; resolves {url, port, pid, stop, stderr()}. */
async function startEmulator({ lake, s3, args = [], env = {} }) {
  // the state folder lives in a test temp folder, so it is removed even if the emulator is killed
  const argv = [path.join(EMU_DIR, 'server.js'), '--port', '0', '--lake', lake, '--state-dir', path.join(tempDir('athena-emu-state-'), 'state'),
    ...(s3 ? ['--s3-endpoint', s3] : []), ...args];
  const proc = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  children.add(proc);
  let stderr = '';
  proc.stderr.on('data', (d) => {
    stderr += d;
  });
  const first = await new Promise((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (d) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(out.slice(0, nl));
    });
    proc.on('exit', (code) => reject(new Error(`emulator exited (${code}) before listening:\n${stderr}`)));
  });
  const { port, pid } = JSON.parse(first);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid,
    proc,
    stderr: () => stderr,
    stop: () => stopProc(proc),
  };
}

function stopProc(proc) {
  return new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) {
      children.delete(proc);
      resolve();
      return;
    }
    proc.once('exit', () => {
      children.delete(proc);
      resolve();
    });
    proc.kill('SIGTERM');
  });
}

// ---------------------------------------------------------------------------------
// Athena JSON 1.1 client

const FAKE_AUTH = 'AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/athena/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0000';

async function athena(url, operation, body, { headers = {}, raw } = {}) {
  const r = await httpRequest(`${url}/`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `AmazonAthena.${operation}`,
      'X-Amz-Date': '20260101T000000Z',
      Authorization: FAKE_AUTH,
      ...headers,
    },
    body: raw !== undefined ? raw : JSON.stringify(body),
  });
  const text = r.body.toString('utf8');
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: r.status, headers: r.headers, json, text };
}

/** Call and require HTTP 200; returns the JSON body. */
async function ok(url, operation, body) {
  const r = await athena(url, operation, body);
  if (r.status !== 200) throw new Error(`${operation} -> ${r.status} ${r.text}`);
  return r.json;
}

const token = () => crypto.randomBytes(16).toString('hex');

async function startQuery(url, sql, extra = {}) {
  const r = await ok(url, 'StartQueryExecution', { QueryString: sql, ClientRequestToken: token(), ...extra });
  return r.QueryExecutionId;
}

const TERMINAL = ['SUCCEEDED', 'FAILED', 'CANCELLED'];

/** Poll until the query is finished (bounded number of polls, no wall-clock assertion). */
async function waitQuery(url, id, polls = 2000) {
  for (let i = 0; i < polls; i++) {
    const q = (await ok(url, 'GetQueryExecution', { QueryExecutionId: id })).QueryExecution;
    if (TERMINAL.includes(q.Status.State)) return q;
    await sleep(20);
  }
  throw new Error(`query ${id} did not finish`);
}

async function runQuery(url, sql, extra) {
  const id = await startQuery(url, sql, extra);
  return waitQuery(url, id);
}

/** All GetQueryResults pages: {pages: [...], rows: [[...]], columns}. */
async function allResults(url, id, maxResults) {
  const pages = [];
  let next;
  do {
    const r = await ok(url, 'GetQueryResults', { QueryExecutionId: id, ...(maxResults ? { MaxResults: maxResults } : {}), ...(next ? { NextToken: next } : {}) });
    pages.push(r);
    next = r.NextToken;
  } while (next);
  const rows = pages.flatMap((p) => p.ResultSet.Rows.map((row) => row.Data.map((d) => (d.VarCharValue === undefined ? null : d.VarCharValue))));
  return { pages, rows, columns: pages[0].ResultSet.ResultSetMetadata.ColumnInfo };
}

// ---------------------------------------------------------------------------------
// S3 (moto) and admin helpers

// moto answers anonymous GETs with 403; any SigV4-looking header (never verified) will do
const S3_AUTH = { Authorization: 'AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0000' };

async function s3Get(motoUrl, bucket, key) {
  return httpRequest(`${motoUrl}/${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`, { headers: S3_AUTH });
}

async function s3CreateBucket(motoUrl, bucket) {
  const r = await httpRequest(`${motoUrl}/${bucket}`, { method: 'PUT' });
  if (r.status !== 200) throw new Error(`cannot create bucket ${bucket}: ${r.status}`);
}

async function s3Keys(motoUrl, bucket) {
  const r = await httpRequest(`${motoUrl}/${bucket}?list-type=2`, { headers: S3_AUTH });
  return [...r.body.toString('utf8').matchAll(/<Key>([^<]+)<\/Key>/g)].map((m) => m[1]);
}

async function admin(url, method, route, body) {
  const r = await httpRequest(`${url}/_emulator/${route}`, {
    method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: r.status, json: JSON.parse(r.body.toString('utf8')) };
}

// ---------------------------------------------------------------------------------
// Lake building

/** Run SQL statements with DuckDB (the emulator's dependency) to write Parquet files. */
async function duck(statements) {
  const { DuckDBInstance } = require(path.join(EMU_DIR, 'node_modules/@duckdb/node-api'));
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    for (const s of statements) await c.run(s);
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

/** Write a CSV table in the lake: header + rows in Athena's dialect, and _schema.json. */
function writeCsvTable(dir, columns, rows) {
  fs.mkdirSync(dir, { recursive: true });
  const { csvLine } = emu('results');
  fs.writeFileSync(path.join(dir, '_schema.json'), JSON.stringify({ columns }));
  fs.writeFileSync(path.join(dir, 'part-0.csv'), csvLine(columns.map((c) => c.name)) + rows.map(csvLine).join(''));
}

// ---------------------------------------------------------------------------------
// In-process engine (no HTTP): the real compile/render pipeline, for unit tests.

async function localEngine(lakeDir) {
  const { Engine } = emu('engine');
  const state = tempDir('athena-emu-engine-');
  const resultsDir = path.join(state, 'results');
  const tmp = path.join(state, 'tmp');
  fs.mkdirSync(resultsDir);
  fs.mkdirSync(tmp);
  const engine = new Engine({ lakeDir: lakeDir || tempDir('athena-emu-lake-'), resultsDir, tempDir: tmp, log: () => {} });
  await engine.init();
  let n = 0;
  /** Run a query; resolves {names, columns (ColumnInfo), rows, file, bytes} or rejects with a QueryError. */
  async function query(sql, params, database = 'default') {
    const { substituteParameters } = emu('params');
    const { analyzeStatement } = emu('sql-compat');
    const { positionedError } = emu('errors');
    const { readPage } = emu('results');
    const sub = substituteParameters(sql, params);
    const substituted = { original: sql, toOriginal: (p) => sub.map.toSource(p) };
    const file = path.join(resultsDir, `q${n++}.data`);
    const conn = await engine.connect(database);
    try {
      const st = analyzeStatement(sub.sql);
      const r = await engine.runQuery(conn, st, { sql, database, toOriginal: substituted.toOriginal }, file);
      const page = readPage(file, 0, 1e9);
      return { names: r.columns.map((c) => c.Name), columns: r.columns, rows: page.rows, header: r.header, bytes: fs.readFileSync(file) };
    } catch (e) {
      throw positionedError(e, substituted);
    } finally {
      conn.closeSync();
    }
  }
  return { engine, query, close: () => engine.close() };
}

module.exports = {
  localEngine,
  EMU_DIR,
  emu,
  tempDir,
  freePort,
  sleep,
  httpRequest,
  startMoto,
  startEmulator,
  killAll,
  athena,
  ok,
  token,
  startQuery,
  waitQuery,
  runQuery,
  allResults,
  s3Get,
  s3CreateBucket,
  s3Keys,
  admin,
  duck,
  writeCsvTable,
};
