// Starts the real `govlint server` as the extension would (the executable found by
// findExecutable, the arguments of serverArgs) and speaks to it with the JSON-RPC stack
// vscode-languageclient is built on: initialize, the configuration notification the client
// sends because of `synchronize.configurationSection`, a watched-file event for a
// govlint.toml, a document with a fault, and shutdown. Needs a govlint binary: GOVLINT
// names it (.ci/vscode-extension passes the debug build); without it the test is skipped.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import {
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { configuredPath, findExecutable, serverArgs } from '../src/server';

const govlint = process.env.GOVLINT;

/** `promise`, or a failure naming `what` after `ms`: a silent server must fail the test,
 * not hang it. */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

test('govlint server answers the client the extension makes', { skip: govlint === undefined ? 'GOVLINT is not set' : false }, async () => {
  const executable = findExecutable(configuredPath(govlint, process.cwd()));
  assert.ok(executable !== undefined, `no executable at ${govlint}`);
  // `auto`: no --lang; the display language reaches the server as `locale`.
  const args = serverArgs('auto');
  assert.deepEqual(args, ['server']);
  const child = spawn(executable, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const published: PublishDiagnosticsParams[] = [];
  let notify: () => void = () => {};
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.push(params);
    notify();
  });
  connection.listen();
  try {
    // VS Code's client offers UTF-16 positions only.
    const init = await within(
      10_000,
      'answer to initialize',
      connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: null,
        locale: 'zh-cn',
        capabilities: { general: { positionEncodings: ['utf-16'] } },
      }),
    );
    assert.equal(init.serverInfo?.name, 'govlint');
    assert.ok(init.capabilities.codeActionProvider, 'quick fixes offered');
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { govlint: { path: 'govlint', language: 'auto', trace: { server: 'off' } } },
    });
    await connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: 'file:///tmp/govlint-ext/govlint.toml', type: FileChangeType.Changed }],
    });

    // Percent-encoded, as VS Code's Uri.toString() sends it (草稿.txt).
    const uri = 'file:///tmp/govlint-ext/%E8%8D%89%E7%A8%BF.txt';
    const diagnosed = new Promise<void>((resolve) => {
      notify = () => {
        if (published.some((p) => p.uri === uri)) resolve();
      };
    });
    // A stray ASCII period after 28 characters: UTF-16 column 28, whatever the bytes.
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: {
        uri,
        languageId: 'plaintext',
        version: 1,
        text: '今年4月，区行政审批局获“中国智慧政务建设杰出项目”大奖.\n',
      },
    });
    await within(10_000, `diagnostics for ${uri}`, diagnosed);
    const diagnostics = published.filter((p) => p.uri === uri).at(-1)?.diagnostics ?? [];
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    const [diagnostic] = diagnostics;
    assert.deepEqual(diagnostic.range.start, { line: 0, character: 28 });
    assert.equal(diagnostic.source, 'govlint');
    assert.ok(typeof diagnostic.code === 'string' && diagnostic.code !== '', 'the rule id is the code');
    assert.match(diagnostic.message, /[\u4e00-\u9fff]/, `a Chinese message under --lang zh: ${diagnostic.message}`);

    await within(10_000, 'answer to shutdown', connection.sendRequest(ShutdownRequest.type));
    await connection.sendNotification(ExitNotification.type);
    assert.equal(await within(10_000, 'exit', exited), 0);
  } finally {
    connection.dispose();
    child.kill();
  }
});
