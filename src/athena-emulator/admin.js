'use strict';
// Admin endpoints (plain JSON, same port, under /_emulator/), for tests and scripts:
//   GET  /_emulator/health        -> {"ok": true, ...}
//   GET  /_emulator/state         -> faults, call counters (stopQueryExecutionCalls, ...), executions, lake
//   POST /_emulator/faults        -> replace the fault configuration (body: see faults.js)
//   POST /_emulator/reset         -> forget executions and idempotency tokens, clear faults and counters
//   POST /_emulator/lake/rescan   -> re-register the lake now (it is also re-registered
//                                    automatically when its folders change)

const { send, readBody } = require('./protocol');

async function handleAdmin(req, res, ctx) {
  const route = `${req.method} ${req.url.split('?')[0].replace(/\/+$/, '')}`;
  const json = (status, body) => send(res, status, body, 'application/json');
  try {
    switch (route) {
      case 'GET /_emulator/health':
        return json(200, { ok: true, port: ctx.port(), pid: process.pid, region: ctx.config.region, lake: ctx.config.lakeDir, s3Endpoint: ctx.config.s3Endpoint || null });
      case 'GET /_emulator/state':
        return json(200, stateOf(ctx));
      case 'POST /_emulator/faults': {
        const text = await readBody(req);
        let cfg;
        try {
          cfg = text.trim() ? JSON.parse(text) : {};
        } catch (e) {
          return json(400, { error: `faults body is not valid JSON: ${e.message}` });
        }
        try {
          ctx.faults.set(cfg);
        } catch (e) {
          return json(400, { error: e.message });
        }
        return json(200, stateOf(ctx));
      }
      case 'POST /_emulator/reset':
        ctx.executions.reset();
        ctx.faults.reset();
        for (const k of Object.keys(ctx.counters)) delete ctx.counters[k];
        return json(200, stateOf(ctx));
      case 'POST /_emulator/lake/rescan':
        await ctx.engine.refreshLake(true);
        return json(200, { lake: lakeOf(ctx), warnings: ctx.engine.lake.warnings });
      default:
        return json(404, { error: `unknown admin endpoint ${route}; see README.md (GET health|state, POST faults|reset|lake/rescan)` });
    }
  } catch (e) {
    return json(500, { error: e.message });
  }
}

function lakeOf(ctx) {
  const out = {};
  for (const db of ctx.engine.lake.databases.values()) out[db.name] = [...db.tables.keys()];
  return out;
}

function stateOf(ctx) {
  return {
    faults: ctx.faults.state(),
    counters: { ...ctx.counters },
    stopQueryExecutionCalls: ctx.counters.StopQueryExecution || 0,
    executions: ctx.executions.summary(),
    lake: lakeOf(ctx),
  };
}

module.exports = { handleAdmin };
