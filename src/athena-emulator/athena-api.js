'use strict';
// Athena API operations (JSON 1.1): request validation and response shapes, following
// the botocore service model and the behaviour of real Athena measured by athena-local
// (reference §1). Query execution itself lives in executions.js and engine.js.

const { ApiError, QueryError, invalidRequest, positionedError } = require('./errors');
const { substituteParameters } = require('./params');
const { analyzeStatement, translateQuery } = require('./sql-compat');
const { parseS3Uri } = require('./s3');
const { readPage } = require('./results');
const { fromPlanError } = require('./duck-errors');
const { byteToCharOffset } = require('./source-map');
const { ENGINE_VERSION } = require('./workgroups');

const ts = (ms) => (ms === null || ms === undefined ? undefined : Math.round(ms) / 1000);
const camel = (s) => s[0].toLowerCase() + s.slice(1);

// ---------------------------------------------------------------------------------
// Request shape validation (SerializationException for wrong JSON types, the AWS
// framework's "1 validation error detected" for missing/out-of-range members).

const S = 'string';
const I = 'integer';
const B = 'boolean';
const LS = ['list', S];
const SHAPES = {
  StartQueryExecution: {
    QueryString: S, ClientRequestToken: S, WorkGroup: S, ExecutionParameters: LS,
    QueryExecutionContext: { Database: S, Catalog: S },
    ResultConfiguration: { OutputLocation: S, ExpectedBucketOwner: S, EncryptionConfiguration: { EncryptionOption: S, KmsKey: S }, AclConfiguration: { S3AclOption: S } },
    ResultReuseConfiguration: { ResultReuseByAgeConfiguration: { Enabled: B, MaxAgeInMinutes: I } },
  },
  GetQueryExecution: { QueryExecutionId: S },
  BatchGetQueryExecution: { QueryExecutionIds: LS },
  ListQueryExecutions: { WorkGroup: S, MaxResults: I, NextToken: S },
  GetQueryResults: { QueryExecutionId: S, NextToken: S, MaxResults: I, QueryResultType: S },
  StopQueryExecution: { QueryExecutionId: S },
  GetWorkGroup: { WorkGroup: S },
  ListWorkGroups: { MaxResults: I, NextToken: S },
  ListDatabases: { CatalogName: S, NextToken: S, MaxResults: I, WorkGroup: S },
  GetDatabase: { CatalogName: S, DatabaseName: S, WorkGroup: S },
  ListTableMetadata: { CatalogName: S, DatabaseName: S, Expression: S, NextToken: S, MaxResults: I, WorkGroup: S },
  GetTableMetadata: { CatalogName: S, DatabaseName: S, TableName: S, WorkGroup: S },
};

const serialization = (message) => new ApiError(400, 'SerializationException', message);

function jsonKind(v) {
  if (Array.isArray(v)) return 'list';
  if (v === true) return 'TRUE_VALUE';
  if (v === false) return 'FALSE_VALUE';
  if (typeof v === 'number') return 'NUMBER_VALUE';
  if (typeof v === 'string') return 'STRING_VALUE';
  return 'object';
}

/** Check JSON types against a shape; returns a cleaned copy (nulls dropped, integers truncated). */
function checkShape(value, shape) {
  if (typeof shape === 'object' && !Array.isArray(shape)) {
    const kind = jsonKind(value);
    if (kind === 'list') throw serialization('Start of list found where not expected');
    if (kind !== 'object') throw serialization('Expected null');
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === null || !(k in shape)) continue; // null = absent; unknown keys are ignored
      out[k] = checkShape(v, shape[k]);
    }
    return out;
  }
  if (Array.isArray(shape)) {
    const kind = jsonKind(value);
    if (kind === 'object') throw serialization('Start of structure or map found where not expected.');
    if (kind !== 'list') throw serialization('Expected list or null');
    return value.filter((x) => x !== null).map((x) => checkShape(x, shape[1]));
  }
  const kind = jsonKind(value);
  if (kind === 'list') throw serialization('Start of list found where not expected');
  if (kind === 'object') throw serialization('Start of structure or map found where not expected.');
  if (shape === S) {
    if (kind !== 'STRING_VALUE') throw serialization(`${kind} can not be converted to a String`);
    return value;
  }
  if (shape === I) {
    if (kind !== 'NUMBER_VALUE') throw serialization(`${kind} can not be converted to an Integer`);
    return Math.trunc(value);
  }
  if (kind !== 'TRUE_VALUE' && kind !== 'FALSE_VALUE') throw serialization(`${kind} can not be converted to a Boolean`);
  return value;
}

const validation = (problems) => invalidRequest('INVALID_INPUT', `${problems.length} validation error${problems.length > 1 ? 's' : ''} detected: ${problems.join('; ')}`);
const notNull = (member) => `Value null at '${camel(member)}' failed to satisfy constraint: Member must not be null`;
const minLen = (member, n, value) => `Value ${value !== undefined ? `'${value}' ` : ''}at '${camel(member)}' failed to satisfy constraint: Member must have length greater than or equal to ${n}`;
const maxLen = (member, n, value) => `Value ${value !== undefined ? `'${value}' ` : ''}at '${camel(member)}' failed to satisfy constraint: Member must have length less than or equal to ${n}`;

function requireMembers(req, ...members) {
  const missing = members.filter((m) => req[m] === undefined);
  if (missing.length) throw validation(missing.map(notNull));
}

function checkRange(req, member, min, max) {
  const v = req[member];
  if (v === undefined) return;
  if (v < min) throw validation([`Value '${v}' at '${camel(member)}' failed to satisfy constraint: Member must have value greater than or equal to ${min}`]);
  if (v > max) throw validation([`Value '${v}' at '${camel(member)}' failed to satisfy constraint: Member must have value less than or equal to ${max}`]);
}

// ---------------------------------------------------------------------------------
// Opaque paging tokens

function encodeToken(obj) {
  return Buffer.from(JSON.stringify(obj)).toString('base64url');
}

function decodeToken(token, kind) {
  try {
    const obj = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (obj && obj.k === kind) return obj;
  } catch {
    /* malformed */
  }
  throw invalidRequest('INVALID_INPUT', `Malformed nextPageToken ${token}`);
}

function page(list, req, kind, defaultMax) {
  const max = req.MaxResults || defaultMax;
  const start = req.NextToken !== undefined ? decodeToken(req.NextToken, kind).o : 0;
  const items = list.slice(start, start + max);
  const next = start + max < list.length ? encodeToken({ k: kind, o: start + max }) : undefined;
  return { items, next };
}

// ---------------------------------------------------------------------------------

class AthenaApi {
  /** @param {{engine, executions, workgroups: Map, config}} deps */
  constructor(deps) {
    Object.assign(this, deps);
  }

  shapeOf(operation) {
    return SHAPES[operation];
  }

  /** Dispatch a validated request body to an operation. */
  async call(operation, rawBody) {
    const shape = SHAPES[operation];
    const req = checkShape(rawBody, shape);
    return this[operation](req);
  }

  workgroupOrThrow(name) {
    const wg = this.workgroups.get(name);
    if (!wg) throw invalidRequest('INVALID_INPUT', 'WorkGroup is not found.');
    return wg;
  }

  execOrThrow(id) {
    const exec = this.executions.get(id);
    if (!exec) throw invalidRequest('QUERY_EXECUTION_NOT_FOUND', `QueryExecution ${id} was not found`);
    return exec;
  }

  // -- queries --------------------------------------------------------------------

  async StartQueryExecution(req) {
    requireMembers(req, 'QueryString');
    if (req.QueryString.length < 1) throw validation([minLen('QueryString', 1)]);
    if (Buffer.byteLength(req.QueryString) > 262144) throw validation([maxLen('QueryString', 262144)]);
    const token = req.ClientRequestToken;
    if (token === undefined) throw invalidRequest('INVALID_INPUT', 'clientRequestToken is null or empty');
    if (token.length < 32) throw validation([minLen('ClientRequestToken', 32)]);
    if (token.length > 128) throw validation([maxLen('ClientRequestToken', 128)]);
    if (Buffer.byteLength(token) > 128) throw invalidRequest('INVALID_INPUT', 'clientRequestToken exceeds maximum allowed length 128');
    const params = req.ExecutionParameters;
    if (params !== undefined) {
      if (params.length < 1) throw validation([minLen('ExecutionParameters', 1, '[]')]);
      const bad = params.find((p) => p.length < 1 || p.length > 1024);
      if (bad !== undefined) throw validation([bad.length < 1 ? minLen('ExecutionParameters', 1) : maxLen('ExecutionParameters', 1024)]);
    }
    const wgName = req.WorkGroup === undefined ? 'primary' : req.WorkGroup;
    const wg = this.workgroupOrThrow(wgName);
    if (wg.State !== 'ENABLED') throw invalidRequest('INVALID_INPUT', `WorkGroup ${wgName} is disabled.`);
    const ctx = req.QueryExecutionContext || {};
    if (ctx.Catalog !== undefined && ctx.Catalog.toLowerCase() !== 'awsdatacatalog') {
      throw invalidRequest('DATACATALOG_NOT_FOUND', `Catalog ${ctx.Catalog} was not found. The local Athena emulator only has AwsDataCatalog.`);
    }
    const managed = wg.Configuration.ManagedQueryResultsConfiguration.Enabled;
    const requestedLocation = req.ResultConfiguration && req.ResultConfiguration.OutputLocation;
    let outputLocation = null;
    if (managed) {
      if (requestedLocation !== undefined) {
        throw invalidRequest('INVALID_INPUT', `WorkGroup ${wgName} uses managed query results; do not send ResultConfiguration.OutputLocation (results are read with GetQueryResults).`);
      }
    } else {
      const wgLocation = wg.Configuration.ResultConfiguration.OutputLocation;
      outputLocation = wg.Configuration.EnforceWorkGroupConfiguration && wgLocation ? wgLocation : requestedLocation ?? wgLocation;
      if (!outputLocation) {
        throw invalidRequest('INVALID_INPUT', 'No output location provided. An output location is required either through the Workgroup result configuration setting or as an API input.');
      }
      if (!parseS3Uri(outputLocation)) throw invalidRequest('INVALID_INPUT', 'outputLocation is not a valid S3 path.');
    }
    let reuse = null;
    const byAge = req.ResultReuseConfiguration && req.ResultReuseConfiguration.ResultReuseByAgeConfiguration;
    if (byAge) {
      if (byAge.Enabled === undefined) throw validation([notNull('resultReuseConfiguration.resultReuseByAgeConfiguration.Enabled')]);
      const age = byAge.MaxAgeInMinutes === undefined ? 60 : byAge.MaxAgeInMinutes;
      if (age < 0 || age > 10080) throw validation([`Value '${age}' at 'resultReuseConfiguration.resultReuseByAgeConfiguration.maxAgeInMinutes' failed to satisfy constraint: Member must have value between 0 and 10080`]);
      if (byAge.Enabled) reuse = { maxAgeMinutes: age };
    }

    const database = (ctx.Database || 'default').toLowerCase();
    const prepared = this.prepareStatement(req.QueryString, params);
    if (this.config.syntaxErrors === 'reject') await this.rejectSyntaxErrors(prepared);

    // Idempotency: same token -> same execution, unless compared parameters differ.
    // (No await between this check and create(), so concurrent retries cannot both create.)
    const compared = { q: req.QueryString, c: ctx.Catalog, d: ctx.Database, o: requestedLocation };
    const earlier = this.executions.byToken.get(token);
    if (earlier) {
      const same = Object.keys(compared).every((k) => earlier.compared[k] === compared[k]);
      if (!same) throw invalidRequest('IDEMPOTENT_PARAMETER_MISMATCH', 'Idempotent parameters do not match');
      return { QueryExecutionId: earlier.id };
    }

    const exec = this.executions.create({
      token,
      compared,
      query: req.QueryString.trim().replace(/;\s*$/, '').trim(),
      params,
      context: { ...(ctx.Database !== undefined ? { Database: ctx.Database } : {}), ...(ctx.Catalog !== undefined ? { Catalog: ctx.Catalog.toLowerCase() } : {}) },
      database,
      workgroup: wgName,
      managed,
      outputLocation,
      encryption: managed ? undefined : this.encryptionOf(wg, req.ResultConfiguration),
      reuse,
      reuseConfig: byAge ? { ResultReuseByAgeConfiguration: { Enabled: !!byAge.Enabled, ...(byAge.Enabled ? { MaxAgeInMinutes: reuse.maxAgeMinutes } : {}) } } : undefined,
      reuseKey: JSON.stringify([prepared.substituted.sql, database, 'awsdatacatalog', wgName]),
      statement: prepared.statement,
      statementType: prepared.statementType,
      substatementType: prepared.substatementType,
      preError: prepared.error,
      substituted: prepared.substituted,
    });
    return { QueryExecutionId: exec.id };
  }

  /** Encryption reported for the result: the enforced workgroup's, else the caller's, else the workgroup's. */
  encryptionOf(wg, resultConfiguration) {
    const own = wg.Configuration.ResultConfiguration.EncryptionConfiguration;
    const callers = resultConfiguration && resultConfiguration.EncryptionConfiguration;
    return wg.Configuration.EnforceWorkGroupConfiguration && own ? own : callers || own;
  }

  /** Substitute parameters and classify the statement; errors are kept for the FAILED state. */
  prepareStatement(queryString, params) {
    const out = { substituted: { original: queryString, sql: queryString, toOriginal: (p) => p } };
    try {
      const sub = substituteParameters(queryString, params);
      out.substituted = { original: queryString, sql: sub.sql, toOriginal: (p) => sub.map.toSource(p), map: sub.map };
      out.statement = analyzeStatement(sub.sql);
      out.statementType = out.statement.statementType;
      out.substatementType = out.statement.substatementType;
    } catch (e) {
      out.error = positionedError(e, out.substituted);
      const first = (/^\s*(?:(?:--[^\n]*\n|\/\*[\s\S]*?\*\/)\s*)*([A-Za-z]+)/.exec(queryString) || [])[1];
      out.statementType = /^(show|describe|desc)$/i.test(first || '') ? 'UTILITY' : 'DML';
      out.substatementType = undefined;
    }
    return out;
  }

  /** With syntaxErrors=reject: answer 400 MALFORMED_QUERY for syntax errors, like real Athena. */
  async rejectSyntaxErrors(prepared) {
    let err = prepared.error;
    if (!err && prepared.statement && ['query', 'explain'].includes(prepared.statement.kind)) {
      try {
        const { sql, map } = translateQuery(prepared.statement);
        const parseError = await this.engine.parseError(sql);
        if (parseError) {
          // same message as a FAILED query would carry, with the position in the SQL sent
          err = fromPlanError(parseError, {
            sql: prepared.substituted.original,
            toOriginal: (bytePos) => prepared.substituted.toOriginal(map.toSource(byteToCharOffset(sql, bytePos))),
          });
        }
      } catch (e) {
        err = positionedError(e, prepared.substituted);
      }
    }
    if (err && err.errorName === 'SYNTAX_ERROR') throw invalidRequest('MALFORMED_QUERY', err.message);
  }

  describe(exec) {
    const queueMs = (exec.startedAt || Date.now()) - exec.submittedAt;
    const totalMs = (exec.completedAt || Date.now()) - exec.submittedAt;
    const q = {
      QueryExecutionId: exec.id,
      Query: exec.query,
      StatementType: exec.statementType,
      ...(exec.substatementType ? { SubstatementType: exec.substatementType } : {}),
      ...(exec.managed
        ? { ManagedQueryResultsConfiguration: { Enabled: true } }
        : { ResultConfiguration: { OutputLocation: exec.resultUri, ...(exec.encryption ? { EncryptionConfiguration: exec.encryption } : {}) } }),
      ...(exec.reuseConfig ? { ResultReuseConfiguration: exec.reuseConfig } : {}),
      QueryExecutionContext: exec.context,
      Status: {
        State: exec.state,
        ...(exec.reason ? { StateChangeReason: exec.reason } : {}),
        SubmissionDateTime: ts(exec.submittedAt),
        ...(exec.completedAt ? { CompletionDateTime: ts(exec.completedAt) } : {}),
        ...(exec.athenaError ? { AthenaError: exec.athenaError } : {}),
      },
      Statistics: {
        EngineExecutionTimeInMillis: exec.engineMs || (exec.state === 'RUNNING' ? Date.now() - exec.startedAt : 0),
        DataScannedInBytes: exec.scannedBytes,
        TotalExecutionTimeInMillis: totalMs,
        QueryQueueTimeInMillis: queueMs,
        ServicePreProcessingTimeInMillis: 0,
        QueryPlanningTimeInMillis: exec.planningMs,
        ServiceProcessingTimeInMillis: exec.serviceMs,
        ResultReuseInformation: { ReusedPreviousResult: exec.reused },
      },
      WorkGroup: exec.workgroup,
      EngineVersion: ENGINE_VERSION,
    };
    return q;
  }

  async GetQueryExecution(req) {
    requireMembers(req, 'QueryExecutionId');
    return { QueryExecution: this.describe(this.execOrThrow(req.QueryExecutionId)) };
  }

  async BatchGetQueryExecution(req) {
    requireMembers(req, 'QueryExecutionIds');
    const ids = req.QueryExecutionIds;
    if (ids.length < 1 || ids.length > 50) throw validation([`Value at 'queryExecutionIds' failed to satisfy constraint: Member must have length between 1 and 50`]);
    const found = [];
    const missing = [];
    for (const id of ids) {
      const e = this.executions.get(id);
      if (e) found.push(this.describe(e));
      else missing.push({ QueryExecutionId: id, ErrorCode: 'QUERY_EXECUTION_NOT_FOUND', ErrorMessage: `QueryExecution ${id} was not found` });
    }
    return { QueryExecutions: found, UnprocessedQueryExecutionIds: missing };
  }

  async ListQueryExecutions(req) {
    checkRange(req, 'MaxResults', 0, 50);
    const wg = req.WorkGroup === undefined ? 'primary' : req.WorkGroup;
    this.workgroupOrThrow(wg);
    const ids = [...this.executions.byId.values()].filter((e) => e.workgroup === wg).reverse().map((e) => e.id);
    const { items, next } = page(ids, { ...req, MaxResults: req.MaxResults || 50 }, 'lqe', 50);
    return { QueryExecutionIds: items, ...(next ? { NextToken: next } : {}) };
  }

  async GetQueryResults(req) {
    // Validation order measured on Athena: framework -> id -> MaxResults limit -> state -> NextToken.
    const problems = [];
    if (req.NextToken !== undefined && req.NextToken.length < 1) problems.push(minLen('NextToken', 1, ''));
    if (req.MaxResults !== undefined && req.MaxResults < 1) problems.push(`Value '${req.MaxResults}' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1`);
    if (problems.length) throw validation(problems);
    requireMembers(req, 'QueryExecutionId');
    const exec = this.execOrThrow(req.QueryExecutionId);
    if (req.MaxResults !== undefined && req.MaxResults > 1000) throw invalidRequest('INVALID_INPUT', 'MaxResults is more than maximum allowed length 1000');
    if (exec.state === 'QUEUED' || exec.state === 'RUNNING') {
      throw invalidRequest('INVALID_QUERY_EXECUTION_STATE', `Query has not yet finished. Current state: ${exec.state}`);
    }
    if (exec.state === 'FAILED') throw invalidRequest('INVALID_QUERY_EXECUTION_STATE', 'Query did not finish successfully. Final query state: FAILED');
    if (exec.state === 'CANCELLED') throw invalidRequest('RESULT_NOT_FOUND', 'Could not find results');
    const max = req.MaxResults || 1000;
    const result = exec.result;
    const rows = [];
    let offset = 0;
    if (req.NextToken !== undefined) {
      const t = decodeToken(req.NextToken, 'gqr');
      if (t.q !== exec.id) throw invalidRequest('INVALID_INPUT', `Malformed nextPageToken ${req.NextToken}`);
      offset = t.o;
    } else if (result.hasHeader) {
      rows.push(result.columns.map((c) => c.Name)); // the header row counts against MaxResults
    }
    let next = null;
    if (rows.length < max) {
      const r = readPage(result.file, offset, max - rows.length);
      rows.push(...r.rows);
      next = r.next;
    } else {
      next = result.rows > 0 ? 0 : null;
    }
    return {
      ...(result.updateCount !== undefined ? { UpdateCount: result.updateCount } : {}),
      ResultSet: {
        Rows: rows.map((r) => ({ Data: r.map((v) => (v === null ? {} : { VarCharValue: v })) })),
        ResultSetMetadata: { ColumnInfo: result.columns },
      },
      ...(next !== null ? { NextToken: encodeToken({ k: 'gqr', q: exec.id, o: next }) } : {}),
    };
  }

  async StopQueryExecution(req) {
    requireMembers(req, 'QueryExecutionId');
    this.executions.stop(this.execOrThrow(req.QueryExecutionId));
    return {};
  }

  // -- workgroups -----------------------------------------------------------------

  async GetWorkGroup(req) {
    requireMembers(req, 'WorkGroup');
    const wg = this.workgroupOrThrow(req.WorkGroup);
    return { WorkGroup: wg };
  }

  async ListWorkGroups(req) {
    checkRange(req, 'MaxResults', 1, 50);
    const all = [...this.workgroups.values()].sort((a, b) => a.Name.localeCompare(b.Name))
      .map((w) => ({ Name: w.Name, State: w.State, Description: w.Description, CreationTime: w.CreationTime, EngineVersion: ENGINE_VERSION }));
    const { items, next } = page(all, req, 'lwg', 50);
    return { WorkGroups: items, ...(next ? { NextToken: next } : {}) };
  }

  // -- catalog --------------------------------------------------------------------

  catalogOrThrow(name) {
    if (name.toLowerCase() !== 'awsdatacatalog') {
      throw new ApiError(400, 'MetadataException', `Catalog ${name} not found. The local Athena emulator only has AwsDataCatalog.`);
    }
  }

  databaseOrThrow(name) {
    const db = this.engine.lake.databases.get(name.toLowerCase());
    if (!db) {
      throw new ApiError(400, 'MetadataException', `Database ${name} not found. (Service: AmazonDataCatalog; Status Code: 400; Error Code: EntityNotFoundException)`);
    }
    return db;
  }

  async ListDatabases(req) {
    requireMembers(req, 'CatalogName');
    checkRange(req, 'MaxResults', 1, 50);
    this.catalogOrThrow(req.CatalogName);
    await this.engine.refreshLake();
    const all = [...this.engine.lake.databases.keys()].sort().map((name) => ({ Name: name, Parameters: {} }));
    const { items, next } = page(all, req, 'ldb', 50);
    return { DatabaseList: items, ...(next ? { NextToken: next } : {}) };
  }

  async GetDatabase(req) {
    requireMembers(req, 'CatalogName', 'DatabaseName');
    this.catalogOrThrow(req.CatalogName);
    await this.engine.refreshLake();
    const db = this.databaseOrThrow(req.DatabaseName);
    return { Database: { Name: db.name, Parameters: {} } };
  }

  async tableMetadata(dbName, table) {
    const columns = await this.engine.tableColumns(dbName, table);
    const format = table.parquet.length ? 'parquet' : table.csv.length ? 'csv' : 'parquet';
    return {
      Name: table.name,
      CreateTime: ts(table.created),
      TableType: 'EXTERNAL_TABLE',
      Columns: columns.map((c) => ({ Name: c.name, Type: c.type, ...(c.comment ? { Comment: c.comment } : {}) })),
      PartitionKeys: [],
      Parameters: { classification: format, location: `file://${table.dir}` },
    };
  }

  async ListTableMetadata(req) {
    requireMembers(req, 'CatalogName', 'DatabaseName');
    checkRange(req, 'MaxResults', 1, 50);
    this.catalogOrThrow(req.CatalogName);
    await this.engine.refreshLake();
    const db = this.databaseOrThrow(req.DatabaseName);
    let match = () => true;
    if (req.Expression !== undefined) {
      let re;
      try {
        re = new RegExp(`^(?:${req.Expression})$`);
      } catch (e) {
        throw invalidRequest('INVALID_INPUT', `Expression is not a valid regular expression: ${e.message}`);
      }
      match = (n) => re.test(n);
    }
    const names = [...db.tables.keys()].filter(match).sort();
    const { items, next } = page(names, req, 'ltm', 50);
    const list = [];
    for (const n of items) list.push(await this.tableMetadata(db.name, db.tables.get(n)));
    return { TableMetadataList: list, ...(next ? { NextToken: next } : {}) };
  }

  async GetTableMetadata(req) {
    requireMembers(req, 'CatalogName', 'DatabaseName', 'TableName');
    this.catalogOrThrow(req.CatalogName);
    await this.engine.refreshLake();
    const db = this.databaseOrThrow(req.DatabaseName);
    const table = db.tables.get(req.TableName.toLowerCase());
    if (!table) {
      throw new ApiError(400, 'MetadataException', `Table ${req.TableName} not found. (Service: AmazonDataCatalog; Status Code: 400; Error Code: EntityNotFoundException)`);
    }
    return { TableMetadata: await this.tableMetadata(db.name, table) };
  }
}

AthenaApi.OPERATIONS = Object.keys(SHAPES);

module.exports = { AthenaApi };
