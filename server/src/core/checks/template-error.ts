import type { Check, Draft } from '../check';

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
      out.push({
        offset: named?.offset ?? 0,
        length: named ? named.end - named.offset : 0,
        message: { vi: `Mẫu đề cương “${p.id}” (${p.path}): ${p.message.vi}`, en: `Outline template “${p.id}” (${p.path}): ${p.message.en}` },
      });
    }
    return out;
  },
};
