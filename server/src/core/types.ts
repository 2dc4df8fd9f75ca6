/** Diagnostic codes fixed by DESIGN.md ("Interfaces"). New checks add codes; codes keep their meaning. */
export type Code =
  | 'missing-section'
  | 'section-order'
  | 'section-level'
  | 'section-title'
  | 'duplicate-section'
  | 'numbering'
  | 'heading-not-marked'
  | 'joined-paragraph'
  | 'indented-code'
  | 'placeholder'
  | 'page-limit'
  | 'no-template'
  | 'unknown-template'
  | 'template-error'
  | 'front-matter'
  | 'large-file';

export type Level = 'error' | 'warning' | 'information' | 'hint';
/** A level setting; `ignore` skips the check. */
export type LevelSetting = Level | 'ignore';

/** Every user-facing string exists in both languages side by side. */
export interface Message {
  vi: string;
  en: string;
}

/** A minimal text edit in UTF-16 offsets of the original text. `length` 0 is an insert. */
export interface Fix {
  offset: number;
  length: number;
  text: string;
}

/** A quick fix: one or more edits applied together (one undo). */
export interface FixAction {
  title: Message;
  edits: Fix[];
  /** The one obvious fix for its finding. */
  preferred?: boolean;
}

export interface RelatedPlace {
  offset: number;
  length: number;
  message: Message;
  /** In another file (a template): its path and the 0-based position there; offsets then unused. */
  location?: { path: string; line: number; character: number };
}

/** One problem found in a report; offsets are UTF-16 code units into the original text. */
export interface Finding {
  code: Code;
  level: Level;
  offset: number;
  length: number;
  message: Message;
  related?: RelatedPlace[];
  /** Structured payload a code action rebuilds its edit from (JSON-serialisable). */
  data?: Record<string, unknown>;
  /** Fixes computed against the same text; only inserts and heading-text replacements. */
  fixes?: FixAction[];
}

export interface CheckOptions {
  /** Template id to use when the report's front matter names none (setting `decuong.template`). */
  template?: string;
  /** Use `template` even when the front matter names another (CLI `--template`). */
  forceTemplate?: boolean;
  /** Level (cấp) when the front matter has no `cap:` (setting `decuong.cap`). */
  cap?: string;
  /** Put the outline's guidance under an inserted heading as a comment (`decuong.insert.guidance`, default on). */
  insertGuidance?: boolean;
  /**
   * Fixes may only insert (fix-all, on save): an inserted section then never renumbers the
   * siblings after it, so the author's text stays exactly as it was around the insertions.
   */
  insertOnly?: boolean;
  /**
   * Above this many bytes (UTF-8, as on disk) only the outline checks run, on a light parse (setting
   * `decuong.largeFileThreshold`, in MB; default 5 MB).
   */
  largeFileThreshold?: number;
  /** Typesetting for the page estimate (settings `decuong.pages.*`); the report's front matter may override. */
  pageSettings?: { fontSize?: number; lineSpacing?: number; margins?: { top: number; bottom: number; left: number; right: number }; paraAfter?: number; indent?: number };
  /** Extra placeholder patterns (regular expressions), setting `decuong.placeholders.extra`. */
  placeholders?: string[];
  /** Per-code level overrides; `ignore` turns a check off. */
  levels?: Partial<Record<Code, LevelSetting>>;
}
