import type { Check, Draft } from '../check';
import { quote } from '../check';
import { expectedLabel, family, numberRange, numberingRuns, renumberEdits } from '../renumber';
import { countBefore } from '../parse';

export const numbering: Check = {
  code: 'numbering',
  defaultLevel: 'warning',
  fixable: true,
  title: { vi: 'Đánh số mục không liền mạch', en: 'Broken section numbering' },
  run(ctx) {
    const out: Draft[] = [];
    const headingAt = new Set(ctx.outline.all.map((o) => o.heading.offset));
    const lines = ctx.doc.numberedLines.filter((l) => !headingAt.has(l.offset));
    for (const run of numberingRuns(ctx.outline.roots, ctx.outline.all)) {
      let previous = 0;
      const seen = new Set<number>();
      let edits: ReturnType<typeof renumberEdits> | undefined;
      run.sections.forEach((s, i) => {
        const n = s.heading.numbering!;
        // Numbered prose items between siblings ("a. Hình thức tổ chức: Tùy theo …") keep the count.
        const from = i > 0 ? run.sections[i - 1]!.heading.end : s.parent ? s.parent.heading.end : 0;
        for (let j = countBefore(lines, from); j < lines.length && lines[j]!.offset < s.heading.offset; j++) {
          const line = lines[j]!;
          if (family(line.numbering.style) === family(n.style) && line.numbering.value === previous + 1) previous++;
        }
        const prefixOk = n.style !== 'decimal' || !run.prefix || isPrefix(run.prefix, n.parts!);
        const styleOk = family(n.style) === family(run.style);
        // A number that follows the previous one is fine even after a slip: one slip, one finding.
        const follows = n.value > 0 && n.value === previous + 1;
        const repeats = seen.has(n.value);
        previous = n.value;
        seen.add(n.value);
        const expected = expectedLabel(run, i);
        // Numbered prose counted in may also be a list of the previous section ("3. Kết quả tại
        // bản …" under "2."): a heading with the very number its place gives it is right.
        if (styleOk && prefixOk && !repeats && (follows || expected === n.text)) return;
        const why = !styleOk
          ? { vi: 'khác kiểu đánh số của các mục cùng cấp', en: 'is in another numbering style than its siblings' }
          : !prefixOk
            ? { vi: 'không khớp số của mục cha', en: 'does not match its parent’s number' }
            : repeats
              ? { vi: 'trùng số với một mục trước', en: 'repeats an earlier number' }
              : { vi: 'không liền sau số trước', en: 'does not follow the previous number' };
        const range = numberRange(ctx.text, s.heading) ?? [s.heading.textOffset, s.heading.textEnd];
        edits ??= renumberEdits(ctx.text, run);
        out.push({
          offset: range[0],
          length: range[1] - range[0],
          message: {
            vi: `Số mục “${n.text}” ${why.vi}; cần là “${expected}”.`,
            en: `Section number “${n.text}” ${why.en}; expected “${expected}”.`,
          },
          related: i > 0 ? [{ offset: run.sections[i - 1]!.heading.offset, length: run.sections[i - 1]!.heading.end - run.sections[i - 1]!.heading.offset, message: { vi: `Mục trước: ${quote(run.sections[i - 1]!)}`, en: `Previous section: ${quote(run.sections[i - 1]!)}` } }] : undefined,
          data: { expected },
          fixes: edits.length
            ? [{ title: { vi: `Đánh số lại ${run.sections.length} mục cùng cấp`, en: `Renumber the ${run.sections.length} sibling sections` }, edits, preferred: true }]
            : undefined,
        });
      });
    }
    return out;
  },
};

/** `parts` is `prefix` and one more number (`1.2.3` under `1.2`). */
function isPrefix(prefix: readonly number[], parts: readonly number[]): boolean {
  if (parts.length !== prefix.length + 1) return false;
  for (let i = 0; i < prefix.length; i++) if (parts[i] !== prefix[i]) return false;
  return true;
}
