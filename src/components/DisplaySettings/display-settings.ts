/**
 * Font size and contrast, remembered across pages.
 * Loaded as a module in <head>: it sets data-font / data-contrast on <html>
 * before the body is parsed, so pages open in the reader's chosen size.
 * localStorage can throw (private mode, storage disabled): then the choice
 * lasts for the page only, and nothing breaks.
 */
const root = document.documentElement;
const FONT_KEY = 'ts-font';
const CONTRAST_KEY = 'ts-contrast';
const FONTS = ['standard', 'large', 'xlarge'];

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* storage unavailable: keep the choice for this page only */
  }
}

function apply(font: string, contrast: boolean): void {
  root.dataset.font = FONTS.includes(font) ? font : 'standard';
  root.dataset.contrast = contrast ? 'high' : 'normal';
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-display-settings] [data-font]')) {
    b.setAttribute('aria-pressed', String(b.dataset.font === root.dataset.font));
  }
  const c = document.querySelector('[data-display-settings] [data-contrast]');
  c?.setAttribute('aria-pressed', String(contrast));
}

apply(read(FONT_KEY) ?? 'standard', read(CONTRAST_KEY) === 'high');

function init(): void {
  const panel = document.querySelector<HTMLElement>('[data-display-settings]');
  if (!panel) return;
  panel.hidden = false;
  apply(root.dataset.font ?? 'standard', root.dataset.contrast === 'high');
  panel.addEventListener('click', (event) => {
    const button = (event.target as Element).closest('button');
    if (!button) return;
    if (button.dataset.font) {
      write(FONT_KEY, button.dataset.font);
      apply(button.dataset.font, root.dataset.contrast === 'high');
    } else if (button.hasAttribute('data-contrast')) {
      const high = root.dataset.contrast !== 'high';
      write(CONTRAST_KEY, high ? 'high' : 'normal');
      apply(root.dataset.font ?? 'standard', high);
    }
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
else init();

// The 朗读 check (src/components/ReadAloud/) rides in this module, so a content page still loads one
// script: the case-article budget counts requests (tests/support/page-weight.ts).
import '../ReadAloud/read-aloud.ts';
