// Bundles the extension-test suite into dist/test/e2e/index.js (CommonJS, for the extension host).
// `vscode` is provided by the extension host and `mocha` is required from node_modules at run time.
// The suite files (test/e2e/suite/*.test.ts) are found here and handed to index.ts through the
// virtual module `e2e:suites`, each behind a function so that mocha's globals exist when it loads.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const suiteDir = join(here, 'suite');

const suites = {
  name: 'e2e-suites',
  setup(build) {
    build.onResolve({ filter: /^e2e:suites$/ }, () => ({ path: 'suites', namespace: 'e2e' }));
    build.onLoad({ filter: /.*/, namespace: 'e2e' }, () => {
      const files = readdirSync(suiteDir).filter((f) => f.endsWith('.test.ts')).sort();
      const entries = files.map((f) => `  { file: ${JSON.stringify(`test/e2e/suite/${f}`)}, load: () => require(${JSON.stringify(`./suite/${f}`)}) },`);
      return {
        contents: `module.exports = { suites: [\n${entries.join('\n')}\n] };\n`,
        loader: 'js',
        resolveDir: here,
        watchFiles: files.map((f) => join(suiteDir, f)),
        watchDirs: [suiteDir],
      };
    });
  },
};

const outfile = join(root, 'dist', 'test', 'e2e', 'index.js');
await esbuild.build({
  entryPoints: [join(here, 'index.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
  plugins: [suites],
});
console.log(`e2e suite built: ${relative(process.cwd(), outfile) || outfile}`);
