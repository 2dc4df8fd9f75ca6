import { check, ParseCache, type CheckResult, type TemplateRegistry } from '../core';
import { skeleton } from '../core/skeleton';

/**
 * Prose of the kinds reports hold, put under every section of the warm-up report: sentences with
 * numbers, a list, emphasis (which the parser takes the long way), a blank to fill in, and a
 * paragraph in NFD, as text pasted from some editors arrives.
 */
const BODIES = [
  'Ban Thường trực đã phối hợp tổ chức 86 buổi tuyên truyền, thu hút hơn 4.500 lượt người tham gia; vận động xây dựng 12 nhà Đại đoàn kết với tổng kinh phí 960 triệu đồng.',
  '- Tổ chức hội nghị sơ kết, đánh giá kết quả thực hiện.\n- Kiện toàn các ban công tác mặt trận ở khu dân cư.',
  'Cuộc vận động **“Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”** đạt .....% kế hoạch; còn (Địa danh) chưa báo cáo.',
  'Thực hiện Hướng dẫn số 51/HD-MTTQ-BTT ngày 15/8/2023 của Ban Thường trực, các khu dân cư đã rà soát hộ nghèo, hộ cận nghèo.'.normalize('NFD'),
];

/**
 * The slips reviewers send reports back for, so that the checks that find them, their fixes and
 * the moving of their findings are warmed too: a section left out, a number skipped, a section
 * one level too deep.
 */
function withSlips(report: string): string {
  const lines = report.split('\n');
  const headings = lines.flatMap((line, i) => (/^#{2,5} /.test(line) ? [i] : []));
  const [dropped, renumbered, deeper] = [headings[2], headings[5], headings[8]];
  if (renumbered !== undefined) lines[renumbered] = lines[renumbered]!.replace(/\d+/, (n) => String(Number(n) + 1));
  if (deeper !== undefined) lines[deeper] = '#' + lines[deeper];
  if (dropped !== undefined) lines.splice(dropped, 1);
  return lines.join('\n');
}

/** What the author does at one step of the warm-up, in turn: mostly prose, also titles and structure. */
const MOVES = ['letter', 'letter', 'letter', 'title', 'letter', 'delete', 'letter', 'blank', 'title', 'newline', 'letter', 'heading', 'deeper', 'shallower'] as const;
const LETTERS = 'aăâđêôơưáàảãạếềểễệốồổỗộớờởỡợứừửữự ,';
/** What a move types, when it is not a letter (a heading one level deeper or shallower: a `#` more or less). */
const TYPED: Partial<Record<(typeof MOVES)[number], string>> = { blank: '.....', newline: '\n', heading: '## ', delete: '', deeper: '#', shallower: '' };

/**
 * The steps of the server's warm-up: check a report built from the largest built-in outline, then
 * type into it as an author does (letters in prose and in titles, deletions, line breaks, a "....."
 * blank, a new heading, a heading made a level deeper or shallower), each step undone at the next so the report keeps its shape. V8
 * optimises a function only after it has run for a while; a check runs each function a few times,
 * so without this the compiler is still at work, on the processor's other core, during the
 * author's first minutes of typing — and on a two-core machine it takes turns with the check.
 * `afterCheck` lets the server run its own steps on the result (diagnostics, their JSON).
 */
export function warmUpSteps(registry: () => TemplateRegistry, count: number, afterCheck?: (text: string, result: CheckResult) => void): Array<() => void> {
  let reg: TemplateRegistry | undefined;
  let text = '';
  const cache = new ParseCache({ tellsEdits: true });
  const run = () => {
    const result = check(text, reg!, {}, cache);
    afterCheck?.(text, result);
  };
  const edit = (at: number, removed: number, inserted: string) => {
    cache.edited(at, removed, inserted.length);
    text = text.slice(0, at) + inserted + text.slice(at + removed);
    run();
  };
  /** The last step's inverse, applied at the next step (nothing has moved the text in between). */
  let undo: (() => void) | undefined;
  let seed = 20261129;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  /** A spot in the middle of a line of the given kind (headings or prose), or undefined. */
  const spotIn = (headings: boolean): number | undefined => {
    for (let tries = 0; tries < 20; tries++) {
      const lineStart = text.lastIndexOf('\n', Math.floor(random() * text.length)) + 1;
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) lineEnd = text.length;
      const line = text.slice(lineStart, lineEnd);
      if (line.length < 8 || line.startsWith('<!--') || line.startsWith('---') || /^\w+:/.test(line)) continue;
      if (line.startsWith('#') !== headings) continue;
      return lineStart + 4 + Math.floor(random() * (line.length - 6));
    }
    return undefined;
  };
  const steps: Array<() => void> = [
    () => {
      reg = registry();
      const sample = [...reg.templates.values()].sort((a, b) => b.outline.all.length - a.outline.all.length)[0];
      text = sample ? withSlips(skeleton(sample, { cap: Object.keys(sample.pages)[0], body: (_s, i) => BODIES[i % BODIES.length] })) : '';
      run();
    },
  ];
  for (let i = 0; i < count; i++) {
    steps.push(() => {
      if (!text) return;
      undo?.();
      undo = undefined;
      const move = MOVES[i % MOVES.length]!;
      const marker = move === 'deeper' || move === 'shallower';
      const at = spotIn(move === 'title' || marker);
      if (at === undefined) return;
      // A new heading's marker, or a `#` more or less, goes at the start of the line; a deletion
      // takes the letter at `at`.
      const where = move === 'heading' || marker ? text.lastIndexOf('\n', at - 1) + 1 : at;
      if (move === 'shallower' && !text.startsWith('##', where)) return;
      const removed = move === 'delete' ? text[at]! : move === 'shallower' ? '#' : '';
      const typed = TYPED[move] ?? LETTERS[Math.floor(random() * LETTERS.length)]!;
      edit(where, removed.length, typed);
      undo = () => edit(where, typed.length, removed);
    });
  }
  return steps;
}
