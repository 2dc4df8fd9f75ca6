import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, listFixtures, readFixture, summary } from '../helpers.ts';

/** The outlines the built-in templates come from, as reports: their own structure is never missing. */
for (const file of listFixtures('seeds')) {
  test(`seed ${file}: no missing-section against its own template`, () => {
    const text = readFixture('seeds', file);
    const got = findings(text);
    assert.ok(!got.some((f) => f.code === 'no-template' || f.code === 'unknown-template'), summary(got).join('; '));
    assert.deepEqual(summary(got.filter((f) => f.code === 'missing-section')), []);
  });
}
