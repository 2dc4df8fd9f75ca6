import { frontMatterSlip, frontMatterSlipMessage, parseMarkdown, type ParsedMarkdown } from './parse';
import { buildOutline, type Outline } from './outline';
import { editDistance, foldCase, titleKeys } from './normalize';
import type { Message } from './types';
import { levelKey } from './levels';

/** A template file as handed to the core: built-ins are inlined, workspace ones read by the caller. */
export interface TemplateSource {
  /** File path or name, for messages and to tell templates apart. */
  path: string;
  text: string;
  builtin: boolean;
}

/** An outline a report must follow. Templates are data: front matter + headings, never code. */
export interface Template {
  id: string;
  title: string;
  source?: string;
  /** Lower-case phrases; a report whose title contains one selects this template. */
  match: string[];
  /** Page limits by level (cấp). */
  pages: Record<string, number>;
  extends?: string;
  outline: Outline;
  /** Guidance text under each section heading, by section index. */
  guidance: string[];
  /**
   * By section index: the title of a heading that is only its number, on the line below it in bold
   * (`# PHẦN THỨ NHẤT` / `**KẾT QUẢ …**`, as outlines lay out parts); '' otherwise. Not in `guidance`.
   */
  subtitles: string[];
  path: string;
  builtin: boolean;
  /** The parsed file: offsets of template problems point into it. */
  doc: ParsedMarkdown;
}

export interface TemplateProblem {
  path: string;
  /** Template id the problem belongs to (when known). */
  id?: string;
  offset: number;
  end: number;
  message: Message;
}

export interface TemplateRegistry {
  /** Resolved templates by id; a workspace template replaces a built-in with the same id. */
  readonly templates: ReadonlyMap<string, Template>;
  readonly problems: readonly TemplateProblem[];
  /** Up to `count` ids closest to `id`, best first. */
  closest(id: string, count?: number): string[];
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function fileStem(path: string): string {
  return fileName(path).replace(/\.md$/i, '');
}

function asStringList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** A page count as YAML may give it: a positive number, or digits quoted (`"8"`, as the front matter's `gioi-han-trang` allows). */
export function pageCount(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

const TEMPLATE_KEYS = ['id', 'title', 'source', 'match', 'pages', 'extends'];
/** Words people write for a template's keys, in Vietnamese or as a report's front matter has them. */
const KEY_ALIASES: Readonly<Record<string, string>> = {
  'gioi-han-trang': 'pages', 'so-trang': 'pages', page: 'pages', trang: 'pages',
  extend: 'extends', 'ke-thua': 'extends', 'tieu-de': 'title', ten: 'title', ma: 'id', 'nguon': 'source', 'tu-khoa': 'match', matches: 'match',
};

/** The template key an unknown key was meant to be, if it is one typed almost right. */
function meantKey(key: string): string | undefined {
  if (TEMPLATE_KEYS.includes(key)) return undefined;
  const folded = key.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().trim().replace(/[\s_]+/g, '-');
  if (TEMPLATE_KEYS.includes(folded)) return folded;
  return KEY_ALIASES[folded];
}

function readTemplate(src: TemplateSource, problems: TemplateProblem[]): Template {
  const doc = parseMarkdown(src.text);
  const fm = doc.frontMatter;
  const problem = (offset: number, end: number, message: Message, id?: string) =>
    problems.push({ path: src.path, id, offset, end, message });
  const entry = (key: string) => fm?.entries.get(key);
  const idValue = entry('id')?.value;
  // NFC, as a report's `decuong:` is looked up: an id typed with marks matches however it was saved.
  const id = (typeof idValue === 'string' && idValue.trim() ? idValue.trim() : fileStem(src.path)).normalize('NFC');
  if (fm && !(typeof idValue === 'string' && idValue.trim())) {
    const at = fm.entries.get('id');
    problem(at?.offset ?? fm.offset, at?.end ?? fm.offset + 3, {
      vi: `Mẫu đề cương thiếu “id:” (một mã viết liền không dấu); tạm dùng tên tệp “${id}”.`,
      en: `The template has no “id:” (an ASCII kebab-case code); using the file name “${id}” for now.`,
    }, id);
  }
  // Without front matter the file name is the id: turning an outline into a template takes minutes.
  for (const e of fm?.errors ?? []) {
    // The colon hint only where the line has a second colon (`title: Báo cáo quý: mẫu chung`).
    const lineStart = src.text.lastIndexOf('\n', e.offset - 1) + 1;
    const lineEnd = src.text.indexOf('\n', e.offset);
    const colons = (src.text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).match(/:/g) ?? []).length;
    const detail = e.message.replace(/[.:]\s*$/, '');
    problem(e.offset, e.end, colons >= 2 ? {
      vi: `Lỗi YAML trong mẫu đề cương: giá trị có dấu “:” phải đặt trong nháy kép (${detail}).`,
      en: `YAML error in template: a value with a “:” must be in double quotes (${detail}).`,
    } : {
      vi: `Lỗi YAML trong mẫu đề cương: kiểm tra dấu ngoặc, dấu nháy và thụt lề ở dòng này (${detail}).`,
      en: `YAML error in template: check the brackets, quotes and indentation on this line (${detail}).`,
    }, id);
  }
  const slip = fm ? undefined : frontMatterSlip(src.text);
  if (slip) {
    // Until it is mended its entries are read as text of the outline.
    const said = frontMatterSlipMessage(slip.kind, { vi: 'của mẫu ', en: 'The template’s ' });
    problem(slip.offset, slip.offset + 3, { vi: `${said.vi} Đến lúc đó các dòng khai báo bị đọc như nội dung của đề cương.`, en: `${said.en} Until then its entries are read as text of the outline.` }, id);
  }
  // A key typed almost right (`Match:`, `page:`, `extend:`, the report's `gioi-han-trang:`) would
  // silently do nothing: said, with the key meant. Other keys are the author's own notes.
  for (const e of fm?.entries.values() ?? []) {
    const meant = meantKey(e.key);
    if (!meant) continue;
    problem(e.offset, e.end, {
      vi: `Khóa “${e.key}:” không được đọc: có phải “${meant}:”? (các khóa của mẫu đề cương: ${TEMPLATE_KEYS.join(', ')})`,
      en: `The key “${e.key}:” is not read: did you mean “${meant}:”? (a template’s keys: ${TEMPLATE_KEYS.join(', ')})`,
    }, id);
  }
  const pages: Record<string, number> = {};
  const pagesEntry = entry('pages');
  if (pagesEntry) {
    const v = pagesEntry.value;
    const single = pageCount(v);
    if (single) pages['*'] = single;
    else if (v && typeof v === 'object' && !Array.isArray(v)) {
      for (const [k, n] of Object.entries(v as Record<string, unknown>)) {
        const count = pageCount(n);
        // Keys as `levelKey` reads a report's `cap:`, so `pages: { xã: 12 }` is the limit for `cap: xa`.
        if (count) pages[levelKey(k) || k] = count;
        else problem(pagesEntry.offset, pagesEntry.end, {
          vi: `Giới hạn trang của cấp "${k}" phải là một số dương.`,
          en: `The page limit for level "${k}" must be a positive number.`,
        }, id);
      }
    } else {
      problem(pagesEntry.offset, pagesEntry.end, {
        vi: 'pages phải có dạng { xa: 12, huyen: 15 } hoặc một số dương.',
        en: 'pages must look like { xa: 12, huyen: 15 } or be a positive number.',
      }, id);
    }
  }
  const outline = buildOutline(doc);
  // An outline that skips a heading level (`#` then `###`) still means a child one level down: its
  // levels are its nesting, so that a report nested `#`, `##` is not told to use `###`.
  for (const s of outline.all) s.level = s.parent ? s.parent.level + 1 : 1;
  if (!outline.all.length && !fm?.entries.has('extends')) {
    const at = fm ? fm.end : 0;
    problem(at, at, {
      vi: 'Mẫu đề cương không có mục nào: mỗi mục là một tiêu đề “# …”, “## …”.',
      en: 'The template has no sections: each section is a heading “# …”, “## …”.',
    }, id);
  }
  const subtitles: string[] = [];
  const guidance = outline.all.map((s, i) => {
    const next = outline.all[i + 1];
    const body = doc.text.slice(s.bodyOffset, next ? next.heading.offset : doc.text.length).trim();
    const bold = s.heading.keys.core ? null : /^(\*\*|__)([^*_\r\n]+)\1[ \t]*(?:\r?\n|$)/.exec(body);
    subtitles.push(bold ? bold[2]!.trim() : '');
    return bold ? body.slice(bold[0].length).trim() : body;
  });
  // Such a part is known by its title's words too: a report may write the title alone.
  outline.all.forEach((s, i) => {
    if (subtitles[i]) s.heading = { ...s.heading, keys: titleKeys(subtitles[i]!) };
  });
  const extendsValue = entry('extends')?.value;
  const titleValue = entry('title')?.value;
  // Broken YAML gives values cut out of the raw text (`Báo cáo lỗi YAML match: [báo cáo lỗ`):
  // the file is named by its file name until it is mended.
  const yamlBroken = Boolean(fm?.errors.length);
  const sourceValue = entry('source')?.value;
  return {
    id,
    title: yamlBroken ? fileName(src.path) : typeof titleValue === 'string' ? titleValue : outline.title?.text ?? id,
    source: typeof sourceValue === 'string' ? sourceValue : undefined,
    match: asStringList(entry('match')?.value).map((m) => titleKeys(m).full).filter(Boolean),
    pages,
    extends: typeof extendsValue === 'string' && extendsValue.trim() ? extendsValue.trim() : undefined,
    outline,
    guidance,
    subtitles,
    path: src.path,
    builtin: src.builtin,
    doc,
  };
}

/**
 * Reads template files into a registry: later sources replace earlier ones with the same id
 * (pass built-ins first), and `extends: <id>` is resolved — a template without headings of its
 * own takes its parent's sections, and unset front-matter fields are inherited.
 */
export function loadTemplates(sources: readonly TemplateSource[]): TemplateRegistry {
  const problems: TemplateProblem[] = [];
  const raw = new Map<string, Template>();
  for (const src of sources) {
    const t = readTemplate(src, problems);
    const same = raw.get(t.id);
    // Two workspace files with one id: neither may silently win.
    if (same && !same.builtin && !t.builtin) {
      for (const [a, b] of [[t, same], [same, t]] as const) {
        const at = a.doc.frontMatter?.entries.get('id');
        problems.push({
          path: a.path, id: a.id, offset: at?.offset ?? 0, end: at?.end ?? 0,
          message: { vi: `Mã mẫu “${a.id}” trùng với tệp ${b.path}; dùng tệp ${t.path}.`, en: `Template id “${a.id}” is also used by ${b.path}; ${t.path} is used.` },
        });
      }
    }
    raw.set(t.id, t);
  }
  const resolved = new Map<string, Template>();
  // Ids being resolved, each extending the next: a parent found in it closes a cycle.
  const chain: string[] = [];
  const ids = () => [...raw.keys()];
  const resolve = (t: Template): Template => {
    const done = resolved.get(t.id);
    if (done) return done;
    if (!t.extends) {
      resolved.set(t.id, t);
      return t;
    }
    const parent = raw.get(t.extends);
    if (!parent) {
      const hint = closestOf(t.extends, ids(), 3).join(', ');
      const at = t.doc.frontMatter?.entries.get('extends');
      problems.push({
        path: t.path,
        id: t.id,
        offset: at?.offset ?? 0,
        end: at?.end ?? 0,
        message: {
          vi: `Không có mẫu đề cương "${t.extends}" để kế thừa${hint ? `; có phải: ${hint}?` : '.'}`,
          en: `No template "${t.extends}" to extend${hint ? `; did you mean: ${hint}?` : '.'}`,
        },
      });
      resolved.set(t.id, t);
      return t;
    }
    chain.push(t.id);
    const from = chain.indexOf(parent.id);
    if (from >= 0) {
      // Every template of the cycle is broken, not just the one where it closed: each is kept as
      // it is (nothing inherited from a partner) and told the whole cycle, starting from itself.
      const cycle = chain.slice(from);
      cycle.forEach((id, i) => {
        const member = raw.get(id)!;
        const ring = [...cycle.slice(i), ...cycle.slice(0, i), id].join(' → ');
        const at = member.doc.frontMatter?.entries.get('extends');
        problems.push({
          path: member.path, id, offset: at?.offset ?? 0, end: at?.end ?? 0,
          message: { vi: `Mẫu “${id}” kế thừa vòng tròn (extends): ${ring}.`, en: `Template “${id}” extends itself in a cycle: ${ring}.` },
        });
        resolved.set(id, member);
      });
      chain.pop();
      return t;
    }
    const base = resolve(parent);
    chain.pop();
    // The parent's resolution found this template in a cycle: it stays as it is.
    const settled = resolved.get(t.id);
    if (settled) return settled;
    const own = t.doc.frontMatter?.entries;
    const merged: Template = {
      ...t,
      title: own?.has('title') ? t.title : base.title,
      source: t.source ?? base.source,
      match: own?.has('match') ? t.match : base.match,
      pages: own?.has('pages') ? t.pages : base.pages,
      outline: t.outline.all.length ? t.outline : base.outline,
      guidance: t.outline.all.length ? t.guidance : base.guidance,
      subtitles: t.outline.all.length ? t.subtitles : base.subtitles,
    };
    resolved.set(t.id, merged);
    return merged;
  };
  for (const t of raw.values()) resolve(t);
  return {
    templates: resolved,
    problems,
    closest: (id, count = 3) => closestOf(id, [...resolved.keys()], count),
  };
}

/** Candidates ordered by edit distance to `wanted`, keeping the plausible ones. */
export function closestOf(wanted: string, candidates: readonly string[], count: number): string[] {
  const w = foldCase(wanted);
  return candidates
    .map((c) => ({ c, d: editDistance(w, foldCase(c)), contains: foldCase(c).includes(w) || w.includes(foldCase(c)) }))
    .filter((x) => x.contains || x.d <= Math.max(3, Math.floor(Math.max(w.length, x.c.length) * 0.5)))
    .sort((a, b) => Number(b.contains) - Number(a.contains) || a.d - b.d)
    .slice(0, count)
    .map((x) => x.c);
}
