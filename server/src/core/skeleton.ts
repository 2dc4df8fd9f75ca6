import type { Template } from './templates';
import type { Section } from './outline';
import { guidanceComment } from './insert';

export interface SkeletonOptions {
  cap?: string;
  /** Guidance under each heading as an HTML comment (default on). */
  guidance?: boolean;
  eol?: string;
  /** Called with each section; returns what goes under its heading (snippets put tab stops there). */
  body?: (section: Section, index: number) => string;
}

/**
 * A new report for a template: front matter naming it, the report's title as `#`, every heading of
 * the outline one level down, numbered as the outline numbers them, each with its guidance.
 */
export function skeleton(template: Template, options: SkeletonOptions = {}): string {
  const eol = options.eol ?? '\n';
  const lines = ['---', `decuong: ${template.id}`, ...(options.cap ? [`cap: ${options.cap}`] : []), '---', `# ${template.title.toLocaleUpperCase('vi')}`, ''];
  template.outline.all.forEach((s, i) => {
    lines.push(`${'#'.repeat(Math.min(6, s.level + 1))} ${s.heading.text}`, '');
    if (template.subtitles[i]) lines.push(`**${template.subtitles[i]}**`, '');
    const guidance = options.guidance === false ? '' : template.guidance[i];
    if (guidance) lines.push(guidanceComment(guidance, eol), '');
    const body = options.body?.(s, i);
    if (body) lines.push(body, '');
  });
  return lines.join(eol).replace(/(\r?\n)+$/, '') + eol;
}
