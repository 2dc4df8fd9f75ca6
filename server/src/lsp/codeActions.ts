import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checks, say, type CheckResult, type Fix, type Finding, type Lang } from '../core';

/** `source.fixAll.decuong`: every preferred fix of the document in one edit (one undo). */
export const FixAllKind = `${CodeActionKind.SourceFixAll}.decuong`;

function toTextEdits(doc: TextDocument, edits: readonly Fix[]): TextEdit[] {
  return edits.map((e) => ({ range: { start: doc.positionAt(e.offset), end: doc.positionAt(e.offset + e.length) }, newText: e.text }));
}

/** Edits of several fixes merged: identical edits once, an edit overlapping a kept one dropped. */
export function mergeEdits(groups: ReadonlyArray<readonly Fix[]>): Fix[] {
  const kept: Fix[] = [];
  for (const group of groups) {
    const fresh = group.filter((e) => !kept.some((k) => k.offset === e.offset && k.length === e.length && k.text === e.text));
    const clashes = fresh.some((e) => kept.some((k) => e.offset < k.offset + k.length && k.offset < e.offset + e.length || (e.length === 0 && k.length === 0 && e.offset === k.offset)));
    if (!clashes) kept.push(...fresh);
  }
  return kept.sort((a, b) => a.offset - b.offset);
}

function action(doc: TextDocument, title: string, kind: string, edits: readonly Fix[], diagnostics?: Diagnostic[], isPreferred?: boolean): CodeAction {
  return {
    title,
    kind,
    ...(diagnostics ? { diagnostics } : {}),
    ...(isPreferred ? { isPreferred } : {}),
    // A versioned edit: the client refuses it if the document moved on meanwhile.
    edit: { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: toTextEdits(doc, edits) }] },
  };
}

function sameRange(doc: TextDocument, f: Finding, d: Diagnostic): boolean {
  return doc.offsetAt(d.range.start) === f.offset && doc.offsetAt(d.range.end) === f.offset + f.length;
}

const wants = (only: string[] | undefined, kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));

/**
 * Code actions rebuilt from a fresh check of the current text (nothing kept between requests):
 * "fix this", "fix all of this code", and the whole-document fix-all.
 */
/**
 * Codes whose “fix all of this kind” is applied in turns, each on the text the last left: missing
 * sections are numbered after the ones inserted before them; a blank line inserted before `1. …`
 * can make the next line a list item's continuation, found joined only then.
 */
export const FIXED_IN_TURNS = ['missing-section', 'joined-paragraph'] as const;

export function codeActions(doc: TextDocument, result: CheckResult, params: CodeActionParams, lang: Lang, fixAllEdits: () => Fix[], fixAllOf: (code: string) => Fix[]): CodeAction[] {
  const only = params.context.only;
  const out: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    const offered = new Set<string>();
    for (const d of params.context.diagnostics) {
      if (d.source !== 'decuong') continue;
      // Several findings may share a range (two sections missing after the same heading): the
      // diagnostic's own words tell which one it is.
      const here = result.findings.filter((f) => f.code === d.code && sameRange(doc, f, d));
      const finding = here.find((f) => say(f.message, lang) === d.message) ?? here[0];
      for (const fix of finding?.fixes ?? []) {
        out.push(action(doc, say(fix.title, lang), CodeActionKind.QuickFix, fix.edits, [d], fix.preferred));
      }
      // "Fix all of this code in the document", once per code, when there is more than one.
      const sameCode = result.findings.filter((f) => f.code === d.code && f.fixes?.length);
      if (finding?.fixes?.length && sameCode.length > 1 && !offered.has(String(d.code))) {
        offered.add(String(d.code));
        // Computed alone, two sections missing after the same heading would both be “2.” (one
        // dropped): these are fixed in turns.
        const edits = (FIXED_IN_TURNS as readonly unknown[]).includes(d.code) ? fixAllOf(String(d.code)) : mergeEdits(sameCode.map((f) => f.fixes![0]!.edits));
        // Named by the check's title, not its code: “numbering” means nothing in a Vietnamese menu.
        const title = checks.find((c) => c.code === d.code)?.title ?? { vi: String(d.code), en: String(d.code) };
        out.push(action(doc, lang === 'vi' ? `Sửa tất cả các chỗ cùng loại trong tệp: ${title.vi}` : `Fix all in the file: ${title.en}`, CodeActionKind.QuickFix, edits));
      }
    }
  }
  // Asked for explicitly (on save, or the Source Action menu): insert-only fixes, one undo step.
  if (only?.some((o) => FixAllKind.startsWith(o) && o.startsWith(CodeActionKind.Source))) {
    const edits = fixAllEdits();
    if (edits.length) out.push(action(doc, lang === 'vi' ? 'Sửa báo cáo: thêm dòng trống giữa các đoạn, đánh dấu tiêu đề, chèn mục còn thiếu' : 'Fix the report: add blank lines between paragraphs, mark headings, insert missing sections', FixAllKind, edits));
  }
  return out;
}
