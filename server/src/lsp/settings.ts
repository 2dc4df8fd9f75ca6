import type { Connection } from 'vscode-languageserver/node';
import { parseMargins, type CheckOptions, type Code, type LevelSetting, type Message, type TemplateRegistry } from '../core';
import { isLevel, LEVELS as LEVEL_NAMES, levelKey, templateLevels } from '../core/levels';
import { extraPlaceholders } from '../core/placeholders';
import { WORKSPACE_TEMPLATES } from '../templateFiles';

/** Mirrors the `decuong.*` settings of package.json. */
export interface Settings {
  templatesPath: string;
  template: string;
  cap: string;
  severity: Partial<Record<Code, LevelSetting>>;
  placeholdersExtra: string[];
  insertGuidance: boolean;
  /** In MB. */
  largeFileThreshold: number;
  pages: { fontSize: number; lineSpacing: number; margins: string; paragraphSpacing: number; firstLineIndent: number; showBreaks: boolean };
  language: 'auto' | 'vi' | 'en';
}

export const defaultSettings: Settings = {
  templatesPath: WORKSPACE_TEMPLATES,
  template: '',
  cap: '',
  severity: {},
  placeholdersExtra: [],
  insertGuidance: true,
  largeFileThreshold: 5,
  pages: { fontSize: 14, lineSpacing: 1, margins: '20,20,30,15', paragraphSpacing: 6, firstLineIndent: 1, showBreaks: true },
  language: 'auto',
};

const SEVERITIES = new Set(['ignore', 'hint', 'information', 'warning', 'error']);

/** Coerces whatever the client sent (possibly partial or wrong) into Settings. */
export function toSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const str = (v: unknown, d: string) => (typeof v === 'string' ? v : d);
  const severity: Settings['severity'] = {};
  if (r.severity && typeof r.severity === 'object') {
    for (const [k, v] of Object.entries(r.severity as Record<string, unknown>)) {
      // `off` is the word the settings UI shows; the core calls it `ignore`.
      const level = v === 'off' ? 'ignore' : v;
      if (typeof level === 'string' && SEVERITIES.has(level)) severity[k as Code] = level as LevelSetting;
    }
  }
  const language = r.language === 'vi' || r.language === 'en' ? r.language : 'auto';
  return {
    templatesPath: str(r.templatesPath, defaultSettings.templatesPath).trim() || defaultSettings.templatesPath,
    template: str(r.template, '').trim(),
    cap: str(r.cap, '').trim(),
    severity,
    placeholdersExtra: Array.isArray((r.placeholders as Record<string, unknown> | undefined)?.extra)
      ? ((r.placeholders as Record<string, unknown>).extra as unknown[]).filter((x): x is string => typeof x === 'string')
      : [],
    insertGuidance: (r.insert as Record<string, unknown> | undefined)?.guidance !== false,
    largeFileThreshold: typeof r.largeFileThreshold === 'number' && r.largeFileThreshold > 0 ? r.largeFileThreshold : 5,
    pages: readPages(r.pages),
    language,
  };
}

function readPages(raw: unknown): Settings['pages'] {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const d = defaultSettings.pages;
  const n = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
  return {
    fontSize: n(r.fontSize, d.fontSize),
    lineSpacing: n(r.lineSpacing, d.lineSpacing),
    margins: typeof r.margins === 'string' ? r.margins : d.margins,
    paragraphSpacing: n(r.paragraphSpacing, d.paragraphSpacing),
    firstLineIndent: n(r.firstLineIndent, d.firstLineIndent),
    showBreaks: r.showBreaks !== false,
  };
}

export function toCheckOptions(s: Settings): CheckOptions {
  return { template: s.template || undefined, cap: s.cap || undefined, levels: s.severity, placeholders: s.placeholdersExtra, insertGuidance: s.insertGuidance, largeFileThreshold: s.largeFileThreshold * 1024 * 1024,
    pageSettings: { fontSize: s.pages.fontSize, lineSpacing: s.pages.lineSpacing, margins: parseMargins(s.pages.margins), paraAfter: s.pages.paragraphSpacing, indent: s.pages.firstLineIndent } };
}

/** A setting whose value the checker cannot use, said to the author rather than ignored. */
export interface SettingProblem {
  /** The full setting id, for “Open Settings”: `decuong.cap`. */
  setting: string;
  message: Message;
}

/**
 * What in the settings would silently do nothing: a template id no template has (the outline is
 * then chosen from the title), a `cap` that is no level (no page limit applies), an extra blank
 * pattern that does not compile or matches nothing at all, margins out of range. The manifest's
 * schema covers the rest (enums, numbers).
 */
export function settingProblems(s: Settings, registry: TemplateRegistry): SettingProblem[] {
  const problems: SettingProblem[] = [];
  if (s.template && !registry.templates.has(s.template)) {
    const near = registry.closest(s.template);
    const hint = (lang: 'vi' | 'en') => (near.length ? (lang === 'vi' ? ` (gần nhất: ${near.join(', ')})` : ` (closest: ${near.join(', ')})`) : '');
    problems.push({
      setting: 'decuong.template',
      message: {
        vi: `Cài đặt decuong.template là “${s.template}”, nhưng không có đề cương nào mang mã này${hint('vi')}; báo cáo không ghi “decuong:” được chọn đề cương theo tiêu đề.`,
        en: `The setting decuong.template is “${s.template}”, but no template has this id${hint('en')}; reports without “decuong:” get their outline from their title.`,
      },
    });
  }
  if (s.cap) {
    const key = levelKey(s.cap);
    const own = templateLevels(registry.templates.values());
    if (!isLevel(key) && !own.has(key)) {
      const names = (lang: 'vi' | 'en') => [...Object.keys(LEVEL_NAMES).map((k) => (lang === 'vi' ? LEVEL_NAMES[k]!.vi : `${k} (${LEVEL_NAMES[k]!.en})`)), ...[...own].filter((k) => !isLevel(k))].join(', ');
      problems.push({
        setting: 'decuong.cap',
        message: {
          vi: `Cài đặt decuong.cap là “${s.cap}”, không phải một cấp đã biết, nên giới hạn trang theo cấp không được áp dụng. Các cấp: ${names('vi')}.`,
          en: `The setting decuong.cap is “${s.cap}”, which is not a known level, so no page limit by level applies. The levels: ${names('en')}.`,
        },
      });
    }
  }
  for (const source of extraPlaceholders(s.placeholdersExtra).invalid) {
    problems.push({
      setting: 'decuong.placeholders.extra',
      message: {
        vi: `Mẫu “${source}” trong cài đặt decuong.placeholders.extra không phải biểu thức chính quy hợp lệ (hoặc khớp cả chuỗi rỗng), nên bị bỏ qua.`,
        en: `The pattern “${source}” in the setting decuong.placeholders.extra is not a valid regular expression (or matches the empty string), so it is ignored.`,
      },
    });
  }
  if (!parseMargins(s.pages.margins)) {
    problems.push({
      setting: 'decuong.pages.margins',
      message: {
        vi: `Cài đặt decuong.pages.margins là “${s.pages.margins}”, không đọc được thành lề trên, dưới, trái, phải (mm, mỗi lề 0–100), nên ước tính trang dùng lề mặc định ${defaultSettings.pages.margins}.`,
        en: `The setting decuong.pages.margins is “${s.pages.margins}”, which does not read as top, bottom, left, right margins (mm, 0–100 each), so the page estimate uses the default ${defaultSettings.pages.margins}.`,
      },
    });
  }
  return problems;
}

/**
 * Settings per resource, asked of the client with `workspace/configuration` and cached until the
 * configuration changes or the document closes; never kept in globals elsewhere.
 */
export class SettingsCache {
  readonly #cache = new Map<string, Promise<Settings>>();
  constructor(private readonly connection: Connection, private readonly canAsk: () => boolean) {}

  get(uri: string): Promise<Settings> {
    if (!this.canAsk()) return Promise.resolve(defaultSettings);
    let s = this.#cache.get(uri);
    if (!s) {
      s = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'decuong' })
        .then(toSettings, () => defaultSettings);
      this.#cache.set(uri, s);
    }
    return s;
  }
  forget(uri: string): void {
    this.#cache.delete(uri);
  }
  clear(): void {
    this.#cache.clear();
  }
}
