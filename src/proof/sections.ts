import type { ProofSection } from '../model/proof.js';

/** The headings enclosing a point of the document, shared by every fact read there. */
export interface HeadingContext {
  /** Heading texts, outermost first. Shared between facts: treat as read-only. */
  readonly headings: string[];
  /** Whether any of them matches the IAA heading pattern (SPEC §3: the token prefers IAA sections). */
  readonly underIaaHeading: boolean;
}

interface OpenHeading {
  depth: number;
  section: ProofSection;
  context: HeadingContext;
}

/** Heading texts longer than this are only matched on their start, so a hostile pattern stays cheap. */
const HEADING_MATCH_LIMIT = 500;

const TOP: HeadingContext = { headings: [], underIaaHeading: false };

/**
 * Tracks the heading stack while the document is walked in order, and records sections with their
 * end lines (the line before the next heading of the same or a higher level, or the last line).
 */
export class SectionTracker {
  readonly sections: ProofSection[] = [];
  private readonly open: OpenHeading[] = [];

  constructor(private readonly iaaHeading: RegExp) {}

  /** The headings enclosing the current point. */
  get context(): HeadingContext {
    return this.open.at(-1)?.context ?? TOP;
  }

  /** Enters a heading: closes the sections it ends and opens its own. */
  enter(text: string, depth: number, line: number): HeadingContext {
    while (this.open.length > 0 && (this.open.at(-1) as OpenHeading).depth >= depth) {
      (this.open.pop() as OpenHeading).section.endLine = line - 1;
    }
    const parent = this.context;
    const section: ProofSection = { heading: text, depth, line, endLine: line };
    const context: HeadingContext = {
      headings: [...parent.headings, text],
      underIaaHeading: parent.underIaaHeading || this.iaaHeading.test(text.slice(0, HEADING_MATCH_LIMIT)),
    };
    this.sections.push(section);
    this.open.push({ depth, section, context });
    return context;
  }

  /** Closes every open section at the document's last line. */
  finish(lastLine: number): ProofSection[] {
    for (const { section } of this.open) section.endLine = Math.max(section.line, lastLine);
    this.open.length = 0;
    return this.sections;
  }
}
