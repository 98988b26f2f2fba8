// Loads the bundle itself, out/extension.js, with a stand-in for the `vscode` module, and
// activates it with a govlint.path that does not exist: the bundle must load (nothing left
// out of it), tell the user in the language chosen, open the setting when asked, and try
// again when the setting changes. The language client is never constructed on this path,
// so the stand-in stays small; the server itself is exercised by handshake.test.ts.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import Module = require('node:module');

type Listener = (event: { affectsConfiguration(section: string): boolean }) => unknown;

function harness(settings: Record<string, string>, displayLanguage: string, answer: string | undefined) {
  const shown: string[][] = [];
  const executed: unknown[][] = [];
  const listeners: Listener[] = [];
  const watched: string[] = [];
  const channels: string[] = [];
  const vscode = {
    env: { language: displayLanguage },
    workspace: {
      workspaceFolders: undefined,
      getConfiguration: (section: string) => {
        assert.equal(section, 'govlint');
        return { get: (key: string) => settings[key] };
      },
      createFileSystemWatcher: (glob: string) => {
        watched.push(glob);
        return { dispose() {} };
      },
      onDidChangeConfiguration: (listener: Listener) => {
        listeners.push(listener);
        return { dispose() {} };
      },
    },
    window: {
      createOutputChannel: (name: string) => {
        channels.push(name);
        return { dispose() {} };
      },
      showErrorMessage: async (...items: string[]) => {
        shown.push(items);
        return answer;
      },
    },
    commands: {
      executeCommand: async (...args: unknown[]) => {
        executed.push(args);
      },
    },
  };
  // vscode-languageclient subclasses and reads vscode's classes and enums when it loads;
  // anything not given above is an empty constructor with the same for every property.
  const anything = (): unknown =>
    new Proxy(function () {} as unknown as Record<string | symbol, unknown>, {
      get(target, key) {
        if (key === 'prototype' || typeof key === 'symbol') return target[key];
        if (!(key in target)) target[key] = anything();
        return target[key];
      },
    });
  const filler = anything() as Record<string | symbol, unknown>;
  const standIn = new Proxy(vscode as Record<string | symbol, unknown>, {
    get: (target, key) => (key in target ? target[key] : filler[key]),
  });
  const bundle = path.join(__dirname, '..', 'extension.js');
  const modules = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = modules._load;
  modules._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? standIn : load.call(this, request, ...rest);
  };
  let extension: { activate(context: unknown): Promise<void>; deactivate(): Promise<void> };
  try {
    delete require.cache[bundle];
    extension = require(bundle);
  } finally {
    modules._load = load;
  }
  return { extension, shown, executed, listeners, watched, channels };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test('a missing executable is reported in Chinese under a Chinese interface, and the setting opens', async () => {
  const h = harness({ path: '/nonexistent/govlint', language: 'auto' }, 'zh-cn', '打开设置');
  const context = { subscriptions: [] as unknown[] };
  await h.extension.activate(context);
  await settle();
  assert.deepEqual(h.watched, ['**/govlint.toml', '**/.govlint.toml']);
  assert.equal(h.shown.length, 1);
  assert.match(h.shown[0][0], /^找不到 govlint 程序（试过：\/nonexistent\/govlint）/);
  assert.equal(h.shown[0][1], '打开设置');
  assert.deepEqual(h.executed, [['workbench.action.openSettings', 'govlint.path']]);
  await h.extension.deactivate();
});

test('govlint.language en wins over a Chinese interface; a change of govlint.path tries again', async () => {
  const settings = { path: 'govlint-not-on-path-anywhere', language: 'en' };
  const h = harness(settings, 'zh-cn', undefined);
  await h.extension.activate({ subscriptions: [] });
  await settle();
  assert.equal(h.shown.length, 1);
  assert.match(h.shown[0][0], /^govlint was not found \(tried: govlint-not-on-path-anywhere on PATH\)/);
  assert.deepEqual(h.executed, [], 'nothing opens when the message is dismissed');
  // An unrelated setting does not restart; govlint.path does, with the new value.
  h.listeners.forEach((l) => l({ affectsConfiguration: (s) => s === 'editor.fontSize' }));
  await settle();
  assert.equal(h.shown.length, 1);
  settings.path = '/still/missing/govlint';
  h.listeners.forEach((l) => l({ affectsConfiguration: (s) => s === 'govlint.path' }));
  await settle();
  await settle();
  assert.equal(h.shown.length, 2);
  assert.match(h.shown[1][0], /tried: \/still\/missing\/govlint\)/);
  assert.deepEqual(h.channels, ['govlint'], 'one output channel across restarts');
  await h.extension.deactivate();
});
