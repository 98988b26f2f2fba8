// The extension's decisions, run under plain Node (`npm test`): no VS Code needed.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  configuredPath,
  findExecutable,
  notFoundMessage,
  serverArgs,
  serverLang,
  startFailedMessage,
} from '../src/server';

test('auto follows the display language: any Chinese gives zh, the rest en', () => {
  assert.equal(serverLang('auto', 'zh-cn'), 'zh');
  assert.equal(serverLang('auto', 'zh-TW'), 'zh');
  assert.equal(serverLang('auto', 'en'), 'en');
  assert.equal(serverLang('auto', 'ja'), 'en');
  assert.equal(serverLang(undefined, 'zh-cn'), 'zh');
});

test('an explicit language wins over the display language', () => {
  assert.equal(serverLang('en', 'zh-cn'), 'en');
  assert.equal(serverLang('zh', 'en'), 'zh');
  // A value the schema does not allow (a hand-edited settings.json) is taken as auto.
  assert.equal(serverLang('fr', 'zh-cn'), 'zh');
});

test('the server is started as `govlint server --lang <lang>`, or without --lang for auto', () => {
  assert.deepEqual(serverArgs('zh'), ['server', '--lang', 'zh']);
  assert.deepEqual(serverArgs('en'), ['server', '--lang', 'en']);
  assert.deepEqual(serverArgs('auto'), ['server']);
  assert.deepEqual(serverArgs(undefined), ['server']);
});

test('govlint.path: a bare name stays a name, ~ is home, a relative path is the workspace\'s', () => {
  assert.equal(configuredPath('govlint', '/ws', '/home/u'), 'govlint');
  assert.equal(configuredPath('', '/ws', '/home/u'), 'govlint');
  assert.equal(configuredPath(undefined, '/ws', '/home/u'), 'govlint');
  assert.equal(configuredPath('  /opt/govlint/bin/govlint ', '/ws', '/home/u'), '/opt/govlint/bin/govlint');
  assert.equal(configuredPath('~/.cargo/bin/govlint', '/ws', '/home/u'), path.join('/home/u', '.cargo/bin/govlint'));
  assert.equal(configuredPath('./bin/govlint', '/ws', '/home/u'), path.resolve('/ws', 'bin/govlint'));
});

test('findExecutable looks a name up on PATH and checks a path as it is', { skip: process.platform === 'win32' }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govlint-ext-'));
  try {
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    const exe = path.join(bin, 'govlint');
    fs.writeFileSync(exe, '#!/bin/sh\n', { mode: 0o755 });
    const plain = path.join(bin, 'not-executable');
    fs.writeFileSync(plain, '', { mode: 0o644 });
    fs.mkdirSync(path.join(dir, 'govlint'));
    // The directory named govlint, first on PATH, is skipped for the executable after it.
    const env = { PATH: [dir, bin].join(':') };
    assert.equal(findExecutable('govlint', env, 'linux'), exe);
    assert.equal(findExecutable('govlint', { PATH: dir }, 'linux'), undefined);
    assert.equal(findExecutable('govlint', {}, 'linux'), undefined);
    assert.equal(findExecutable(exe, {}, 'linux'), exe);
    assert.equal(findExecutable(plain, env, 'linux'), undefined);
    assert.equal(findExecutable('not-executable', env, 'linux'), undefined);
    assert.equal(findExecutable(path.join(dir, 'missing'), env, 'linux'), undefined);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the not-found message names what was tried and how to install, in both languages', () => {
  const en = notFoundMessage('en', 'govlint');
  assert.match(en, /tried: govlint on PATH/);
  assert.match(en, /pip install govlint/);
  assert.match(en, /cargo install --path \./);
  assert.match(en, /govlint\.path/);
  assert.match(notFoundMessage('en', '/opt/govlint'), /tried: \/opt\/govlint\)/);
  const zh = notFoundMessage('zh', 'govlint');
  assert.match(zh, /找不到 govlint 程序（试过：在 PATH 中查找 govlint）/);
  assert.match(zh, /pip install govlint/);
  assert.match(zh, /cargo install --path \./);
  assert.match(notFoundMessage('zh', '/opt/govlint'), /试过：\/opt\/govlint）/);
});

test('a server that does not start is reported with its command line', () => {
  assert.match(startFailedMessage('en', '/usr/bin/govlint', 'exit 2'), /\/usr\/bin\/govlint server --lang en: exit 2/);
  assert.match(startFailedMessage('zh', '/usr/bin/govlint', 'exit 2'), /\/usr\/bin\/govlint server --lang zh：exit 2/);
});
