import { test } from 'node:test';
import assert from 'node:assert/strict';
import { align, farUnderOther, numberOnly, ownSubsectionOfOther, pairByChildren, standIn, type Alignment } from '../../server/src/core/align.ts';
import { buildOutline, isDescendant, type Outline, type Section } from '../../server/src/core/outline.ts';
import { parseMarkdown } from '../../server/src/core/parse.ts';
import { containsWords, shortenedScore, similarity, wordOverlap } from '../../server/src/core/normalize.ts';
import { sameNumber } from '../../server/src/core/numbering.ts';
import { builtinRegistry, mulberry32 } from '../helpers.ts';

/**
 * The pairing as first written: plain loops over `Section` objects, scope by `isDescendant`, no
 * memo. `align` keeps the same rounds with integer-keyed memos and index ranges for speed; this
 * reference holds it to the same answers.
 */
function referenceAlign(template: Outline, report: Outline): Alignment {
  type Score = (expected: Section, actual: Section) => number | undefined;
  const equalScore: Score = (expected, actual) => {
    const t = expected.heading.keys;
    const r = actual.heading.keys;
    if (t.core && (r.core === t.core || r.full === t.full)) return 1;
    if ((!r.core || numberOnly(expected)) && sameNumber(expected.heading.numbering, actual.heading.numbering)) return 0.8;
    if (standIn(expected) && sameNumber(expected.heading.numbering, actual.heading.numbering)) {
      const parent = expected.parent && pairs.get(expected.parent)?.actual;
      const siblings = expected.parent ? expected.parent.children : template.roots;
      const siblingTitle = siblings.some((o) => o.heading.keys.core && (o.heading.keys.core === r.core || o.heading.keys.full === r.full));
      if ((!expected.parent || (parent && isDescendant(actual, parent))) && !siblingTitle) return 0.8;
    }
    return undefined;
  };
  const containsScore: Score = (expected, actual) => {
    const t = expected.heading.keys.core;
    if (!t) return undefined;
    const r = actual.heading.keys;
    return containsWords(r.full, t) || containsWords(r.core, t) ? 0.9 : undefined;
  };
  const nearScore: Score = (expected, actual) => {
    const t = expected.heading.keys.core;
    const r = actual.heading.keys.core;
    if (!t || !r) return undefined;
    const bar = sameNumber(expected.heading.numbering, actual.heading.numbering) ? 0.45 : 0.6;
    const score = Math.max(wordOverlap(r, t), similarity(r, t, 0.45), shortenedScore(r, t));
    return score >= bar ? score : undefined;
  };
  const pairs: Alignment['pairs'] = new Map();
  const byActual: Alignment['byActual'] = new Map();
  const take = (expected: Section, actual: Section, exact: boolean) => {
    const pair = { expected, actual, exact };
    pairs.set(expected, pair);
    byActual.set(actual, pair);
  };
  const scope = (expected: Section): Section[] => {
    const parent = expected.parent && pairs.get(expected.parent)?.actual;
    return parent ? report.all.filter((s) => isDescendant(s, parent)) : report.all;
  };
  /** Another section's own sub-item (`4.1.` under `4.`, for the outline's `6.1.`), outside the match of `expected`'s parent. */
  const othersOwn = (expected: Section, s: Section) => {
    const parent = expected.parent && pairs.get(expected.parent)?.actual;
    return ownSubsectionOfOther(expected, s) && !(parent && isDescendant(s, parent));
  };
  const best = (expected: Section, candidates: Section[], score: Score, sameLevel: boolean) => {
    let found: { s: Section; score: number } | undefined;
    for (const s of candidates) {
      if (byActual.has(s) || (sameLevel ? s.level !== expected.level : farUnderOther(expected, s, byActual)) || othersOwn(expected, s)) continue;
      const v = score(expected, s);
      if (v !== undefined && (!found || v > found.score)) found = { s, score: v };
    }
    return found?.s;
  };
  const nearRound = (sameLevel: boolean) => {
    for (let depth = 1; depth <= 6; depth++) {
      const options: Array<{ expected: Section; actual: Section; score: number }> = [];
      for (const expected of template.all) {
        if (expected.level !== depth || pairs.has(expected)) continue;
        for (const actual of scope(expected)) {
          if (byActual.has(actual) || (sameLevel ? actual.level !== expected.level : farUnderOther(expected, actual, byActual)) || othersOwn(expected, actual)) continue;
          const v = nearScore(expected, actual);
          if (v === undefined) continue;
          options.push({ expected, actual, score: v + (sameNumber(expected.heading.numbering, actual.heading.numbering) ? 0.1 : 0) });
        }
      }
      options.sort((a, b) => b.score - a.score || a.actual.index - b.actual.index);
      for (const o of options) if (!pairs.has(o.expected) && !byActual.has(o.actual)) take(o.expected, o.actual, false);
    }
  };
  const rounds: Array<[Score, boolean, boolean, boolean]> = [
    [equalScore, true, true, true], [containsScore, true, false, true], [equalScore, false, true, true],
    [containsScore, false, false, true], [nearScore, true, false, false], [nearScore, false, false, false],
  ];
  for (const [score, sameLevel, anywhere, exact] of rounds) {
    if (!exact) {
      nearRound(sameLevel);
      continue;
    }
    for (const expected of template.all) {
      if (pairs.has(expected)) continue;
      const hit = best(expected, scope(expected), score, sameLevel) ?? (anywhere ? best(expected, report.all, score, sameLevel) : undefined);
      if (hit) take(expected, hit, exact);
    }
  }
  pairByChildren(template, pairs, byActual, (expected, actual) => take(expected, actual, false));
  return { pairs, byActual };
}

const pairsOf = (a: Alignment) => [...a.pairs.values()].map((p) => [p.expected.index, p.actual.index, p.exact]).sort((x, y) => Number(x[0]) - Number(y[0]));

/**
 * A report outline as authors slip from a template's: sections dropped, duplicated, moved,
 * demoted or promoted, titles with typos, elaborations, other numbers, extra sections.
 */
function slippedReport(template: Outline, random: () => number): string {
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const lines: string[] = [];
  for (const s of template.all) {
    const r = random();
    if (r < 0.1) continue; // dropped
    let depth = Math.min(6, Math.max(1, s.heading.depth + (random() < 0.1 ? pick([-1, 1]) : 0)));
    let title = s.heading.text;
    const t = random();
    if (t < 0.15) {
      const i = Math.floor(random() * (title.length + 1));
      title = title.slice(0, i) + pick(['a', 'ệ', ' ', '', 'x']) + title.slice(i + 1); // a typo
    } else if (t < 0.25) title += pick([' trong triển khai', ' năm 2024', ' (nếu có)', ' và kiến nghị']);
    else if (t < 0.3) title = title.replace(/^[IVX]+\.|^\d+\.|^[a-zđ]\)/i, pick(['V.', '7.', 'b)', '']));
    else if (t < 0.33) title = pick(['Kết quả khác', 'Phụ lục', 'Ghi chú', '']);
    else if (t < 0.38) title = title.includes('(') ? title.replace(/[()]/g, '') : `${title} (${pick(['bổ sung', 'tóm tắt'])})`; // a note, or its brackets gone
    const line = `${'#'.repeat(depth)} ${title}`;
    if (random() < 0.08 && lines.length) lines.splice(Math.floor(random() * lines.length), 0, line); // moved
    else lines.push(line);
    if (random() < 0.05) lines.push(line); // duplicated
    if (random() < 0.05) lines.push(`${'#'.repeat(depth = Math.min(6, depth + 1))} ${pick(['Nội dung bổ sung', 'Đánh giá chung', '1. Kết quả', 'Mục thêm'])}`);
  }
  return lines.join('\n\nVăn bản.\n\n') + '\n';
}

test('the fast pairing gives exactly the reference pairing on 600 slipped reports of every built-in outline', () => {
  const random = mulberry32(20261129);
  const templates = [...builtinRegistry().templates.values()];
  let paired = 0;
  for (let i = 0; i < 600; i++) {
    const template = templates[i % templates.length]!.outline;
    const text = slippedReport(template, random);
    const report = buildOutline(parseMarkdown(text));
    const fast = pairsOf(align(template, report));
    assert.deepEqual(fast, pairsOf(referenceAlign(template, report)), `${templates[i % templates.length]!.id}:\n${text}`);
    // Asked again for the same outline, the memo of the last pairing must give the same answer.
    assert.deepEqual(pairsOf(align(template, buildOutline(parseMarkdown(text)))), fast);
    paired += fast.length;
  }
  assert.ok(paired > 600 * 5, `too few pairs to mean anything: ${paired}`);
});

test('the fast pairing takes the first report section in document order whichever key matched', () => {
  // "Kết quả tỷ lệ" equals the outline's whole title, "Kết quả (khác)" its core: the first wins.
  const template = buildOutline(parseMarkdown('# 1. Kết quả (tỷ lệ)\n\n# 2. Tồn tại\n'));
  for (const text of ['# Kết quả tỷ lệ\n\n# Kết quả (khác)\n\n# Tồn tại\n', '# Kết quả (khác)\n\n# Kết quả tỷ lệ\n\n# Tồn tại\n', '# 2. Tồn tại\n\n# 1.\n\n# 1. Kết quả tỷ lệ\n']) {
    const report = buildOutline(parseMarkdown(text));
    assert.deepEqual(pairsOf(align(template, report)), pairsOf(referenceAlign(template, report)), text);
  }
  const report = buildOutline(parseMarkdown('# Kết quả tỷ lệ\n\n# Kết quả (khác)\n\n# Tồn tại\n'));
  assert.deepEqual(pairsOf(align(template, report)), [[0, 0, true], [1, 2, true]]);
});

test('a sub-item two levels down under other paired content does not pair with the outline’s top section of its title; one level off, or outside paired sections, still does', async () => {
  const { check } = await import('../../server/src/core/index.ts');
  const plan = (body: string) => `---\ndecuong: ke-hoach\n---\n# KẾ HOẠCH\n\n## I. MỤC ĐÍCH, YÊU CẦU\n\nA.\n\n## II. NỘI DUNG\n\n${body}## III. TỔ CHỨC THỰC HIỆN\n\nC.\n`;
  const codes = (text: string) => check(text, builtinRegistry()).findings.map((f) => f.code).sort();
  // `#### 1.2. Khen thưởng` under `### 1. Phần lễ` under II.: part of the content, not IV. KHEN THƯỞNG.
  assert.deepEqual(codes(plan('### 1. Phần lễ\n\n#### 1.1. Chương trình\n\nB.\n\n#### 1.2. Khen thưởng\n\nB.\n\n')), []);
  // One level off under II. (`### 3. Khen thưởng`): the outline's section put under another parent.
  const moved = codes(plan('### 1. Phần lễ\n\nB.\n\n### 2. Khen thưởng\n\nB.\n\n'));
  assert.ok(moved.includes('section-level') || moved.includes('section-order'), moved.join(', '));
});

test('an outline section whose subsections pair under one report section at its level is that section, its title reworded past the near bar', async () => {
  const { check, createRegistry } = await import('../../server/src/core/index.ts');
  const outline = '---\nid: ket-qua\nmatch: [báo cáo kết quả]\n---\n# I. KẾT QUẢ\n## 1. Công tác tuyên truyền\n## 2. Thực hiện dân chủ, đại diện, bảo vệ quyền và lợi ích hợp pháp, chính đáng của Nhân dân; giám sát và phản biện xã hội\n### a. Về thực hiện dân chủ\n### b. Về hoạt động giám sát\n### c. Về hoạt động phản biện xã hội\n## 3. Công tác đối ngoại\n# II. PHƯƠNG HƯỚNG\n';
  const registry = createRegistry([{ path: '/w/.decuong/templates/ket-qua.md', text: outline, builtin: false }]);
  const report = '# BÁO CÁO KẾT QUẢ\n\n## I. KẾT QUẢ\n\n### 1. Công tác tuyên truyền\n\nA.\n\n### 2. Dân chủ và giám sát\n\n#### a. Về thực hiện dân chủ\n\nB.\n\n#### b. Về hoạt động giám sát\n\nC.\n\n#### c. Về hoạt động phản biện xã hội\n\nD.\n\n## II. PHƯƠNG HƯỚNG\n\nE.\n';
  const result = check(report, registry);
  const missing = result.findings.filter((f) => f.code === 'missing-section');
  assert.deepEqual(missing.map((f) => f.message.en.match(/“([^”]+)”/)![1]), ['3. Công tác đối ngoại']);
  assert.ok(result.findings.some((f) => f.code === 'section-title' && f.offset === report.indexOf('2. Dân chủ')), 'the reworded title is a near title');
  // Its insertion goes after the section's a)–c), not between its heading and them.
  const insertAt = missing[0]!.fixes![0]!.edits[0]!.offset;
  assert.ok(insertAt > report.indexOf('#### c.'), `inserted at ${insertAt}`);
  // Two of three subsections paired under it are enough; one alone is not.
  const one = report.replace('#### b. Về hoạt động giám sát', '#### b. Khác').replace('#### c. Về hoạt động phản biện xã hội', '#### c. Khác nữa');
  assert.ok(check(one, registry).findings.some((f) => f.code === 'missing-section' && f.message.en.includes('2. Thực hiện dân chủ')));
});

test('common sub-items (Kết quả đạt được, Hạn chế) do not make an unrelated section the outline’s: its number or some of its words are needed', async () => {
  const { check, createRegistry, fixAll } = await import('../../server/src/core/index.ts');
  const outline = '---\nid: sau-thang\nmatch: [báo cáo sáu tháng]\n---\n# I. KẾT QUẢ\n## 1. Công tác tuyên truyền\n## 2. Công tác đối ngoại\n## 3. Đánh giá chung\n### 3.1. Kết quả đạt được\n### 3.2. Hạn chế, yếu kém\n# II. PHƯƠNG HƯỚNG\n';
  const registry = createRegistry([{ path: '/w/.decuong/templates/sau-thang.md', text: outline, builtin: false }]);
  const report = '# BÁO CÁO SÁU THÁNG\n\n## I. KẾT QUẢ\n\n### 1. Công tác tuyên truyền\n\nA.\n\n### 2. Công tác đối ngoại Nhân dân\n\n#### 2.1. Kết quả đạt được\n\nB.\n\n#### 2.2. Hạn chế, yếu kém\n\nC.\n\n## II. PHƯƠNG HƯỚNG\n\nD.\n';
  const result = check(report, registry);
  assert.ok(!result.findings.some((f) => f.code === 'section-title' && f.message.en.includes('Đánh giá chung')), result.findings.map((f) => f.message.en).join('\n'));
  const missing = result.findings.find((f) => f.code === 'missing-section' && f.message.en.includes('3. Đánh giá chung'));
  assert.ok(missing, 'the evaluation section is reported missing');
  // Nothing goes in between “2.” and its own 2.1, 2.2: fix-all keeps the section whole.
  const fixed = fixAll(report, (t) => check(t, registry).findings).text;
  const body = fixed.slice(fixed.indexOf('### 2. Công tác đối ngoại'));
  assert.match(body, /^### 2\. Công tác đối ngoại Nhân dân\n\n#### 2\.1\. Kết quả đạt được\n\nB\.\n\n#### 2\.2\. Hạn chế, yếu kém\n\nC\.\n/);
});

test('a sub-item numbered as its own section’s (4.1. under 4.) does not pair with the outline’s 6.1 of its title found elsewhere; one that keeps the outline’s number (6.1. under 4.) still does', async () => {
  const { readFixture, findings } = await import('../helpers.ts');
  const complete = readFixture('complete', 'bao-cao-6-thang-cong-tac-mat-tran.md');
  // Section 6 reworded, so that it pairs only as a near title, after the exact titles are placed.
  const reworded = complete.replace('### 6. Đánh giá chung', '### 6. Nhận xét, đánh giá').replace('#### 6.1. Kết quả đạt được', '#### 6.1. Ưu điểm');
  const under4 = (a: string, b: string) => reworded.replace('### 5. Nội dung chương trình 5', `#### ${a}. Kết quả đạt được\n\nĐã tổ chức 3 đoàn.\n\n#### ${b}. Hạn chế, yếu kém\n\nChưa thường xuyên.\n\n### 5. Nội dung chương trình 5`);
  const said = (text: string) => findings(text).map((f) => `${f.code}: ${f.message.en}`);
  const base = said(reworded);
  assert.ok(base.some((m) => m.startsWith('missing-section: Missing section “6.1. Kết quả đạt được”')), base.join('\n'));
  // The report's own 4.1 and 4.2 change nothing: 6.1 is still missing, nothing is out of place.
  assert.deepEqual(said(under4('4.1', '4.2')), base);
  // Kept as 6.1 and 6.2 under 4, they are the outline's, moved there.
  const moved = said(under4('6.1', '6.2'));
  assert.ok(moved.some((m) => m.startsWith('section-order: ') && m.includes('6.1. Kết quả đạt được')), moved.join('\n'));
});

test('an outline title that only names its number (“4. Nội dung chương trình 4”) pairs with the section of that number where it stands, titled as the author titles it', async () => {
  const { readFixture, findings } = await import('../helpers.ts');
  const complete = readFixture('complete', 'bao-cao-6-thang-cong-tac-mat-tran.md');
  const programmes = ['Tuyên truyền, vận động, tập hợp các tầng lớp Nhân dân', 'Vận động Nhân dân thi đua học tập, lao động sáng tạo', 'Thực hiện dân chủ, giám sát và phản biện xã hội', 'Tăng cường đoàn kết quốc tế, mở rộng hoạt động đối ngoại Nhân dân', 'Tăng cường củng cố tổ chức, đổi mới nội dung, phương thức'];
  const named = programmes.reduce((t, name, i) => t.replace(`### ${i + 1}. Nội dung chương trình ${i + 1}`, `### ${i + 1}. ${name}`), complete);
  assert.notEqual(named, complete);
  const structural = (text: string) => findings(text).filter((f) => ['missing-section', 'section-title', 'section-order', 'section-level', 'numbering'].includes(f.code)).map((f) => `${f.code}: ${f.message.en}`);
  // Named by its programme, each is the outline's section: nothing missing, no “did you mean Nội dung chương trình 4”.
  assert.deepEqual(structural(named), []);
  // Only where it stands: a section 4. titled as another of its siblings is that sibling, and the stand-in is missing.
  const condensed = named.replace(/### 4\. Tăng cường đoàn kết quốc tế[^]*?(?=### 6\. Đánh giá chung)/, '').replace('### 6. Đánh giá chung', '### 4. Đánh giá chung').replace(/#### 6\.(\d)\./g, '#### 4.$1.');
  const said = structural(condensed);
  assert.ok(said.some((m) => m.startsWith('missing-section: Missing section “4. Nội dung chương trình 4”')), said.join('\n'));
  assert.ok(!said.some((m) => m.includes('Missing section “6. Đánh giá chung”')), said.join('\n'));
  // Under another part, a section of that number is not it.
  const moved = named.replace(/### 4\. Tăng cường đoàn kết quốc tế[^]*?(?=### 5\.)/, '');
  assert.ok(structural(moved).some((m) => m.startsWith('missing-section: Missing section “4. Nội dung chương trình 4”')));
});
