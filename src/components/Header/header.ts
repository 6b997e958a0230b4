/**
 * The page chrome's one script (every page; content pages budget 2 KB of
 * JavaScript and one request for it): the display settings, Escape to close
 * the menu, and the print masthead's date. Everything works without it but
 * the display settings, which then stay hidden.
 */
import '../DisplaySettings/display-settings.ts';
import { fillPrintDate } from '../PrintMasthead/print-date.ts';

/**
 * <details> opens and closes with Enter or Space on its summary; Escape, as
 * readers expect of a menu, closes it too and puts focus back on 菜单.
 */
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape' || !(event.target instanceof Element)) return;
  const menu = event.target.closest<HTMLDetailsElement>('details[data-site-menu][open]');
  if (!menu) return;
  menu.open = false;
  menu.querySelector('summary')?.focus();
});

fillPrintDate();
window.addEventListener('beforeprint', fillPrintDate);
