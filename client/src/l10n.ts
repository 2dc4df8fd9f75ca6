import * as vscode from 'vscode';

/** Vietnamese when VS Code's display language (or `decuong.language`) is Vietnamese. */
export function isVietnamese(): boolean {
  const setting = vscode.workspace.getConfiguration('decuong').get<string>('language', 'auto');
  if (setting === 'vi' || setting === 'en') return setting === 'vi';
  return /^vi\b/i.test(vscode.env.language);
}

export function t(vi: string, en: string): string {
  return isVietnamese() ? vi : en;
}
