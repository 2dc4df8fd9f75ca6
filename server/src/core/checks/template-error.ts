import type { Check, Draft } from '../check';
import { LineIndex } from '../lines';

/**
 * Problems of the template a report uses (broken YAML, bad `extends`, bad `pages`), shown on the
 * report where it names the template, so the author knows why the check may be incomplete.
 */
export const templateError: Check = {
  code: 'template-error',
  defaultLevel: 'error',
  fixable: false,
  title: { vi: 'Mẫu đề cương có lỗi', en: 'The outline template has an error' },
  run(ctx) {
    const template = ctx.template;
    if (!template) return [];
    const chain = new Set<string>();
    for (let t: typeof template | undefined = template; t && !chain.has(t.id); t = t.extends ? ctx.registry.templates.get(t.extends) : undefined) chain.add(t.id);
    const named = ctx.doc.frontMatter?.entries.get('decuong');
    const out: Draft[] = [];
    for (const p of ctx.registry.problems) {
      if (!p.id || !chain.has(p.id)) continue;
      const source = [...ctx.registry.templates.values()].find((t) => t.path === p.path);
      const at = source ? new LineIndex(source.doc.text).position(p.offset) : undefined;
      out.push({
        offset: named?.offset ?? 0,
        length: named ? named.end - named.offset : 0,
        message: { vi: `Mẫu đề cương “${p.id}” có lỗi (${p.path}): ${p.message.vi}`, en: `Outline template “${p.id}” is broken (${p.path}): ${p.message.en}` },
        // A link to the problem in the template file, so the author can go and mend it.
        related: at && !source!.builtin ? [{ offset: 0, length: 0, message: p.message, location: { path: p.path, ...at } }] : undefined,
      });
    }
    return out;
  },
};
