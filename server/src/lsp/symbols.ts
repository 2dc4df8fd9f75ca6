import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Outline, Section } from '../core';

/** The report's sections as a symbol tree (Outline view, breadcrumbs, Go to Symbol). */
export function documentSymbols(doc: TextDocument, outline: Outline): DocumentSymbol[] {
  const toSymbol = (s: Section): DocumentSymbol => ({
    name: s.heading.text || '#'.repeat(s.heading.depth),
    kind: SymbolKind.String,
    range: { start: doc.positionAt(s.heading.offset), end: doc.positionAt(s.end) },
    selectionRange: { start: doc.positionAt(s.heading.offset), end: doc.positionAt(s.heading.end) },
    children: s.children.map(toSymbol),
  });
  return outline.roots.map(toSymbol);
}
