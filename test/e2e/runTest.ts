// The same extension-test suite under @vscode/test-electron, for machines that can download a
// VS Code build (a contributor's desktop, a public CI). Here (no download possible) `npm run
// test:e2e` uses ../shared/tools/vscode-e2e instead; `DECUONG_E2E_RUNNER=electron` forces this one.
//   node test/e2e/build.mjs && npx tsx test/e2e/runTest.ts
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = resolve(import.meta.dirname, '..', '..');
  // The tests edit files: run them on a copy of the fixture workspace, as the other runner does.
  const workspace = mkdtempSync(join(tmpdir(), 'decuong-e2e-'));
  cpSync(join(root, 'test/fixtures/ws'), workspace, { recursive: true });
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'dist/test/e2e/index.js'),
    launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--disable-workspace-trust'],
  });
}

main().catch((e) => {
  console.error(`test-electron: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
