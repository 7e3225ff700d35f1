'use strict';
// HTTP framing of the AWS JSON 1.1 protocol as Athena speaks it (reference §1.1, §1.7):
//   POST /  with  X-Amz-Target: AmazonAthena.<Operation>
//                 Content-Type: application/x-amz-json-1.1
// Answers use the same content type, carry x-amzn-RequestId, and errors are JSON
// bodies {"__type", "Message", "AthenaErrorCode", "ErrorCode"} (no x-amzn-ErrorType
// header, like real Athena).
//
// SigV4: signatures are not verified, but by default an `Authorization: AWS4-HMAC-SHA256 ...`
// header must be present (an unsigned request would fail against AWS too; catching that
// locally is the point). Turn this off with --require-auth false.

const crypto = require('crypto');
const { ApiError } = require('./errors');

const JSON_11 = 'application/x-amz-json-1.1';
const TARGET_PREFIX = 'AmazonAthena.';
const MAX_BODY = 1024 * 1024;

function send(res, status, body, contentType = JSON_11) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': crypto.randomUUID(),
  });
  res.end(text);
}

function sendError(res, err) {
  send(res, err.status, err.toBody());
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new ApiError(413, 'SerializationException', 'Request body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Handle one Athena API request.
 * @param {{api, faults, counters, requireAuth: boolean, log: Function}} ctx
 */
async function handleAthena(req, res, ctx) {
  if (req.method !== 'POST' || req.url.split('?')[0] !== '/') {
    send(res, 404, '<UnknownOperationException/>', 'application/xml');
    return;
  }
  const contentType = String(req.headers['content-type'] || '').trim().toLowerCase();
  if (contentType !== JSON_11) {
    // Real Athena: no Content-Type or application/x-amz-json-1.0 -> 404 XML; there is no
    // JSON 1.1 dispatch without the exact content type (botocore sends no charset).
    send(res, 404, '<UnknownOperationException/>', 'application/xml');
    return;
  }
  const target = String(req.headers['x-amz-target'] || '');
  const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
  let raw;
  try {
    raw = await readBody(req);
  } catch (e) {
    sendError(res, e instanceof ApiError ? e : new ApiError(400, 'SerializationException'));
    return;
  }
  if (!ctx.api.shapeOf(operation)) {
    sendError(res, new ApiError(400, 'UnknownOperationException'));
    return;
  }
  ctx.counters[operation] = (ctx.counters[operation] || 0) + 1;
  if (ctx.requireAuth && !/^AWS4-HMAC-SHA256 /.test(String(req.headers.authorization || ''))) {
    sendError(res, new ApiError(400, 'MissingAuthenticationTokenException', 'Missing Authentication Token (the local Athena emulator requires a SigV4 Authorization header; it does not verify it)'));
    return;
  }
  let body;
  try {
    body = raw.trim() === '' ? undefined : JSON.parse(raw);
  } catch {
    body = undefined;
  }
  if (Array.isArray(body)) {
    sendError(res, new ApiError(400, 'SerializationException', 'Start of list found where not expected'));
    return;
  }
  if (body === null || typeof body !== 'object') {
    sendError(res, new ApiError(400, 'SerializationException'));
    return;
  }
  const fault = ctx.faults.beforeCall(operation);
  if (fault) {
    ctx.log('debug', `${operation}: injected ${fault.type}`);
    sendError(res, fault);
    return;
  }
  try {
    const out = await ctx.api.call(operation, body);
    send(res, 200, out);
  } catch (e) {
    if (e instanceof ApiError) {
      ctx.log('debug', `${operation}: ${e.status} ${e.type} ${e.apiMessage || ''}`);
      sendError(res, e);
    } else {
      ctx.log('error', `${operation}: ${e && e.stack ? e.stack : e}`);
      sendError(res, new ApiError(500, 'InternalServerException', `Internal error in the local Athena emulator: ${e && e.message}`));
    }
  }
}

module.exports = { handleAthena, send, readBody, JSON_11 };
