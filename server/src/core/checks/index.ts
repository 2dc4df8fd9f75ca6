import type { Check } from '../check';
import { missingSection } from './missing-section';
import { sectionOrder } from './section-order';
import { sectionLevel } from './section-level';
import { sectionTitle } from './section-title';
import { duplicateSection } from './duplicate-section';
import { noTemplate } from './no-template';
import { unknownTemplate } from './unknown-template';
import { templateError } from './template-error';
import { placeholder } from './placeholder';
import { numbering } from './numbering';
import { headingNotMarked } from './heading-not-marked';
import { joinedParagraph } from './joined-paragraph';
import { indentedCode } from './indented-code';
import { frontMatter } from './front-matter';
import { largeFile } from './large-file';
import { pageLimit } from './page-limit';

/** The one list of checks, in the order their findings are reported. */
export const checks: readonly Check[] = [
  largeFile,
  frontMatter,
  noTemplate,
  unknownTemplate,
  templateError,
  missingSection,
  sectionOrder,
  sectionLevel,
  sectionTitle,
  duplicateSection,
  headingNotMarked,
  numbering,
  joinedParagraph,
  indentedCode,
  placeholder,
  pageLimit,
];
