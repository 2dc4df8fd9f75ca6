import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, createRegistry, LineIndex, type CheckOptions, type Finding, type TemplateRegistry, type TemplateSource } from '../server/src/core/index.ts';

export const ROOT = join(import.meta.dirname, '..');

/** Built-in templates read from disk (the bundles inline the same files). */
export function builtinSources(): TemplateSource[] {
  const dir = join(ROOT, 'server/templates');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ path: `builtin:${f}`, text: readFileSync(join(dir, f), 'utf8'), builtin: true }));
}

let builtins: TemplateRegistry | undefined;
export function builtinRegistry(): TemplateRegistry {
  return (builtins ??= createRegistry(builtinSources()));
}

export function readFixture(...parts: string[]): string {
  return readFileSync(join(ROOT, 'test/fixtures', ...parts), 'utf8');
}

export function listFixtures(...parts: string[]): string[] {
  return readdirSync(join(ROOT, 'test/fixtures', ...parts)).filter((f) => f.endsWith('.md')).sort();
}

export interface Located extends Finding {
  line: number;
  character: number;
}

/** Runs the core and adds 0-based line/character (UTF-16) to each finding. */
export function findings(text: string, options: CheckOptions = {}, registry = builtinRegistry()): Located[] {
  const index = new LineIndex(text);
  return check(text, registry, options).findings.map((f) => ({ ...f, ...index.position(f.offset) }));
}

export const STRUCTURAL = new Set(['missing-section', 'section-order', 'section-level', 'section-title']);

/** "L code" lines, for readable assertion failures. */
export function summary(list: Located[]): string[] {
  return list.map((f) => `${f.line} ${f.code}`);
}

export function lineOf(text: string, offset: number): number {
  return new LineIndex(text).position(offset).line;
}

/** Small seeded PRNG (mulberry32): generated test cases are the same on every run (CI uses fixed seeds). */
export function mulberry32(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
