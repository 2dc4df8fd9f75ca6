/** Custom messages between client and server. The client imports this file with `import type`. */

/** Server → client: the template a report was checked against (status bar). */
export const ReportInfoNotification = 'decuong/reportInfo';
export interface ReportInfoParams {
  uri: string;
  version: number;
  /** Template id and title, or undefined when none was chosen. */
  template?: { id: string; title: string };
  /** How it was chosen. */
  selectedBy: 'front-matter' | 'setting' | 'title' | 'unknown' | 'none' | 'template-file';
  missing: number;
}

/** Client → server: the templates that apply to a document (built-in and the workspace's). */
export const TemplatesRequest = 'decuong/templates';
export interface TemplatesParams {
  uri?: string;
}
export interface TemplateSummary {
  id: string;
  title: string;
  source?: string;
  builtin: boolean;
  pages: Record<string, number>;
}

/** Server command (workspace/executeCommand): insert all missing sections of the document `args[0]` (a URI). */
export const InsertMissingCommand = 'decuong.server.insertMissingSections';
