'use strict';
// scripts/local-aws.sh up | status | down, in a temporary state folder (LOCAL_AWS_DIR)
// so that it never touches a developer's running .local-aws instance.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const h = require('./helpers');

const SCRIPT = path.resolve(__dirname, '../../scripts/local-aws.sh');
let stateDir;
let lake;

function run(cmd, extraEnv = {}) {
  const r = spawnSync('bash', [SCRIPT, cmd], {
    encoding: 'utf8', cwd: '/', env: { ...process.env, LOCAL_AWS_DIR: stateDir, SOXAUTO_LAKE: lake, ...extraEnv },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function readEnv() {
  const env = {};
  for (const line of fs.readFileSync(path.join(stateDir, 'env'), 'utf8').split('\n')) {
    const m = /^export ([A-Z_0-9]+)=(.*)$/.exec(line);
    if (m) env[m[1]] = m[2];
  }
  return env;
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test.before(() => {
  stateDir = path.join(h.tempDir('athena-emu-localaws-'), 'state');
  lake = path.join(h.tempDir('athena-emu-localaws-lake-'), 'lake');
});

test.after(() => {
  run('down');
  h.killAll();
});

test('up starts moto and the emulator, writes the env file; a second up changes nothing; down stops both', async () => {
  const up = run('up');
  assert.equal(up.code, 0, up.err);
  const env = readEnv();
  assert.match(env.AWS_ENDPOINT_URL_ATHENA, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.match(env.AWS_ENDPOINT_URL_S3, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.equal(env.AWS_ENDPOINT_URL_STS, env.AWS_ENDPOINT_URL_S3);
  assert.deepEqual([env.AWS_ACCESS_KEY_ID, env.AWS_SECRET_ACCESS_KEY, env.AWS_REGION, env.AWS_DEFAULT_REGION, env.SOXAUTO_WORKGROUP, env.SOXAUTO_OUTPUT_LOCATION, env.AWS_EC2_METADATA_DISABLED],
    ['testing', 'testing', 'us-east-1', 'us-east-1', 'primary', 's3://soxauto-athena-results/athena/', 'true']);
  assert.equal(env.SOXAUTO_LAKE, lake);
  assert.ok(fs.statSync(lake).isDirectory());

  // the emulator answers, the bucket exists and a query's result lands in it
  const id = await h.startQuery(env.AWS_ENDPOINT_URL_ATHENA, 'SELECT 42 AS answer');
  const q = await h.waitQuery(env.AWS_ENDPOINT_URL_ATHENA, id);
  assert.equal(q.Status.State, 'SUCCEEDED', q.Status.StateChangeReason);
  assert.equal(q.ResultConfiguration.OutputLocation, `s3://soxauto-athena-results/athena/${id}.csv`);
  assert.equal((await h.s3Get(env.AWS_ENDPOINT_URL_S3, 'soxauto-athena-results', `athena/${id}.csv`)).body.toString(), '"answer"\n"42"\n');

  const pids = ['moto.pid', 'athena-emulator.pid'].map((f) => Number(fs.readFileSync(path.join(stateDir, f), 'utf8').split(' ')[0]));
  const again = run('up');
  assert.equal(again.code, 0, again.err);
  assert.match(again.err, /already running and healthy/);
  assert.deepEqual(readEnv(), env);
  assert.deepEqual(['moto.pid', 'athena-emulator.pid'].map((f) => Number(fs.readFileSync(path.join(stateDir, f), 'utf8').split(' ')[0])), pids);

  const status = run('status');
  assert.match(status.out, /^moto\s+running\s+pid \d+/m);
  assert.match(status.out, /^athena-emulator\s+running\s+pid \d+/m);

  const down = run('down');
  assert.equal(down.code, 0, down.err);
  for (let i = 0; i < 40 && pids.some(alive); i++) await h.sleep(100);
  assert.deepEqual(pids.map(alive), [false, false]);
  assert.equal(fs.existsSync(path.join(stateDir, 'env')), false);
  assert.match(run('status').out, /^moto\s+stopped/m);
});

test('down never signals a process it did not start (stale pid file)', () => {
  fs.mkdirSync(stateDir, { recursive: true });
  // our own pid, but with a start time that is not ours: must be left alone
  fs.writeFileSync(path.join(stateDir, 'moto.pid'), `${process.pid} 1\nThu Jan  1 00:00:00 1970\n`);
  const down = run('down');
  assert.equal(down.code, 0, down.err);
  assert.match(down.err, /stale/);
  assert.equal(fs.existsSync(path.join(stateDir, 'moto.pid')), false);
  assert.ok(alive(process.pid));
});

test('up fails clearly when moto_server is not on PATH', () => {
  const r = run('up', { PATH: '/usr/bin:/bin' });
  assert.notEqual(r.code, 0);
  assert.match(r.err, /moto_server not found on PATH; moto 5\.2\.1 is expected on this machine image/);
});
