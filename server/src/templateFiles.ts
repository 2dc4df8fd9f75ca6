import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { TemplateSource } from './core';

/** Upper bounds so that a mistaken templates path (a home folder) cannot stall the server. */
const MAX_FILES = 500;
const MAX_DEPTH = 4;
export const MAX_BYTES = 2 * 1024 * 1024;

/** `*.md` files below `dir` (sorted, for stable override order); none when it does not exist. */
export function listMarkdownFiles(dir: string, depth = 0, out: string[] = []): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return out;
  }
  for (const name of names) {
    if (out.length >= MAX_FILES) break;
    if (name.startsWith('.') && depth > 0) continue;
    if (name === 'node_modules') continue;
    const path = join(dir, name);
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      continue;
    }
    if (isDir) {
      if (depth < MAX_DEPTH) listMarkdownFiles(path, depth + 1, out);
    } else if (/\.md$/i.test(name)) out.push(path);
  }
  return out;
}

function realInside(path: string, root: string): boolean {
  try {
    const rel = relative(realpathSync(root), realpathSync(path));
    return !rel.startsWith('..') && !isAbsolute(rel);
  } catch {
    return false;
  }
}

/**
 * Reads a folder of workspace templates; unreadable or oversized files are skipped, and so is any
 * file whose real path (symlinks followed) leaves `root`, the workspace folder.
 */
export function readTemplateDir(dir: string, overlay?: (path: string) => string | undefined, root?: string): TemplateSource[] {
  const sources: TemplateSource[] = [];
  for (const path of listMarkdownFiles(dir)) {
    if (root && !realInside(path, root)) continue;
    const text = overlay?.(path) ?? readSmallFile(path);
    if (text !== undefined) sources.push({ path, text, builtin: false });
  }
  return sources;
}

export function readSmallFile(path: string): string | undefined {
  try {
    if (statSync(path).size > MAX_BYTES) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The workspace templates folder: the default of `decuong.templatesPath`, and where the CLI looks. */
export const WORKSPACE_TEMPLATES = '.decuong/templates';

/**
 * The nearest `.decuong/templates/` folder from `start` up to the file system's root (the first
 * found wins, as `.editorconfig` is looked up), with the folder holding it — the workspace, which
 * its templates may not leave through symlinks. Lets the CLI see what the extension sees.
 */
export function findTemplatesDir(start: string): { dir: string; root: string } | undefined {
  for (let root = resolve(start); ; root = dirname(root)) {
    const dir = join(root, WORKSPACE_TEMPLATES);
    try {
      if (statSync(dir).isDirectory()) return { dir, root };
    } catch {
      // not here: one folder up
    }
    if (dirname(root) === root) return undefined;
  }
}
