/**
 * English pages and the Chinese pages they translate (content/en/, schema in
 * src/schemas/english.ts). Pure: the layout passes in the collection.
 */
export interface EnglishPage {
  /** File name without .md: the page is /en/<id>/. */
  id: string;
  /** Site path of the Chinese page it translates, if it translates one. */
  counterpart?: string;
}

export const englishPath = (id: string) => `/en/${id}/`;

/** The English page that translates the Chinese page at `path`, if any. */
export function englishPathFor(path: string, pages: readonly EnglishPage[]): string | undefined {
  const page = pages.find((p) => p.counterpart === path);
  return page && englishPath(page.id);
}
