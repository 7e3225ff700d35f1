'use strict';
// Configuration from command-line flags, falling back to environment variables.

const path = require('path');
const os = require('os');

const OPTIONS = {
  port: { env: 'ATHENA_EMULATOR_PORT', def: '0', help: 'TCP port on 127.0.0.1 (0 = pick a free one)' },
  lake: { env: 'ATHENA_EMULATOR_LAKE', def: undefined, help: 'lake folder: <lake>/<database>/<table>/*.parquet|*.csv (required)' },
  's3-endpoint': { env: 'ATHENA_EMULATOR_S3_ENDPOINT', def: undefined, help: 'S3 endpoint for result files, e.g. http://127.0.0.1:5000 (moto)' },
  region: { env: 'AWS_REGION', def: 'us-east-1', help: 'region reported by the emulator' },
  'state-dir': { env: 'ATHENA_EMULATOR_STATE_DIR', def: undefined, help: 'folder for local result files (default: a temporary folder removed at exit)' },
  workgroups: { env: 'ATHENA_EMULATOR_WORKGROUPS', def: undefined, help: 'workgroups JSON file (or inline JSON)' },
  'output-location': { env: 'ATHENA_EMULATOR_OUTPUT_LOCATION', def: undefined, help: "OutputLocation of the 'primary' workgroup when the workgroups file does not set one" },
  'max-concurrent': { env: 'ATHENA_EMULATOR_MAX_CONCURRENT', def: '4', help: 'queries running at once; the others stay QUEUED' },
  'syntax-errors': { env: 'ATHENA_EMULATOR_SYNTAX_ERRORS', def: 'failed', help: "'failed': syntax errors end the query FAILED (ErrorType 1006); 'reject': StartQueryExecution answers 400 MALFORMED_QUERY like real Athena" },
  'require-auth': { env: 'ATHENA_EMULATOR_REQUIRE_AUTH', def: 'true', help: 'require a SigV4 Authorization header (never verified)' },
  faults: { env: 'ATHENA_EMULATOR_FAULTS', def: undefined, help: 'initial fault injection config (JSON)' },
  threads: { env: 'ATHENA_EMULATOR_DUCKDB_THREADS', def: undefined, help: 'DuckDB worker threads (default: number of cores)' },
  'log-level': { env: 'ATHENA_EMULATOR_LOG', def: 'info', help: 'error | warn | info | debug (logs go to stderr)' },
};

function usage() {
  const lines = ['Usage: node server.js --lake DIR [--port N] [--s3-endpoint URL] [options]', '', 'Options (flag / environment variable):'];
  for (const [k, o] of Object.entries(OPTIONS)) lines.push(`  --${k.padEnd(16)} ${o.env.padEnd(32)} ${o.help}${o.def !== undefined ? ` [${o.def}]` : ''}`);
  return lines.join('\n');
}

/** Parse argv/env into a config object; throws Error with a clear message. */
function parseConfig(argv, env) {
  const raw = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') return { help: usage() };
    const m = /^--([a-z0-9-]+)(?:=(.*))?$/.exec(a);
    if (!m || !OPTIONS[m[1]]) throw new Error(`unknown argument '${a}'\n\n${usage()}`);
    const value = m[2] !== undefined ? m[2] : argv[++i];
    if (value === undefined) throw new Error(`--${m[1]} needs a value`);
    raw[m[1]] = value;
  }
  const get = (k) => (raw[k] !== undefined ? raw[k] : env[OPTIONS[k].env] !== undefined && env[OPTIONS[k].env] !== '' ? env[OPTIONS[k].env] : OPTIONS[k].def);
  const int = (k, min, max) => {
    const v = Number(get(k));
    if (!Number.isInteger(v) || v < min || v > max) throw new Error(`--${k} (${OPTIONS[k].env}) must be an integer in ${min}..${max}, got '${get(k)}'`);
    return v;
  };
  const lake = get('lake');
  if (!lake) throw new Error(`the lake folder is required: --lake DIR or ${OPTIONS.lake.env}\n\n${usage()}`);
  const syntaxErrors = get('syntax-errors');
  if (!['failed', 'reject'].includes(syntaxErrors)) throw new Error("--syntax-errors must be 'failed' or 'reject'");
  const requireAuth = String(get('require-auth')).toLowerCase();
  if (!['true', 'false'].includes(requireAuth)) throw new Error('--require-auth must be true or false');
  const s3Endpoint = get('s3-endpoint');
  if (s3Endpoint && !/^http:\/\/[^/]+\/?$/.test(s3Endpoint)) throw new Error(`--s3-endpoint must look like http://127.0.0.1:5000 (plain HTTP, no path), got '${s3Endpoint}'`);
  const logLevel = get('log-level');
  if (!['error', 'warn', 'info', 'debug'].includes(logLevel)) throw new Error('--log-level must be error, warn, info or debug');
  let faults;
  if (get('faults')) {
    try {
      faults = JSON.parse(get('faults'));
    } catch (e) {
      throw new Error(`${OPTIONS.faults.env} is not valid JSON: ${e.message}`);
    }
  }
  return {
    port: int('port', 0, 65535),
    lakeDir: path.resolve(lake),
    s3Endpoint: s3Endpoint ? s3Endpoint.replace(/\/$/, '') : undefined,
    region: get('region'),
    stateDir: get('state-dir') ? path.resolve(get('state-dir')) : undefined,
    defaultStateRoot: os.tmpdir(),
    workgroups: get('workgroups'),
    outputLocation: get('output-location'),
    maxConcurrent: int('max-concurrent', 1, 64),
    syntaxErrors,
    requireAuth: requireAuth === 'true',
    faults,
    threads: get('threads') !== undefined ? int('threads', 1, 256) : undefined,
    logLevel,
  };
}

module.exports = { parseConfig, usage };
