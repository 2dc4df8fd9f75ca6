// Bundles the extension client, the language server and the CLI; built-in templates are inlined.
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const templatesDir = 'server/templates';

/** `import builtins from 'decuong:builtin-templates'` → [{ path, text }] of server/templates/*.md. */
const builtinTemplates = {
  name: 'builtin-templates',
  setup(build) {
    build.onResolve({ filter: /^decuong:builtin-templates$/ }, () => ({ path: 'builtin-templates', namespace: 'decuong' }));
    build.onLoad({ filter: /.*/, namespace: 'decuong' }, () => {
      const files = readdirSync(templatesDir).filter((f) => f.endsWith('.md')).sort();
      const list = files.map((f) => ({ path: f, text: readFileSync(join(templatesDir, f), 'utf8') }));
      return { contents: `export default ${JSON.stringify(list)};`, loader: 'js', watchFiles: files.map((f) => join(templatesDir, f)) };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  plugins: [builtinTemplates],
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
