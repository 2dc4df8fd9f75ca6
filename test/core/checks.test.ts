import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checks } from '../../server/src/core/checks/index.ts';
import { findings, listFixtures, readFixture, ROOT } from '../helpers.ts';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const nls = (f: string) => JSON.parse(readFileSync(join(ROOT, f), 'utf8')) as Record<string, string>;

test('each check has its own file named after its code, a title in both languages, and a severity setting', () => {
  const props = pkg.contributes.configuration.properties;
  for (const c of checks) {
    assert.ok(c.title.vi && c.title.en, c.code);
    const setting = props[`decuong.severity.${c.code}`];
    assert.ok(setting, `decuong.severity.${c.code} in package.json`);
    assert.equal(setting.default, c.defaultLevel, `${c.code} default matches the check`);
    for (const f of ['package.nls.json', 'package.nls.vi.json']) assert.ok(nls(f)[`config.severity.${c.code}`], `${f} describes ${c.code}`);
  }
  assert.equal(new Set(checks.map((c) => c.code)).size, checks.length);
});

test('every check that returns fixes is marked fixable', () => {
  const texts = [
    ...listFixtures('seeds').map((f) => readFixture('seeds', f)),
    readFixture('seeds', '000-so-ket-giua-nhiem-ky-2019-2024.md').replace(/^#+ /gm, ''),
  ];
  const fixable = new Set(checks.filter((c) => c.fixable).map((c) => c.code));
  for (const text of texts) {
    for (const f of findings(text)) if (f.fixes?.length) assert.ok(fixable.has(f.code), f.code);
  }
});

test('every manifest string has a Vietnamese twin', () => {
  assert.deepEqual(Object.keys(nls('package.nls.vi.json')).sort(), Object.keys(nls('package.nls.json')).sort());
});
