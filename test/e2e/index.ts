// Entry of the extension-test suite, loaded by the extension host (vscode-e2e / @vscode/test-electron):
// `run()` runs mocha over test/e2e/suite/*.test.ts (bundled by build.mjs) and resolves when all pass.
import { writeFileSync } from 'node:fs';
import Mocha from 'mocha';

interface SuiteFile {
  file: string;
  load: () => unknown;
}

export function run(): Promise<void> {
  // One retry: a real workbench on 2 shared cores drops an event now and then (the vscode-e2e README
  // records the same). A retried test is printed as such and counted, so a flake stays visible.
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000, slow: 5_000, retries: 1 });
  // What `mocha.loadFiles()` does, for modules that are already in this bundle.
  const { suites } = require('e2e:suites') as { suites: SuiteFile[] };
  for (const { file, load } of suites) {
    mocha.suite.emit('pre-require', globalThis, file, mocha);
    mocha.suite.emit('require', load(), file, mocha);
    mocha.suite.emit('post-require', globalThis, file, mocha);
  }

  return new Promise<void>((resolve, reject) => {
    const counts = { passed: 0, failed: 0, skipped: 0, retried: 0 };
    const runner = mocha.run((failures) => {
      const out = process.env.VSCODE_E2E_RESULTS;
      if (out) {
        try {
          writeFileSync(out, JSON.stringify(counts));
        } catch (e) {
          console.error(`could not write ${out}: ${String(e)}`);
        }
      }
      if (failures > 0) reject(new Error(`${failures} e2e test(s) failed`));
      else if (counts.passed === 0) reject(new Error('no e2e test ran'));
      else resolve();
    });
    runner.on('pass', () => counts.passed++);
    runner.on('fail', () => counts.failed++);
    runner.on('pending', () => counts.skipped++);
    runner.on('retry', (test: Mocha.Test, err: unknown) => {
      counts.retried++;
      console.log(`RETRIED: ${test.fullTitle()} — first attempt failed: ${err instanceof Error ? err.message : String(err)}`);
    });
  });
}
