'use strict';
// Query executions: the QUEUED -> RUNNING -> SUCCEEDED | FAILED | CANCELLED state
// machine, run in the background (StartQueryExecution returns at once), with a limit
// on concurrently running queries, cancellation, result reuse and result upload.

const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { QueryError, positionedError } = require('./errors');
const { fromMessage } = require('./duck-errors');
const { writeRows } = require('./engine');
const { runUtility } = require('./utility');
const { parseS3Uri, joinS3, bucketExists, putObject, S3WriteError } = require('./s3');

const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

class Executions {
  /**
   * @param {{engine, faults, config, log}} deps config: {resultsDir, s3Endpoint, maxConcurrent}
   */
  constructor({ engine, faults, config, log }) {
    this.engine = engine;
    this.faults = faults;
    this.config = config;
    this.log = log;
    this.reset();
  }

  reset() {
    for (const e of this.byId ? this.byId.values() : []) this.cancel(e, 'emulator reset');
    this.byId = new Map();
    this.byToken = new Map();
    this.queue = [];
    this.running = 0;
    if (this.config.resultsDir && fs.existsSync(this.config.resultsDir)) {
      for (const f of fs.readdirSync(this.config.resultsDir)) fs.rmSync(path.join(this.config.resultsDir, f), { force: true });
    }
  }

  get(id) {
    return this.byId.get(id);
  }

  /**
   * Create and queue an execution.
   * @param {object} spec see athena-api.js startQueryExecution
   */
  create(spec) {
    const id = crypto.randomUUID();
    const now = Date.now();
    const exec = {
      id,
      ...spec,
      state: 'QUEUED',
      submittedAt: now,
      startedAt: null,
      completedAt: null,
      planningMs: 0,
      serviceMs: 0,
      scannedBytes: 0,
      reused: false,
      result: null,
      resultUri: spec.outputLocation ? joinS3(spec.outputLocation, `${id}.${spec.statementType === 'DML' && spec.substatementType !== 'EXPLAIN' ? 'csv' : 'txt'}`) : null,
    };
    this.byId.set(id, exec);
    if (spec.token) this.byToken.set(spec.token, exec);
    this.queue.push(exec);
    setImmediate(() => this.pump());
    return exec;
  }

  pump() {
    while (this.running < this.config.maxConcurrent && this.queue.length) {
      const exec = this.queue.shift();
      if (exec.state !== 'QUEUED') continue;
      this.running++;
      this.run(exec).finally(() => {
        this.running--;
        setImmediate(() => this.pump());
      });
    }
  }

  /** StopQueryExecution: idempotent; queued or running queries become CANCELLED. */
  stop(exec) {
    if (TERMINAL.has(exec.state)) return;
    this.cancel(exec, 'Query cancelled by user');
  }

  cancel(exec, reason) {
    if (TERMINAL.has(exec.state)) return;
    exec.cancelled = true;
    this.finish(exec, 'CANCELLED', reason);
    if (exec.conn) {
      try {
        exec.conn.interrupt();
      } catch {
        /* the query may have just finished */
      }
    }
    if (exec.wake) exec.wake();
  }

  finish(exec, state, reason, athenaError) {
    if (TERMINAL.has(exec.state)) return false;
    exec.state = state;
    exec.reason = reason;
    exec.athenaError = athenaError;
    exec.completedAt = Date.now();
    if (!exec.startedAt) exec.startedAt = exec.completedAt;
    this.log('info', `query ${exec.id} ${state}${reason ? `: ${reason}` : ''}`);
    return true;
  }

  fail(exec, err) {
    let qe;
    try {
      qe = positionedError(err, exec.substituted);
    } catch {
      this.log('warn', `query ${exec.id}: ${err && err.stack ? err.stack : err}`);
      qe = fromMessage(err && err.message ? err.message : String(err));
    }
    const reason = qe.reason();
    this.finish(exec, 'FAILED', reason, { ErrorCategory: qe.category, ErrorType: qe.errorType, Retryable: qe.retryable, ErrorMessage: reason });
  }

  sleep(exec, ms) {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      exec.wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
  }

  async run(exec) {
    exec.state = 'RUNNING';
    exec.startedAt = Date.now();
    const resultsDir = this.config.resultsDir;
    let dataFile = null;
    try {
      const delay = this.faults.queryDelayMs;
      if (delay > 0) await this.sleep(exec, delay);
      if (exec.cancelled) return;
      const injected = this.faults.takeQueryFailure();
      if (injected) {
        this.finish(exec, 'FAILED', injected.message, {
          ErrorCategory: injected.category, ErrorType: injected.errorType, Retryable: injected.retryable, ErrorMessage: injected.message,
        });
        return;
      }
      if (exec.preError) throw exec.preError;
      const st = exec.statement;
      if (st.kind === 'unsupported') throw st.error;

      if (exec.reuse && st.kind === 'query' && this.reuseEarlier(exec)) return;

      await this.engine.refreshLake();
      const database = exec.database;
      if (!this.engine.lake.databases.has(database)) {
        throw new QueryError('SCHEMA_NOT_FOUND', `Schema '${database}' does not exist (the local lake has no folder '${database}'; see /_emulator/state for its databases)`);
      }

      dataFile = path.join(resultsDir, `${exec.id}.data`);
      const engineStart = Date.now();
      let header = null;
      let txt = null;
      if (st.kind === 'query' || st.kind === 'explain') {
        exec.conn = await this.engine.connect(database);
        if (exec.cancelled) return;
        const ctx = { sql: exec.substituted.original, database, toOriginal: exec.substituted.toOriginal };
        if (st.kind === 'query') {
          // fail fast on a missing bucket, but only once the query is known to be valid
          const beforeExecute = exec.outputLocation ? () => this.checkBucket(exec) : null;
          const r = await this.engine.runQuery(exec.conn, st, ctx, dataFile, beforeExecute);
          exec.planningMs = r.planningMs;
          exec.scannedBytes = r.scanned;
          header = r.header;
          exec.result = { file: dataFile, columns: r.columns, rows: r.rows, hasHeader: true, updateCount: 0 };
        } else {
          const lines = await this.engine.explain(exec.conn, st, ctx);
          const planText = lines.join('\n');
          writeRows(dataFile, lines.map((l) => [l]));
          const col = { CatalogName: 'hive', SchemaName: '', TableName: '', Name: 'Query Plan', Label: 'Query Plan', Type: 'varchar', Precision: planText.length, Scale: 0, Nullable: 'UNKNOWN', CaseSensitive: true };
          exec.result = { file: dataFile, columns: [col], rows: lines.length, hasHeader: true, updateCount: undefined };
          txt = ['Query Plan', ...lines].join('\n');
        }
      } else {
        const u = await runUtility(this.engine, st, database);
        writeRows(dataFile, u.rows);
        exec.result = { file: dataFile, columns: u.columns, rows: u.rows.length, hasHeader: false, updateCount: u.updateCount };
        txt = u.rows.map((r) => r.join('\t')).join('\n');
      }
      exec.engineMs = Date.now() - engineStart;
      if (exec.cancelled) return;
      if (exec.outputLocation) {
        const t0 = Date.now();
        await this.upload(exec, header, txt);
        exec.serviceMs = Date.now() - t0;
      }
      this.finish(exec, 'SUCCEEDED');
    } catch (e) {
      if (exec.cancelled) return;
      if (e instanceof S3WriteError) this.fail(exec, this.s3Failure(exec, e));
      else this.fail(exec, e);
    } finally {
      if (exec.conn) {
        try {
          exec.conn.closeSync();
        } catch {
          /* already closed */
        }
        exec.conn = null;
      }
      exec.wake = null;
      if (exec.state !== 'SUCCEEDED' && dataFile && !exec.reused) fs.rmSync(dataFile, { force: true });
    }
  }

  /** Athena's result reuse: an identical earlier SUCCEEDED query within the age limit. */
  reuseEarlier(exec) {
    const maxAgeMs = exec.reuse.maxAgeMinutes * 60000;
    const now = Date.now();
    const earlier = [...this.byId.values()].reverse().find((e) => e !== exec && !e.reused && e.state === 'SUCCEEDED'
      && e.reuseKey === exec.reuseKey && e.result && now - e.completedAt <= maxAgeMs && !!e.resultUri === !!exec.outputLocation);
    if (!earlier) return false;
    exec.reused = true;
    exec.result = earlier.result;
    exec.resultUri = earlier.resultUri;
    exec.scannedBytes = 0;
    exec.engineMs = 0;
    this.finish(exec, 'SUCCEEDED');
    return true;
  }

  async checkBucket(exec) {
    const { bucket } = parseS3Uri(exec.outputLocation);
    if (!this.config.s3Endpoint) {
      throw new QueryError(null, 'Failed to write query results to Amazon S3: the emulator was started without --s3-endpoint', { category: 1, errorType: 402, retryable: false });
    }
    if (!(await bucketExists(this.config.s3Endpoint, bucket))) {
      throw new S3WriteError(`bucket '${bucket}' does not exist`, 404);
    }
  }

  s3Failure(exec, e) {
    const missing = e.status === 404;
    const { bucket } = parseS3Uri(exec.outputLocation);
    return new QueryError(null,
      `Failed to write query results to Amazon S3 (${exec.resultUri}): ${e.message}.${missing ? ` Create the bucket (e.g. aws --endpoint-url ${this.config.s3Endpoint} s3 mb s3://${bucket}) or use another OutputLocation.` : ''}`,
      { category: missing ? 2 : 1, errorType: missing ? 401 : 402, retryable: !missing });
  }

  async upload(exec, header, txt) {
    const { bucket, prefix } = parseS3Uri(exec.resultUri);
    if (txt !== null) await putObject(this.config.s3Endpoint, bucket, prefix, Buffer.from(txt, 'utf8'), null);
    else await putObject(this.config.s3Endpoint, bucket, prefix, Buffer.from(header, 'utf8'), exec.result.file);
  }

  summary() {
    return [...this.byId.values()].map((e) => ({
      id: e.id, state: e.state, workGroup: e.workgroup, query: e.query.slice(0, 200), reason: e.reason, reused: e.reused,
    }));
  }
}

module.exports = { Executions, TERMINAL };
