import assert from 'node:assert/strict';
import test from 'node:test';
import type { CheckResult } from '../../server/src/core';
import { warmUpSteps } from '../../server/src/lsp/warmUp';
import { builtinRegistry } from '../helpers';

test('the warm-up types into a report with slips, so the checks that find them run, and the report keeps its shape', () => {
  const results: Array<{ text: string; result: CheckResult }> = [];
  const steps = warmUpSteps(builtinRegistry, 120, (text, result) => results.push({ text, result }));
  for (const step of steps) step();
  // The first check, then an edit per step and the undoing of the one before.
  assert.ok(results.length > 200, `${results.length} checks`);
  const first = results[0]!;
  assert.ok(first.result.template, 'a built-in outline is selected');
  const codes = new Set(results.flatMap((r) => r.result.findings.map((f) => f.code)));
  for (const code of ['missing-section', 'numbering', 'section-level', 'placeholder'] as const) assert.ok(codes.has(code), `${code} is found during the warm-up`);
  assert.ok(results.some((r) => r.result.findings.some((f) => f.fixes?.length)), 'fixes are built');
  // Every edit is undone at the next step: the text never drifts more than one edit from the start.
  const last = results[results.length - 1]!.text;
  assert.ok(Math.abs(last.length - first.text.length) <= 5, `length ${last.length} against ${first.text.length}`);
  // It types in prose and in titles: the outline's titles change along the way.
  const titles = (r: CheckResult) => r.outline.all.map((s) => s.heading.text).join('|');
  assert.ok(results.some((r) => titles(r.result) !== titles(first.result)));
  // And moves headings a level deeper and shallower (a `#` more or less): the same sections at other depths.
  const depths = (r: CheckResult) => r.outline.all.map((s) => s.heading.depth).join(',');
  const same = results.filter((r) => r.result.outline.all.length === first.result.outline.all.length);
  assert.ok(same.some((r) => depths(r.result) !== depths(first.result) && titles(r.result) === titles(first.result)), 'a heading changes level');
  assert.ok(same.some((r) => r.result.outline.all.some((s, i) => s.heading.depth < first.result.outline.all[i]!.heading.depth)), 'a heading goes a level up');
});
