'use strict';
// Error types of the emulator.
//
// ApiError   -> an HTTP error answer of the JSON-1.1 protocol (400/500 with __type).
// QueryError -> a query that ends FAILED, reported through Status.AthenaError and
//               StateChangeReason ("<TRINO_ERROR_NAME>: <message>"), like Athena.

class ApiError extends Error {
  /**
   * @param {number} status HTTP status
   * @param {string} type __type of the body (e.g. InvalidRequestException)
   * @param {string|undefined} message Message of the body (omitted when undefined)
   * @param {string} [athenaErrorCode] AthenaErrorCode / ErrorCode of the body
   */
  constructor(status, type, message, athenaErrorCode) {
    super(message || type);
    this.status = status;
    this.type = type;
    this.apiMessage = message;
    this.athenaErrorCode = athenaErrorCode;
  }

  toBody() {
    const body = { __type: this.type };
    if (this.athenaErrorCode) {
      body.AthenaErrorCode = this.athenaErrorCode;
      body.ErrorCode = this.athenaErrorCode;
    }
    if (this.apiMessage !== undefined) body.Message = this.apiMessage;
    return Object.assign(body, this.extra);
  }
}

const invalidRequest = (code, message) => new ApiError(400, 'InvalidRequestException', message, code);

// Athena's ErrorType catalogue (docs.aws.amazon.com/athena/latest/ug/error-reference.html),
// keyed by the Trino error name Athena prefixes the reason with. Names not listed are
// USER errors of type 1000.
const ERROR_TYPES = {
  SYNTAX_ERROR: 1006,
  COLUMN_NOT_FOUND: 1006,
  CATALOG_NOT_FOUND: 1006,
  TABLE_NOT_FOUND: 1301,
  SCHEMA_NOT_FOUND: 1301,
  FUNCTION_NOT_FOUND: 1303,
  TYPE_MISMATCH: 1002,
  DIVISION_BY_ZERO: 1001,
  NUMERIC_VALUE_OUT_OF_RANGE: 1001,
  INVALID_CAST_ARGUMENT: 1100,
  INVALID_FUNCTION_ARGUMENT: 1100,
  INVALID_PARAMETER_USAGE: 1100,
  NOT_SUPPORTED: 1200,
};

class QueryError extends Error {
  /**
   * @param {string|null} name Trino error name (prefix of the reason), or null for none
   * @param {string} message
   * @param {{category?: number, errorType?: number, retryable?: boolean, pos?: number}} [opts]
   *   pos: offset in the SQL text the error refers to (turned into "line L:C: ").
   */
  constructor(name, message, opts = {}) {
    super(message);
    this.name = 'QueryError';
    this.errorName = name;
    this.category = opts.category ?? 2;
    this.errorType = opts.errorType ?? ERROR_TYPES[name] ?? 1000;
    this.retryable = opts.retryable ?? false;
    this.pos = opts.pos;
  }

  /** The text Athena shows in StateChangeReason and AthenaError.ErrorMessage. */
  reason() {
    return this.errorName ? `${this.errorName}: ${this.message}` : this.message;
  }
}

const notSupported = (message, pos) => new QueryError('NOT_SUPPORTED', message, { pos });

/**
 * A QueryError whose message starts with `line L:C: ` of the SQL the user sent, for
 * errors raised at an offset of the parameter-substituted SQL (tokenizer and rewriter
 * errors). Other errors are returned unchanged; non-query errors are rethrown.
 * @param {Error} e
 * @param {{original: string, toOriginal(pos: number): number}} substituted
 */
function positionedError(e, substituted) {
  const { SqlSyntaxError, lineCol } = require('./sql-tokenizer');
  let qe = e;
  if (e instanceof SqlSyntaxError) qe = new QueryError('SYNTAX_ERROR', e.message, { pos: e.pos });
  if (!(qe instanceof QueryError)) throw e;
  if (qe.pos !== undefined && substituted) {
    const { line, col } = lineCol(substituted.original, substituted.toOriginal(qe.pos));
    qe.message = `line ${line}:${col}: ${qe.message}`;
    qe.pos = undefined;
  }
  return qe;
}

module.exports = { ApiError, QueryError, invalidRequest, notSupported, positionedError, ERROR_TYPES };
