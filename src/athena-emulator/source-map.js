'use strict';
// Builds rewritten SQL text while remembering where each piece came from, so that an
// error DuckDB reports at an offset of the rewritten SQL can be shown to the user as
// `line L:C` of the SQL they sent (as Trino does).

class TextBuilder {
  constructor() {
    this.pieces = []; // {out, text, src, verbatim}
    this.length = 0;
  }

  /**
   * @param {string} text
   * @param {number} src offset in the source text this piece stands for
   * @param {boolean} verbatim true when `text` is a copy of the source at `src`
   */
  add(text, src, verbatim = false) {
    if (!text) return this;
    this.pieces.push({ out: this.length, text, src, verbatim });
    this.length += text.length;
    return this;
  }

  /** Append another builder's output, keeping its source offsets. */
  append(other) {
    for (const p of other.pieces) this.add(p.text, p.src, p.verbatim);
    return this;
  }

  toString() {
    return this.pieces.map((p) => p.text).join('');
  }

  toMap() {
    return new SourceMap(this.pieces);
  }
}

class SourceMap {
  constructor(pieces) {
    this.pieces = pieces.map(({ out, text, src, verbatim }) => ({ out, len: text.length, src, verbatim }));
  }

  /** Offset in the source text for an offset in the built text. */
  toSource(pos) {
    const ps = this.pieces;
    if (ps.length === 0) return 0;
    let lo = 0;
    let hi = ps.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ps[mid].out <= pos) lo = mid;
      else hi = mid - 1;
    }
    const p = ps[lo];
    return p.verbatim ? p.src + Math.min(Math.max(pos - p.out, 0), p.len) : p.src;
  }
}

const identityMap = { toSource: (pos) => pos };

/** Character offset in `text` of a UTF-8 byte offset (DuckDB reports byte offsets). */
function byteToCharOffset(text, bytePos) {
  return Buffer.from(text, 'utf8').subarray(0, bytePos).toString('utf8').length;
}

module.exports = { TextBuilder, SourceMap, identityMap, byteToCharOffset };
