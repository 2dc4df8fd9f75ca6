import builtinTemplates from 'decuong:builtin-templates';
import type { TemplateSource } from './core';

/** The built-in outlines (server/templates/*.md), inlined at build time: no file IO at run time. */
export function builtinSources(): TemplateSource[] {
  return builtinTemplates.map((t) => ({ path: `builtin:${t.path}`, text: t.text, builtin: true }));
}
