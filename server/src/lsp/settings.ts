import type { Connection } from 'vscode-languageserver/node';
import { parseMargins, type CheckOptions, type Code, type LevelSetting } from '../core';
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

const LEVELS = new Set(['ignore', 'hint', 'information', 'warning', 'error']);

/** Coerces whatever the client sent (possibly partial or wrong) into Settings. */
export function toSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const str = (v: unknown, d: string) => (typeof v === 'string' ? v : d);
  const severity: Settings['severity'] = {};
  if (r.severity && typeof r.severity === 'object') {
    for (const [k, v] of Object.entries(r.severity as Record<string, unknown>)) {
      // `off` is the word the settings UI shows; the core calls it `ignore`.
      const level = v === 'off' ? 'ignore' : v;
      if (typeof level === 'string' && LEVELS.has(level)) severity[k as Code] = level as LevelSetting;
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
