'use strict';
// Minimal S3 client for writing result objects to moto (or any S3-compatible
// endpoint that accepts unauthenticated path-style requests): `PUT /bucket/key`
// over plain HTTP with Node's built-in http module. Bodies are streamed from the
// result file, never buffered, so a 570 MB result costs no memory.

const http = require('http');
const fs = require('fs');
const { Readable } = require('stream');

class S3WriteError extends Error {
  constructor(message, status) {
    super(message);
    this.name = 'S3WriteError';
    this.status = status;
  }
}

/** Parse `s3://bucket/prefix/` into {bucket, prefix} (prefix without leading '/'). */
function parseS3Uri(uri) {
  const m = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(uri || '');
  if (!m || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(m[1])) return null;
  return { bucket: m[1], prefix: m[2] || '' };
}

/** Join an output location and a file name the way Athena does (trailing '/' irrelevant). */
function joinS3(location, name) {
  return location.endsWith('/') ? `${location}${name}` : `${location}/${name}`;
}

const encodeKey = (key) => key.split('/').map(encodeURIComponent).join('/');

function request(endpoint, method, pathname, headers, body) {
  const url = new URL(pathname, endpoint);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', (e) => reject(new S3WriteError(`cannot reach the S3 endpoint ${endpoint}: ${e.message}`)));
    if (body) {
      body.on('error', (e) => req.destroy(e));
      body.pipe(req);
    } else req.end();
  });
}

function s3ErrorCode(body) {
  const m = /<Code>([^<]+)<\/Code>/.exec(body || '');
  return m ? m[1] : '';
}

/** True when the bucket exists. */
async function bucketExists(endpoint, bucket) {
  const res = await request(endpoint, 'HEAD', `/${encodeURIComponent(bucket)}`, {});
  return res.status === 200;
}

/**
 * PUT an object whose body is `prefix` (a Buffer, may be empty) followed by the file
 * at `file` (optional).
 */
async function putObject(endpoint, bucket, key, prefix, file) {
  const fileSize = file ? fs.statSync(file).size : 0;
  const length = prefix.length + fileSize;
  async function* body() {
    if (prefix.length) yield prefix;
    if (file) yield* fs.createReadStream(file, { highWaterMark: 1024 * 1024 });
  }
  const res = await request(endpoint, 'PUT', `/${encodeURIComponent(bucket)}/${encodeKey(key)}`, {
    'Content-Type': 'application/octet-stream',
    'Content-Length': String(length),
  }, Readable.from(body()));
  if (res.status !== 200) {
    const code = s3ErrorCode(res.body);
    throw new S3WriteError(`S3 answered ${res.status}${code ? ` ${code}` : ''} for s3://${bucket}/${key}`, res.status);
  }
  return length;
}

module.exports = { parseS3Uri, joinS3, bucketExists, putObject, S3WriteError };
