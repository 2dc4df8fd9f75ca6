import * as vscode from 'vscode';
import type { ReportInfoHub } from './reportInfo';
import { isVietnamese, t } from './l10n';
import type { ReportInfoParams } from '../../server/src/protocol';
import { levelName } from '../../server/src/core/levels';

/** Shows which outline the active report is checked against; a click chooses another. */
export class ReportStatus implements vscode.Disposable {
  readonly #item = vscode.window.createStatusBarItem('decuong.template', vscode.StatusBarAlignment.Right, 100);
  readonly #pages = vscode.window.createStatusBarItem('decuong.pages', vscode.StatusBarAlignment.Right, 99);
  readonly #disposables: vscode.Disposable[] = [];

  constructor(private readonly info: ReportInfoHub) {
    this.#item.name = 'Đề cương';
    this.#pages.name = t('Đề cương: số trang ước tính', 'Đề cương: estimated pages');
    this.#item.command = 'decuong.chooseTemplate';
    this.#disposables.push(
      info.onDidChange(() => this.#render()),
      vscode.window.onDidChangeActiveTextEditor(() => this.#render()),
    );
  }

  #render(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const info = doc && this.info.get(doc.uri);
    if (!info) {
      this.#item.hide();
      this.#pages.hide();
      return;
    }
    this.#renderPages(info.pages);
    if (info.selectedBy === 'template-file') {
      this.#item.text = `$(book) ${t('Mẫu đề cương', 'Outline template')}`;
      this.#item.tooltip = t('Tệp này là một mẫu đề cương', 'This file is an outline template');
    } else if (info.template) {
      this.#item.text = `$(checklist) ${info.template.id}`;
      this.#item.tooltip = `${info.template.title}\n${t(`Còn thiếu ${info.missing} mục bắt buộc`, `Missing required sections: ${info.missing}`)}\n${t('Bấm để chọn mẫu đề cương khác', 'Click to choose another outline template')}`;
    } else if (info.doubted) {
      this.#item.text = `$(question) ${info.doubted.id}?`;
      this.#item.tooltip = t(
        `Tiêu đề giống đề cương “${info.doubted.title}”, nhưng báo cáo không theo các mục của đề cương này, nên không đối chiếu.\nBấm để chọn mẫu đề cương cho báo cáo`,
        `The title reads like the outline “${info.doubted.title}”, but the report does not follow its sections, so it is not checked against it.\nClick to choose an outline template for the report`,
      );
    } else {
      this.#item.text = `$(question) ${t('Chưa có đề cương', 'No outline')}`;
      this.#item.tooltip = t('Bấm để chọn mẫu đề cương cho báo cáo', 'Click to choose an outline template for the report');
    }
    this.#item.show();
  }

  /** "≈ 7,4 / 12 trang" (no limit: "≈ 7,4 trang"), red past the limit; the tooltip names the settings. */
  #renderPages(p: ReportInfoParams['pages']): void {
    if (!p) {
      this.#pages.hide();
      return;
    }
    const vi = isVietnamese();
    const n = (x: number) => (vi ? String(x).replace('.', ',') : String(x));
    const shown = n(Math.round(p.decimal * 10) / 10);
    const byLevel = Object.entries(p.levelLimits ?? {});
    this.#pages.text = p.limit
      ? `$(file) ≈ ${shown} / ${p.limit} ${vi ? 'trang' : 'pages'}`
      : `$(file) ≈ ${shown} ${vi ? 'trang' : 'pages'}${byLevel.length ? (vi ? ' · chưa rõ cấp' : ' · level not set') : ''}`;
    // The outline limits pages by level and the report names none: a click chooses the level.
    this.#pages.command = byLevel.length ? 'decuong.chooseTemplate' : undefined;
    const over = p.limit !== undefined && p.pages > p.limit;
    this.#pages.backgroundColor = over ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    const s = p.settings;
    const margins = s.margins.map(n).join('/');
    // Worded as the page-limit message words it: “giãn dòng đơn”, “giãn 1,5 dòng”.
    const spacing = vi
      ? s.lineSpacing === 1 ? 'giãn dòng đơn' : `giãn ${n(s.lineSpacing)} dòng`
      : s.lineSpacing === 1 ? 'single line spacing' : `${s.lineSpacing} line spacing`;
    this.#pages.tooltip = vi
      ? `Ước tính khi in theo Nghị định 30: khổ A4, Times New Roman ${n(s.fontSize)} pt, ${spacing}, lề ${margins} mm, cách đoạn ${n(s.paraAfter)} pt, thụt đầu dòng ${n(s.indent)} cm.` +
        (p.limit ? `\nGiới hạn của đề cương: ${p.limit} trang${p.cap ? ` (${levelName(p.cap, 'vi')})` : ''}.` : '') +
        (byLevel.length ? `\nĐề cương giới hạn số trang theo cấp (${byLevel.map(([k, v]) => `${levelName(k, 'vi')} ${v} trang`).join(', ')}), nhưng báo cáo chưa ghi cấp: bấm để chọn cấp, hoặc ghi “cap:” ở phần khai báo đầu tệp.` : '')
      : `Estimated when typeset per Decree 30: A4, Times New Roman ${s.fontSize} pt, ${spacing}, margins ${margins} mm, ${s.paraAfter} pt after paragraphs, ${s.indent} cm first-line indent.` +
        (p.limit ? `\nThe outline’s limit: ${p.limit} page${p.limit === 1 ? '' : 's'}${p.cap ? ` for ${levelName(p.cap, 'en')}` : ''}.` : '') +
        (byLevel.length ? `\nThe outline limits pages by level (${byLevel.map(([k, v]) => `${levelName(k, 'en')} ${v}`).join(', ')}), but the report names no level: click to choose it, or set “cap:” in the front matter.` : '');
    this.#pages.show();
  }

  dispose(): void {
    this.#pages.dispose();
    this.#item.dispose();
    for (const d of this.#disposables) d.dispose();
  }
}
