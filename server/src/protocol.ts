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
  /** No outline applied: the one the title names, which the report does not follow (see `Doubt`). */
  doubted?: { id: string; title: string };
  missing: number;
  /** The page estimate (absent for template files and very large files). */
  pages?: PageInfo;
  /** Settings for this document the checker cannot use (absent when there are none), in the UI's language. */
  settingProblems?: Array<{ setting: string; message: string }>;
}

export interface PageInfo {
  pages: number;
  /** pages − 1 + fill of the last page. */
  decimal: number;
  /** 0-based lines where pages 2, 3 … begin. */
  breaks: number[];
  /** The limit that applies, when the template or the front matter sets one. */
  limit?: number;
  /** The level the limit is for (xa, huyen …). */
  cap?: string;
  /**
   * No limit applies because the report names no level, though the outline limits pages by level
   * (`pages: { xa: 12, huyen: 15 }`): those limits, so that the author can be told to name it.
   */
  levelLimits?: Record<string, number>;
  /** The typesetting assumed, for the tooltip: "14 pt, giãn dòng 1, lề 20/20/30/15 mm". */
  settings: { fontSize: number; lineSpacing: number; margins: [number, number, number, number]; paraAfter: number; indent: number };
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

/**
 * Server command: fix the report `args[0]` (a URI) as far as it can be fixed safely — fix-all, and
 * the indents that make paragraphs code (asked for explicitly, so not only insertions).
 */
export const FixReportCommand = 'decuong.server.fixReport';

/**
 * What both commands answer: whether the edit was applied, how many edits it had, and how many
 * missing sections were left out because their number is taken by a section of the report.
 */
export interface ServerFixResult {
  applied: boolean;
  inserted: number;
  left: number;
}

/** Client → server: the outline checklist of a report (Explorer view). */
export const ChecklistRequest = 'decuong/checklist';
export interface ChecklistParams {
  uri: string;
}
export type ChecklistState = 'present' | 'empty' | 'placeholder' | 'missing' | 'optional-missing';
export interface ChecklistNode {
  title: string;
  level: number;
  optional: boolean;
  state: ChecklistState;
  /** Line of the report's heading, when present. */
  line?: number;
  children: ChecklistNode[];
}
export interface ChecklistResult {
  version: number;
  template?: { id: string; title: string };
  items: ChecklistNode[];
  counts: { required: number; present: number; missing: number; empty: number; placeholders: number };
}

/** Client → server: the text of a new report for a template (command “New report from an outline”). */
export const SkeletonRequest = 'decuong/skeleton';
export interface SkeletonParams {
  id: string;
  cap?: string;
  /** A document whose workspace templates apply. */
  uri?: string;
}
