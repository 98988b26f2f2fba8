// Starts `govlint server` (a language server on stdio) for plain text, Markdown and HTML
// documents, and restarts it when `govlint.path` or `govlint.language` changes. The
// decisions are in ./server.ts, which is tested without VS Code.

import * as vscode from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  configuredPath,
  findExecutable,
  notFoundMessage,
  openSettingsLabel,
  serverArgs,
  serverLang,
  startFailedMessage,
  type Lang,
} from './server';

let client: LanguageClient | undefined;
let restarting: Promise<void> = Promise.resolve();

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // The server is told when a configuration file appears, changes or goes away.
  const watchers = [
    vscode.workspace.createFileSystemWatcher('**/govlint.toml'),
    vscode.workspace.createFileSystemWatcher('**/.govlint.toml'),
  ];
  // One output channel for every server this session starts, so a restart neither loses
  // the log nor adds a second "govlint" to the Output view.
  const output = vscode.window.createOutputChannel('govlint');
  context.subscriptions.push(
    output,
    ...watchers,
    vscode.workspace.onDidChangeConfiguration((event) => {
      // These two are the server's command line, so they need a new server.
      if (event.affectsConfiguration('govlint.path') || event.affectsConfiguration('govlint.language')) {
        // One restart at a time: quick successive edits must not leave two servers.
        restarting = restarting.then(async () => {
          await stop();
          await start(watchers, output);
        }).catch((error: unknown) => console.error('govlint: restart failed', error));
      }
    }),
  );
  await start(watchers, output);
}

export async function deactivate(): Promise<void> {
  await stop();
}

async function start(watchers: vscode.FileSystemWatcher[], output: vscode.OutputChannel): Promise<void> {
  const config = vscode.workspace.getConfiguration('govlint');
  const lang = serverLang(config.get<string>('language'), vscode.env.language);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const command = configuredPath(config.get<string>('path'), folder);
  const executable = findExecutable(command);
  if (executable === undefined) {
    void complain(notFoundMessage(lang, command), lang);
    return;
  }
  const serverOptions: ServerOptions = { command: executable, args: serverArgs(config.get<string>('language')) };
  const selector = ['plaintext', 'markdown', 'html'].flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector,
    outputChannel: output,
    synchronize: {
      configurationSection: 'govlint',
      fileEvents: watchers,
    },
  };
  // The id `govlint` makes the client read the `govlint.trace.server` setting.
  const started = new LanguageClient('govlint', 'govlint', serverOptions, clientOptions);
  client = started;
  try {
    await started.start();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    void complain(startFailedMessage(lang, executable, detail), lang);
    if (client === started) {
      await stop();
    }
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running !== undefined) {
    // A client that never got going cannot be stopped cleanly; it is dropped either way.
    await running.dispose().catch(() => undefined);
  }
}

async function complain(message: string, lang: Lang): Promise<void> {
  const open = openSettingsLabel(lang);
  const choice = await vscode.window.showErrorMessage(message, open);
  if (choice === open) {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'govlint.path');
  }
}
