// Bundles the extension into one file, out/extension.js, so the .vsix carries no
// node_modules; `vscode` is the editor's own module. The tests are bundled beside it, in
// out/test/ (left out of the .vsix by .vscodeignore). `npm run build` type-checks first.
import * as esbuild from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // VS Code 1.85, the oldest `engines.vscode` allows, runs extensions on Node 18.
  target: 'node18',
  logLevel: 'warning',
};

await esbuild.build({
  ...common,
  entryPoints: ['src/extension.ts'],
  outfile: 'out/extension.js',
  external: ['vscode'],
  minify: true,
  sourcemap: false,
});

await esbuild.build({
  ...common,
  entryPoints: ['test/server.test.ts', 'test/handshake.test.ts', 'test/bundle.test.ts'],
  outdir: 'out/test',
});
