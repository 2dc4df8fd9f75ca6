import * as vscode from 'vscode';
import type { TemplateSummary } from '../../server/src/protocol';
import { levelName, limitsByLevel } from '../../server/src/core/levels';
import { isVietnamese, t } from './l10n';

/** “Cấp xã — tối đa 12 trang” / “Commune level (xã) — at most 12 pages”; an unknown key as it is. */
export function levelLabel(key: string, pages?: number): string {
  const name = levelName(key, isVietnamese() ? 'vi' : 'en');
  const label = `${name[0]!.toUpperCase()}${name.slice(1)}`;
  return pages === undefined ? label : `${label} — ${t(`tối đa ${pages} trang`, `at most ${pagesEn(pages)}`)}`;
}

/** “1 page”, “12 pages”. */
const pagesEn = (n: number) => `${n} page${n === 1 ? '' : 's'}`;

/**
 * The level keys of a template's page limits that name a level: `*` is the key of a single
 * `pages: N`, the limit of every level, which needs no level chosen.
 */
export function levelKeys(pages: Record<string, number>): string[] {
  return limitsByLevel(pages).map(([k]) => k);
}

/**
 * “Giới hạn: cấp xã 12 trang, cấp huyện 15 trang” (a single limit: “Giới hạn: 12 trang”) for a
 * template's page limits; undefined when none.
 */
function pageLimits(pages: Record<string, number>): string | undefined {
  const entries = Object.entries(pages);
  if (!entries.length) return undefined;
  if (isVietnamese()) return `Giới hạn: ${entries.map(([k, n]) => (k === '*' ? `${n} trang` : `${levelName(k, 'vi')} ${n} trang`)).join(', ')}`;
  const parts = entries.map(([k, n]) => (k === '*' ? pagesEn(n) : `${n} for ${levelName(k, 'en')}`));
  return `${parts.length === 1 ? 'Page limit' : 'Page limits'}: ${parts.join(', ')}`;
}

interface Item<T> extends vscode.QuickPickItem {
  value?: T;
}

/** A quick pick that can start on a given item (showQuickPick cannot); undefined when dismissed. */
function pick<T>(items: Item<T>[], options: { title: string; placeholder: string; active?: Item<T> }): Promise<Item<T> | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<Item<T>>();
    qp.title = options.title;
    qp.placeholder = options.placeholder;
    qp.matchOnDescription = true;
    qp.matchOnDetail = true;
    qp.items = items;
    if (options.active) qp.activeItems = [options.active];
    let chosen: Item<T> | undefined;
    qp.onDidAccept(() => {
      chosen = qp.selectedItems[0] ?? qp.activeItems[0];
      qp.hide();
    });
    qp.onDidHide(() => {
      qp.dispose();
      resolve(chosen);
    });
    qp.show();
  });
}

/** Lets the user choose a template: the workspace's first, then the built-in ones. */
export async function pickTemplate(list: TemplateSummary[], options: { title: string; current?: string }): Promise<TemplateSummary | undefined> {
  const toItem = (x: TemplateSummary): Item<TemplateSummary> => ({
    label: x.id === options.current ? `$(check) ${x.title}` : x.title,
    description: x.id === options.current ? `${x.id} · ${t('đang dùng', 'in use')}` : x.id,
    detail: [pageLimits(x.pages), x.builtin ? undefined : x.source].filter(Boolean).join(' · ') || undefined,
    value: x,
  });
  const own = list.filter((x) => !x.builtin).map(toItem);
  const builtin = list.filter((x) => x.builtin).map(toItem);
  const separator = (label: string): Item<TemplateSummary> => ({ label, kind: vscode.QuickPickItemKind.Separator });
  const items = [
    ...(own.length ? [separator(t('Mẫu của không gian làm việc', 'Workspace templates')), ...own] : []),
    ...(builtin.length ? [separator(t('Mẫu có sẵn', 'Built-in templates')), ...builtin] : []),
  ];
  const chosen = await pick(items, {
    title: options.title,
    placeholder: t('Chọn mẫu đề cương mà báo cáo phải theo (gõ để tìm)', 'Choose the outline the report must follow (type to search)'),
    active: items.find((i) => i.value && i.value.id === options.current),
  });
  return chosen?.value;
}

/**
 * Lets the user choose the level (`cap`) of a template with page limits per level (`levelKeys`).
 * Resolves to the key, to `null` for “another level” (no level's limit applies), or undefined when
 * dismissed.
 */
export async function pickLevel(template: TemplateSummary, options: { title: string; current?: string }): Promise<string | null | undefined> {
  // `*` (the limit of every level) is no level to choose: it is what “another level” gets.
  const items: Item<string | null>[] = levelKeys(template.pages).map((key) => ({
    label: levelLabel(key, template.pages[key]),
    description: `cap: ${key}`,
    value: key,
  }));
  const other = template.pages['*'];
  items.push({
    label: t('Cấp khác', 'Another level'),
    description: other ? t(`tối đa ${other} trang`, `at most ${pagesEn(other)}`) : t('không áp dụng giới hạn số trang', 'no page limit applies'),
    value: null,
  });
  const chosen = await pick(items, {
    title: options.title,
    placeholder: t('Báo cáo của cấp nào? Đề cương giới hạn số trang theo từng cấp', 'Which level is the report for? The outline limits the pages by level'),
    active: items.find((i) => i.value === options.current),
  });
  return chosen ? chosen.value : undefined;
}
