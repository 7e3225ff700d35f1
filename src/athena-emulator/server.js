#!/usr/bin/env node
'use strict';
// Local AWS Athena emulator: Athena's JSON-1.1 API on 127.0.0.1, real SQL on DuckDB
// over a local lake, result files written to an S3 endpoint (moto).
//
//   node server.js --port 0 --lake DIR --s3-endpoint http://127.0.0.1:5000
//
// On start it prints one JSON line to stdout, {"port": N, "pid": P}; logs go to stderr.
// See README.md.

const http = require('http');
const fs = require('fs');
const path = require('path');
const { parseConfig } = require('./config');
const { Engine } = require('./engine');
const { Executions } = require('./executions');
const { Faults } = require('./faults');
const { AthenaApi } = require('./athena-api');
const { loadWorkgroups } = require('./workgroups');
const { handleAthena } = require('./protocol');
const { handleAdmin } = require('./admin');

const LEVELS = { error: 0, warn: 1, info: 2, debug: 3 };

function makeLogger(level) {
  const max = LEVELS[level];
  return (lvl, msg) => {
    if (LEVELS[lvl] <= max) process.stderr.write(`${new Date().toISOString()} athena-emulator ${lvl}: ${msg}\n`);
  };
}

async function start(config) {
  const log = makeLogger(config.logLevel);
  if (!fs.existsSync(config.lakeDir)) {
    fs.mkdirSync(config.lakeDir, { recursive: true });
    log('info', `created the empty lake folder ${config.lakeDir}`);
  } else if (!fs.statSync(config.lakeDir).isDirectory()) {
    throw new Error(`lake path ${config.lakeDir} is not a folder`);
  }
  const ownStateDir = !config.stateDir;
  const stateDir = config.stateDir || fs.mkdtempSync(path.join(config.defaultStateRoot, 'athena-emulator-'));
  const resultsDir = path.join(stateDir, 'results');
  const tempDir = path.join(stateDir, 'duckdb-tmp');
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.mkdirSync(tempDir, { recursive: true });

  let workgroups;
  const faults = new Faults();
  const engine = new Engine({ lakeDir: config.lakeDir, resultsDir, tempDir, threads: config.threads, log });
  try {
    workgroups = loadWorkgroups({ source: config.workgroups, defaultOutputLocation: config.outputLocation });
    if (config.faults) faults.set(config.faults);
    await engine.init();
  } catch (e) {
    if (ownStateDir) fs.rmSync(stateDir, { recursive: true, force: true });
    throw e;
  }
  const executions = new Executions({
    engine, faults, log, config: { resultsDir, s3Endpoint: config.s3Endpoint, maxConcurrent: config.maxConcurrent },
  });
  const api = new AthenaApi({ engine, executions, workgroups, config });
  const counters = {};
  let server;
  const ctx = {
    api, faults, counters, engine, executions, config, log, requireAuth: config.requireAuth, port: () => server.address().port,
  };
  server = http.createServer((req, res) => {
    const handler = req.url.startsWith('/_emulator/') ? handleAdmin : handleAthena;
    handler(req, res, ctx).catch((e) => {
      log('error', e.stack || String(e));
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, '127.0.0.1', resolve);
  });

  let stopping = false;
  const shutdown = (signal) => {
    if (stopping) return;
    stopping = true;
    log('info', `stopping (${signal})`);
    executions.reset();
    server.close();
    server.closeAllConnections();
    try {
      engine.close();
    } catch {
      /* closing anyway */
    }
    if (ownStateDir) fs.rmSync(stateDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  const port = server.address().port;
  log('info', `listening on http://127.0.0.1:${port} (lake ${config.lakeDir}, S3 ${config.s3Endpoint || 'none'}, state ${stateDir})`);
  process.stdout.write(`${JSON.stringify({ port, pid: process.pid })}\n`);
  return { server, port };
}

if (require.main === module) {
  let config;
  try {
    config = parseConfig(process.argv.slice(2), process.env);
  } catch (e) {
    process.stderr.write(`athena-emulator: ${e.message}\n`);
    process.exit(2);
  }
  if (config.help) {
    process.stdout.write(`${config.help}\n`);
    process.exit(0);
  }
  start(config).catch((e) => {
    process.stderr.write(`athena-emulator: cannot start: ${e.message}\n`);
    process.exit(1);
  });
}

module.exports = { start };
