import type { Connection } from 'vscode-languageserver/node';
import type { CheckOptions, Code, LevelSetting } from '../core';

/** Mirrors the `decuong.*` settings of package.json. */
export interface Settings {
  templatesPath: string;
  template: string;
  cap: string;
  severity: Partial<Record<Code, LevelSetting>>;
  language: 'auto' | 'vi' | 'en';
}

export const defaultSettings: Settings = {
  templatesPath: '.decuong/templates',
  template: '',
  cap: '',
  severity: {},
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
      if (typeof v === 'string' && LEVELS.has(v)) severity[k as Code] = v as LevelSetting;
    }
  }
  const language = r.language === 'vi' || r.language === 'en' ? r.language : 'auto';
  return {
    templatesPath: str(r.templatesPath, defaultSettings.templatesPath).trim() || defaultSettings.templatesPath,
    template: str(r.template, '').trim(),
    cap: str(r.cap, '').trim(),
    severity,
    language,
  };
}

export function toCheckOptions(s: Settings): CheckOptions {
  return { template: s.template || undefined, cap: s.cap || undefined, levels: s.severity };
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
