'use strict';
// Stored query results and GetQueryResults paging.
//
// A result is a file in Athena's CSV dialect (every non-NULL value in double quotes
// with "" for an embedded quote, NULL as an empty unquoted field, '\n' after every
// line; a one-column NULL row is an empty line). Large results are written by DuckDB
// (engine.js); small ones (EXPLAIN, SHOW, DESCRIBE) by csvLine() below.
//
// Pages are read from the file at a byte offset carried in NextToken, so paging
// needs neither the whole result in memory nor an index: GetQueryResults can only
// move forward through a result, one page after the other.

const fs = require('fs');

const QUOTE = 0x22;
const COMMA = 0x2c;
const NEWLINE = 0x0a;
const CHUNK = 256 * 1024;

/** One CSV line (with '\n') in Athena's dialect; null/undefined values are NULL. */
function csvLine(values) {
  return `${values.map((v) => (v === null || v === undefined ? '' : `"${String(v).replace(/"/g, '""')}"`)).join(',')}\n`;
}

/**
 * Parse one record at `q`. Returns {row, next} or null when the buffer ends inside the
 * record (and more data may follow, i.e. not `eof`).
 */
function parseRecord(buf, q, eof) {
  const row = [];
  for (;;) {
    if (q >= buf.length) return null;
    if (buf[q] === QUOTE) {
      const parts = [];
      let start = q + 1;
      let r = start;
      for (;;) {
        const j = buf.indexOf(QUOTE, r);
        if (j < 0) return null;
        if (j + 1 >= buf.length && !eof) return null; // cannot tell a doubled quote from the chunk end
        if (buf[j + 1] === QUOTE) {
          parts.push(buf.subarray(start, j + 1)); // keep one quote of the pair
          r = j + 2;
          start = r;
          continue;
        }
        parts.push(buf.subarray(start, j));
        q = j + 1;
        break;
      }
      row.push(parts.length === 1 ? parts[0].toString('utf8') : Buffer.concat(parts).toString('utf8'));
    } else {
      row.push(null); // an empty unquoted field is NULL
    }
    if (q >= buf.length) return null;
    if (buf[q] === COMMA) {
      q++;
    } else if (buf[q] === NEWLINE) {
      return { row, next: q + 1 };
    } else {
      throw new Error(`corrupt result file: unexpected byte 0x${buf[q].toString(16)} after a field`);
    }
  }
}

/**
 * Parse up to `max` records from buf starting at pos.
 * @returns {{rows: Array<Array<string|null>>, pos: number}} pos: offset after the last whole record
 */
function parseRecords(buf, pos, max, eof) {
  const rows = [];
  let p = pos;
  while (rows.length < max && p < buf.length) {
    const r = parseRecord(buf, p, eof);
    if (!r) break;
    rows.push(r.row);
    p = r.next;
  }
  return { rows, pos: p };
}

/**
 * Read up to `max` records of `file` starting at byte `offset`.
 * @returns {{rows: Array<Array<string|null>>, next: number|null}} next: offset of the following record, null at the end
 */
function readPage(file, offset, max) {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    let buf = Buffer.alloc(0);
    let filePos = offset;
    const rows = [];
    let consumed = 0;
    while (rows.length < max) {
      const eof = filePos >= size;
      if (!eof) {
        const chunk = Buffer.alloc(Math.min(CHUNK, size - filePos));
        const n = fs.readSync(fd, chunk, 0, chunk.length, filePos);
        filePos += n;
        buf = Buffer.concat([buf.subarray(consumed), chunk.subarray(0, n)]);
        consumed = 0;
      }
      const atEnd = filePos >= size;
      const r = parseRecords(buf, consumed, max - rows.length, atEnd);
      rows.push(...r.rows);
      consumed = r.pos;
      if (atEnd) {
        if (rows.length < max && consumed < buf.length) throw new Error('corrupt result file: incomplete last record');
        break;
      }
    }
    const next = offset + (filePos - offset) - (buf.length - consumed);
    return { rows, next: next >= size ? null : next };
  } finally {
    fs.closeSync(fd);
  }
}

module.exports = { csvLine, readPage };
