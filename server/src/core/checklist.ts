import type { DocText } from './text';
import type { CheckContext } from './check';
import type { Section } from './outline';
import type { Finding } from './types';

export type ChecklistState = 'present' | 'empty' | 'placeholder' | 'missing' | 'optional-missing';

export interface ChecklistItem {
  /** The outline's title, number included. */
  title: string;
  /** 1 for top sections. */
  level: number;
  optional: boolean;
  state: ChecklistState;
  /** Offset of the report's heading, when present. */
  offset?: number;
  children: ChecklistItem[];
}

export interface Checklist {
  template?: { id: string; title: string };
  items: ChecklistItem[];
  counts: { required: number; present: number; missing: number; empty: number; placeholders: number };
}

/** Does a section have text of its own (before its first subsection), comments aside? */
function hasOwnText(text: DocText, s: Section): boolean {
  const end = s.children[0]?.heading.offset ?? s.end;
  return text.slice(s.bodyOffset, end).replace(/<!--[\s\S]*?(-->|$)/g, '').trim().length > 0;
}

/**
 * Every outline section and its state in the report: present, present but empty, holding a
 * blank, missing, or optional and absent — the data of the checklist view.
 */
export function checklist(ctx: CheckContext, findings: readonly Finding[]): Checklist {
  const counts = { required: 0, present: 0, missing: 0, empty: 0, placeholders: 0 };
  const template = ctx.template;
  if (!template || !ctx.alignment) return { items: [], counts };
  const blanks = findings.filter((f) => f.code === 'placeholder').map((f) => f.offset).sort((a, b) => a - b);
  const pairs = ctx.alignment.pairs;
  const build = (expected: Section, parentAbsent: boolean): ChecklistItem => {
    const pair = pairs.get(expected);
    const optional = expected.optional || parentAbsent;
    let state: ChecklistState;
    if (!pair) state = optional ? 'optional-missing' : 'missing';
    else {
      const a = pair.actual;
      const ownEnd = a.children[0]?.heading.offset ?? a.end;
      if (blanks.some((b) => b >= a.heading.offset && b < ownEnd)) state = 'placeholder';
      else if (!hasOwnText(ctx.text, a) && !a.children.length) state = 'empty';
      else state = 'present';
    }
    if (!optional) {
      counts.required++;
      if (state === 'missing') counts.missing++;
      else counts.present++;
    }
    if (state === 'empty') counts.empty++;
    if (state === 'placeholder') counts.placeholders++;
    return {
      title: expected.heading.text,
      level: expected.level,
      optional: expected.optional,
      state,
      ...(pair ? { offset: pair.actual.heading.offset } : {}),
      children: expected.children.map((c) => build(c, parentAbsent || (!pair && expected.optional))),
    };
  };
  return { template: { id: template.id, title: template.title }, items: template.outline.roots.map((r) => build(r, false)), counts };
}
