import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { say, type Finding, type Lang, type Level } from '../core';

const SEVERITY: Record<Level, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A core finding (UTF-16 offsets) as an LSP diagnostic (positions) in the UI language. */
export function toDiagnostic(doc: TextDocument, f: Finding, lang: Lang): Diagnostic {
  const related: DiagnosticRelatedInformation[] | undefined = f.related?.map((r) => ({
    location: r.location
      ? { uri: pathToFileURL(r.location.path).href, range: { start: { line: r.location.line, character: r.location.character }, end: { line: r.location.line, character: r.location.character } } }
      : { uri: doc.uri, range: { start: doc.positionAt(r.offset), end: doc.positionAt(r.offset + r.length) } },
    message: say(r.message, lang),
  }));
  return {
    range: { start: doc.positionAt(f.offset), end: doc.positionAt(f.offset + f.length) },
    severity: SEVERITY[f.level],
    source: 'decuong',
    code: f.code,
    message: say(f.message, lang),
    ...(related?.length ? { relatedInformation: related } : {}),
    ...(f.data ? { data: f.data } : {}),
  };
}
