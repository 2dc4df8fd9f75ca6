import { fileURLToPath } from 'node:url';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { createRegistry, type TemplateRegistry, type TemplateSource } from '../core';
import { readTemplateDir } from '../templateFiles';

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * The template registries of the workspace: built-ins plus each folder's templates directory,
 * built lazily and dropped when a template file changes on disk or in an editor. Open template
 * documents are read from the editor, so an unsaved change already takes effect.
 */
export class WorkspaceTemplates {
  #folders: string[] = [];
  readonly #cache = new Map<string, TemplateRegistry>();
  #builtinOnly: TemplateRegistry | undefined;

  constructor(
    private readonly builtins: () => TemplateSource[],
    private readonly openText: (path: string) => string | undefined,
  ) {}

  setFolders(uris: string[]): void {
    this.#folders = uris.map(uriToPath).filter((p): p is string => Boolean(p)).sort((a, b) => b.length - a.length);
    this.#cache.clear();
  }

  /**
   * The templates directory that applies to a document, or undefined (untitled, outside folders,
   * or a path leading out of the workspace folder — refused: settings may not read elsewhere).
   */
  dirFor(uri: string, templatesPath: string): string | undefined {
    const path = uriToPath(uri);
    const folder = path ? this.#folders.find((f) => path === f || isInside(path, f)) : this.#folders[0];
    if (!folder) return undefined;
    const dir = resolve(folder, templatesPath);
    if (dir !== folder && !isInside(dir, folder)) {
      this.onRefused?.(dir);
      return undefined;
    }
    return dir;
  }

  /** Called when a templates path outside the workspace is refused (the server logs it once). */
  onRefused?: (dir: string) => void;

  /** The workspace folder holding `dir`, to keep symlinked templates inside it. */
  folderOf(dir: string): string | undefined {
    return this.#folders.find((f) => dir === f || isInside(dir, f));
  }

  registry(dir: string | undefined): TemplateRegistry {
    if (!dir) return (this.#builtinOnly ??= createRegistry(this.builtins()));
    let r = this.#cache.get(dir);
    if (!r) {
      const own = readTemplateDir(dir, this.openText, this.folderOf(dir));
      // No templates of its own (the usual case): the built-in registry, loaded once.
      r = own.length ? createRegistry([...this.builtins(), ...own]) : this.registry(undefined);
      this.#cache.set(dir, r);
    }
    return r;
  }

  /** Is this file a template of the directory `dir`? */
  isTemplateFile(uri: string, dir: string | undefined): boolean {
    const path = uriToPath(uri);
    return Boolean(path && dir && /\.md$/i.test(path) && isInside(path, dir));
  }

  /** Drops every registry whose directory holds `path` (or all of them); true when one was dropped. */
  invalidate(path?: string): boolean {
    if (!path) {
      const had = this.#cache.size > 0;
      this.#cache.clear();
      return had;
    }
    let dropped = false;
    for (const dir of [...this.#cache.keys()]) {
      if (isInside(path, dir) || path === dir || join(dir, sep).startsWith(join(path, sep))) {
        this.#cache.delete(dir);
        dropped = true;
      }
    }
    return dropped;
  }
}
