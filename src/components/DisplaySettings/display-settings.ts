/**
 * Font size and contrast, remembered across pages: the controls in 菜单.
 * Imported by the header's module script (src/components/Header/header.ts),
 * which runs once the page is parsed. The stored choice is already on <html>
 * by then (settings.ts, earlyScript(), in every page's <head>); this shows the
 * controls, marks the pressed ones and stores a new choice.
 * localStorage can throw (private mode, storage disabled): then the choice
 * lasts for the page only, and nothing breaks.
 */
import { CONTRAST_KEY, FONT_KEY, FONTS } from './settings.ts';

const root = document.documentElement;

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* storage unavailable: keep the choice for this page only */
  }
}

function apply(font: string, contrast: boolean): void {
  root.dataset.font = (FONTS as readonly string[]).includes(font) ? font : FONTS[0];
  root.dataset.contrast = contrast ? 'high' : 'normal';
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-display-settings] [data-font]')) {
    b.setAttribute('aria-pressed', String(b.dataset.font === root.dataset.font));
  }
  const c = document.querySelector('[data-display-settings] [data-contrast]');
  c?.setAttribute('aria-pressed', String(contrast));
}

function init(): void {
  const panel = document.querySelector<HTMLElement>('[data-display-settings]');
  if (!panel) return;
  panel.hidden = false;
  apply(root.dataset.font ?? FONTS[0], root.dataset.contrast === 'high');
  panel.addEventListener('click', (event) => {
    const button = (event.target as Element).closest('button');
    if (!button) return;
    if (button.dataset.font) {
      write(FONT_KEY, button.dataset.font);
      apply(button.dataset.font, root.dataset.contrast === 'high');
    } else if (button.hasAttribute('data-contrast')) {
      const high = root.dataset.contrast !== 'high';
      write(CONTRAST_KEY, high ? 'high' : 'normal');
      apply(root.dataset.font ?? FONTS[0], high);
    }
  });
}

// A module script runs once the page is parsed (header.ts is one), so the controls are there.
init();

// The 朗读 check (src/components/ReadAloud/) rides in this module, so a content page still loads one
// script: the case-article budget counts requests (tests/support/page-weight.ts).
import '../ReadAloud/read-aloud.ts';
