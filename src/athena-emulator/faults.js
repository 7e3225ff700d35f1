'use strict';
// Fault injection for reliability tests of Athena clients (retries, back-off,
// cancellation). Configured from ATHENA_EMULATOR_FAULTS (JSON) at start or with
// POST /_emulator/faults; POST /_emulator/reset clears it. Shape (all optional):
//   {
//     "throttleRate": 0.25,              // fraction of API calls answered 400 ThrottlingException "Rate exceeded"
//     "throttleOperations": ["GetQueryExecution"], // limit throttling to these operations (default: all)
//     "tooManyRequests": 2,              // next N StartQueryExecution calls: 400 TooManyRequestsException
//     "internalErrors": {"GetQueryResults": 1}, // next N calls of an operation: 500 InternalServerException
//     "failQueries": {"count": 1, "errorCategory": 1, "errorType": 100, "retryable": true,
//                     "message": "..."}, // next N queries end FAILED with this AthenaError
//     "queryDelayMs": 2000,              // each query stays RUNNING at least this long (cancellable)
//     "seed": 42                         // makes throttleRate decisions reproducible
//   }

const { ApiError } = require('./errors');

function validate(cfg) {
  if (cfg === null || typeof cfg !== 'object' || Array.isArray(cfg)) throw new Error('faults must be a JSON object');
  const known = ['throttleRate', 'throttleOperations', 'tooManyRequests', 'internalErrors', 'failQueries', 'queryDelayMs', 'seed'];
  for (const k of Object.keys(cfg)) if (!known.includes(k)) throw new Error(`unknown fault '${k}' (known: ${known.join(', ')})`);
  const num = (k, min, max) => {
    if (cfg[k] !== undefined && (typeof cfg[k] !== 'number' || !(cfg[k] >= min && cfg[k] <= max))) throw new Error(`${k} must be a number in ${min}..${max}`);
  };
  num('throttleRate', 0, 1);
  num('tooManyRequests', 0, 1e9);
  num('queryDelayMs', 0, 3600000);
  num('seed', -2147483648, 2147483647);
  if (cfg.throttleOperations !== undefined && !(Array.isArray(cfg.throttleOperations) && cfg.throttleOperations.every((o) => typeof o === 'string'))) {
    throw new Error('throttleOperations must be an array of operation names');
  }
  if (cfg.internalErrors !== undefined) {
    if (typeof cfg.internalErrors !== 'object' || Array.isArray(cfg.internalErrors)) throw new Error('internalErrors must be {"<Operation>": count}');
    for (const [op, n] of Object.entries(cfg.internalErrors)) if (!(Number.isInteger(n) && n >= 0)) throw new Error(`internalErrors.${op} must be a count`);
  }
  if (cfg.failQueries !== undefined) {
    const f = cfg.failQueries;
    if (!f || typeof f !== 'object' || !(Number.isInteger(f.count) && f.count >= 0)) throw new Error('failQueries needs a count');
    if (f.errorCategory !== undefined && ![1, 2, 3].includes(f.errorCategory)) throw new Error('failQueries.errorCategory must be 1 (SYSTEM), 2 (USER) or 3 (OTHER)');
    if (f.errorType !== undefined && !(Number.isInteger(f.errorType) && f.errorType >= 0 && f.errorType <= 9999)) throw new Error('failQueries.errorType must be 0..9999');
  }
}

class Faults {
  constructor() {
    this.reset();
  }

  reset() {
    this.config = {};
    this.remaining = { tooManyRequests: 0, internalErrors: {}, failQueries: 0 };
    this.random = Math.random;
  }

  /** Replace the fault configuration. */
  set(cfg) {
    validate(cfg);
    this.config = JSON.parse(JSON.stringify(cfg));
    this.remaining = {
      tooManyRequests: cfg.tooManyRequests || 0,
      internalErrors: { ...(cfg.internalErrors || {}) },
      failQueries: cfg.failQueries ? cfg.failQueries.count : 0,
    };
    this.random = cfg.seed !== undefined ? seeded(cfg.seed) : Math.random;
  }

  /** An ApiError to answer instead of running `operation`, or null. */
  beforeCall(operation) {
    const ie = this.remaining.internalErrors;
    if (ie[operation] > 0) {
      ie[operation]--;
      return new ApiError(500, 'InternalServerException', 'Internal server error (injected by the local Athena emulator)');
    }
    const rate = this.config.throttleRate || 0;
    const ops = this.config.throttleOperations;
    if (rate > 0 && (!ops || ops.includes(operation)) && this.random() < rate) {
      return new ApiError(400, 'ThrottlingException', 'Rate exceeded');
    }
    if (operation === 'StartQueryExecution' && this.remaining.tooManyRequests > 0) {
      this.remaining.tooManyRequests--;
      const e = new ApiError(400, 'TooManyRequestsException', 'You have exceeded the limit for the number of queries you can run concurrently. Reduce the number of concurrent queries submitted by this account. Contact customer support to request a concurrent query limit increase.');
      e.extra = { Reason: 'CONCURRENT_QUERY_LIMIT_EXCEEDED' };
      return e;
    }
    return null;
  }

  /** The AthenaError a query must fail with, or null. Consumes one. */
  takeQueryFailure() {
    if (this.remaining.failQueries <= 0) return null;
    this.remaining.failQueries--;
    const f = this.config.failQueries;
    return {
      category: f.errorCategory ?? 1,
      errorType: f.errorType ?? 100,
      retryable: f.retryable ?? true,
      message: f.message || 'Query failed (injected by the local Athena emulator)',
    };
  }

  get queryDelayMs() {
    return this.config.queryDelayMs || 0;
  }

  state() {
    return { config: this.config, remaining: this.remaining };
  }
}

function seeded(seed) {
  // mulberry32
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

module.exports = { Faults, seeded };
