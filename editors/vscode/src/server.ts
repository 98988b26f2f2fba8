// What the extension decides before it starts `govlint server`: the message language, the
// command line, where the executable is, and what to say when it is missing. Nothing here
// imports `vscode`, so `npm test` runs it under plain Node (test/server.test.ts).

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export type Lang = 'zh' | 'en';

/** The `--lang` of the server: the setting, or for `auto` VS Code's display language
 * (`zh-cn`, `zh-tw`… give Chinese, anything else English). */
export function serverLang(setting: string | undefined, displayLanguage: string): Lang {
  if (setting === 'zh' || setting === 'en') {
    return setting;
  }
  return displayLanguage.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The arguments after the executable: `--lang` only when the setting names a language.
 * With `auto` the server chooses as govlint does everywhere: the workspace's govlint.toml
 * `lang`, else the editor's display language (which the client sends as `locale`). */
export function serverArgs(setting: string | undefined): string[] {
  return setting === 'zh' || setting === 'en' ? ['server', '--lang', setting] : ['server'];
}

/** The `govlint.path` setting as a path or a bare name: blank means the default, `~/` is
 * the home directory, and a relative path with a directory in it is taken from the
 * workspace folder (VS Code's own working directory means nothing to the user). */
export function configuredPath(setting: string | undefined, workspaceFolder: string | undefined, home = os.homedir()): string {
  const value = (setting ?? '').trim();
  if (value === '') {
    return 'govlint';
  }
  if (value === '~' || value.startsWith('~/') || value.startsWith('~\\')) {
    return path.join(home, value.slice(1));
  }
  if (!hasDirectory(value) || path.isAbsolute(value)) {
    return value;
  }
  return workspaceFolder === undefined ? path.resolve(value) : path.resolve(workspaceFolder, value);
}

function hasDirectory(value: string, platform: NodeJS.Platform = process.platform): boolean {
  return value.includes('/') || (platform === 'win32' && value.includes('\\'));
}

/** Whether `command` names a file rather than a name to look up on `PATH`. */
function isPath(command: string, platform: NodeJS.Platform = process.platform): boolean {
  return path.isAbsolute(command) || hasDirectory(command, platform);
}

/** Where `command` is, as the server would be spawned: a path with a directory is checked
 * as it is; a bare name is looked up on `PATH` (with `PATHEXT` on Windows). `undefined`
 * when there is no such executable, so the user is told before a spawn fails obscurely. */
export function findExecutable(
  command: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  const windows = platform === 'win32';
  const extensions = windows
    ? ['', ...(env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter((e) => e !== '')]
    : [''];
  const candidates = (base: string) => extensions.map((e) => base + e);
  if (isPath(command, platform)) {
    return candidates(command).find(isExecutable);
  }
  const dirs = (env.PATH ?? env.Path ?? '').split(windows ? ';' : ':').filter((d) => d !== '');
  for (const dir of dirs) {
    const found = candidates(path.join(dir, command)).find(isExecutable);
    if (found !== undefined) {
      return found;
    }
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) {
      return false;
    }
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** What the user reads when the executable is missing: what was tried (the name on `PATH`,
 * or the path) and how to install govlint. */
export function notFoundMessage(lang: Lang, command: string): string {
  const bare = !isPath(command);
  if (lang === 'zh') {
    const tried = bare ? `在 PATH 中查找 ${command}` : command;
    return (
      `找不到 govlint 程序（试过：${tried}）。` +
      '请安装 govlint：pipx install govlint 或 pip install govlint，' +
      '或在 govlint 源码目录中运行 cargo install --path .，或下载发布页面上的程序；' +
      '也可以在设置 govlint.path 中填写程序的完整路径。'
    );
  }
  const tried = bare ? `${command} on PATH` : command;
  return (
    `govlint was not found (tried: ${tried}). ` +
    'Install it with `pipx install govlint` or `pip install govlint`, ' +
    "with `cargo install --path .` in a clone of govlint, or from a release's binary; " +
    'or set `govlint.path` to the full path of the executable.'
  );
}

/** What the user reads when the executable is there but the server did not start: an
 * older govlint has no `server` command. */
export function startFailedMessage(lang: Lang, executable: string, detail: string): string {
  if (lang === 'zh') {
    return (
      `govlint 语言服务器没有启动（${executable} ${serverArgs(lang).join(' ')}：${detail}）。` +
      '较早的 govlint 没有 server 命令，请安装新版本。'
    );
  }
  return (
    `The govlint language server did not start (${executable} ${serverArgs(lang).join(' ')}: ${detail}). ` +
    'Older releases of govlint have no `server` command: install a newer one.'
  );
}

/** The label of the button that opens the `govlint.path` setting. */
export function openSettingsLabel(lang: Lang): string {
  return lang === 'zh' ? '打开设置' : 'Open Settings';
}
