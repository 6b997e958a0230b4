/**
 * Measuring a page as an older reader on a phone meets it: where the page's
 * own heading starts, whether text and controls can be told from what is
 * behind them (computed colours, not axe's sampling, which missed black
 * buttons on black), how big the touch targets are, and whether a line holds
 * a single character. Each runs in the page and returns readable findings.
 */
import type { Page } from 'playwright-core';
import type { FormValues } from '../../../src/lib/forms/definitions.ts';

/**
 * Top of what a reader must see first, in CSS pixels from the top of the
 * page: the page's own heading (the first main h1 shown; a form step a script
 * shows replaces the page's), or `selector` (an error summary, which comes
 * before the heading). -1 when there is none.
 */
export function headingTop(page: Page, selector = 'main h1'): Promise<number> {
  return page.evaluate((sel) => {
    const h = [...document.querySelectorAll(sel)].find((e) => e.checkVisibility());
    return h ? Math.round(h.getBoundingClientRect().top + window.scrollY) : -1;
  }, selector);
}

type Rgba = [number, number, number, number];

/**
 * WCAG 2.1's colour maths, for contrastProblems and focusRingProblems. It
 * must run in the page: page.evaluate sends a function's source, which can
 * call nothing of this module, so each check makes it there with
 * evaluateHandle and receives the page's own object (Playwright unwraps a
 * handle passed in the argument).
 */
function colourMaths() {
  const parse = (c: string): Rgba | undefined => {
    const m = /rgba?\(([^)]+)\)/.exec(c);
    if (!m) return undefined;
    const [r, g, b, a = 1] = m[1]!
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    return [r!, g!, b!, a];
  };
  /** `top` painted over an opaque `bottom`. */
  const over = (top: Rgba, bottom: Rgba): Rgba => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i]! * a + bottom[i]! * (1 - a)).concat(1) as Rgba;
  };
  /** Relative luminance. */
  const lum = (c: Rgba) => {
    const ch = c.slice(0, 3).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * ch[0]! + 0.7152 * ch[1]! + 0.0722 * ch[2]!;
  };
  const ratio = (a: Rgba, b: Rgba) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x! + 0.05) / (y! + 0.05);
  };
  const css = (c: Rgba) => `rgb(${c.slice(0, 3).map(Math.round).join(',')})`;
  /** The colour behind an element: its own background and its ancestors', composited, over white. */
  const background = (el: Element | null): Rgba => {
    const layers: Rgba[] = [];
    for (let e = el; e; e = e.parentElement) {
      const bg = parse(getComputedStyle(e).backgroundColor);
      if (bg && bg[3] > 0) layers.push(bg);
      if (bg && bg[3] >= 1) break;
    }
    return layers.reduceRight<Rgba>((under, layer) => over(layer, under), [255, 255, 255, 1]);
  };
  return { parse, over, ratio, css, background };
}
type ColourMaths = ReturnType<typeof colourMaths>;

/** Runs `check` in the page with the colour maths made there, and `root`, the selector of the part to check. */
async function withColourMaths<R>(
  page: Page,
  root: string,
  check: (arg: { colours: ColourMaths; rootSelector: string }) => R,
): Promise<R> {
  const colours = await page.evaluateHandle(colourMaths);
  try {
    return await page.evaluate(check, { colours, rootSelector: root });
  } finally {
    await colours.dispose();
  }
}

/**
 * Text whose colour is too close to its effective background (the first
 * opaque background up the ancestors, with the translucent ones above it
 * composited), controls without a boundary of 3:1 against what surrounds them,
 * and placeholders that fail 4.5:1. WCAG 2.1: 4.5:1 for text, 3:1 for large
 * text (≥ 24 px, or ≥ 18.66 px bold) and for the boundary of a control.
 * Controls identified by their own text alone (a link-styled 修改) need no
 * boundary; their text is checked as text.
 */
export function contrastProblems(page: Page, root = 'body'): Promise<string[]> {
  return withColourMaths(page, root, ({ colours, rootSelector }) => {
    const { parse, over, ratio, css, background } = colours;
    const shown = (el: Element) => {
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
      const r = el.getBoundingClientRect();
      return r.width >= 2 && r.height >= 2 && !el.closest('[aria-hidden="true"], svg, noscript');
    };
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
    const problems: string[] = [];
    const scope = document.querySelector(rootSelector) ?? document.body;

    for (const el of scope.querySelectorAll('*')) {
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      if (!own || !shown(el) || ['OPTION', 'SCRIPT', 'STYLE', 'TITLE'].includes(el.tagName)) continue;
      const cs = getComputedStyle(el);
      const bg = background(el);
      const fg = over(parse(cs.color) ?? [0, 0, 0, 1], bg);
      const size = parseFloat(cs.fontSize);
      const need = size >= 24 || (size >= 18.66 && Number(cs.fontWeight) >= 700) ? 3 : 4.5;
      const r = ratio(fg, bg);
      if (r < need) {
        const text = el.textContent!.trim().slice(0, 16);
        problems.push(`文字 ${name(el)}「${text}」${css(fg)} 在 ${css(bg)} 上 ${r.toFixed(2)} < ${need}`);
      }
    }

    const controls =
      'button, input:not([type="hidden"]), select, textarea, summary, a.button, .pagination a, .case-filters a, .answers a';
    for (const el of scope.querySelectorAll(controls)) {
      if (!shown(el)) continue;
      const cs = getComputedStyle(el);
      const outside = background(el.parentElement);
      const fill = over(parse(cs.backgroundColor) ?? [0, 0, 0, 0], outside);
      const widths = ['Top', 'Right', 'Bottom', 'Left'].map((s) =>
        parseFloat(cs.getPropertyValue(`border-${s.toLowerCase()}-width`)),
      );
      const border = parse(cs.borderTopColor);
      const hasBorder = widths.every((w) => w >= 1) && cs.borderTopStyle !== 'none' && !!border && border[3] > 0;
      const edge = Math.max(hasBorder ? ratio(over(border!, outside), outside) : 0, ratio(fill, outside));
      const labelled =
        (el as HTMLElement).innerText?.trim() !== '' &&
        !(el instanceof HTMLInputElement) &&
        !(el instanceof HTMLSelectElement) &&
        !(el instanceof HTMLTextAreaElement);
      if (edge < 3 && !(labelled && !hasBorder && ratio(fill, outside) < 1.01)) {
        problems.push(
          `控件边界 ${name(el)} ${hasBorder ? `边框 ${css(border!)}` : `底色 ${css(fill)}`} 在 ${css(outside)} 上 ${edge.toFixed(2)} < 3`,
        );
      }
      const typed =
        el instanceof HTMLTextAreaElement ||
        el instanceof HTMLSelectElement ||
        (el instanceof HTMLInputElement && !['radio', 'checkbox', 'submit', 'button'].includes(el.type));
      if (typed) {
        const fg = over(parse(cs.color) ?? [0, 0, 0, 1], fill);
        if (ratio(fg, fill) < 4.5)
          problems.push(`输入文字 ${name(el)} ${css(fg)} 在 ${css(fill)} 上 ${ratio(fg, fill).toFixed(2)} < 4.5`);
      }
      if ((el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) && el.placeholder && !el.value) {
        const ph = over(parse(getComputedStyle(el, '::placeholder').color) ?? [0, 0, 0, 1], fill);
        const r = ratio(ph, fill);
        if (r < 4.5)
          problems.push(`提示文字 ${name(el)}「${el.placeholder}」${css(ph)} 在 ${css(fill)} 上 ${r.toFixed(2)} < 4.5`);
      }
    }
    return problems;
  });
}

/**
 * Focus rings: every focusable element of the page (or under `root`) is
 * focused as the keyboard would (a Tab first, so :focus-visible applies), and
 * its outline or ring shadow must reach 3:1 against what surrounds it.
 */
export async function focusRingProblems(page: Page, root = 'body'): Promise<string[]> {
  await page.keyboard.press('Tab');
  return withColourMaths(page, root, ({ colours, rootSelector }) => {
    const { parse, ratio, background } = colours;
    const problems: string[] = [];
    const scope = document.querySelector(rootSelector) ?? document.body;
    const focusable = scope.querySelectorAll<HTMLElement>(
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])',
    );
    for (const el of focusable) {
      if (!el.checkVisibility({ checkVisibilityCSS: true }) || el.closest('[aria-hidden="true"]')) continue;
      el.focus({ preventScroll: true });
      if (document.activeElement !== el || !el.matches(':focus-visible')) continue;
      const cs = getComputedStyle(el);
      const outside = background(el.parentElement);
      const rings: Rgba[] = [];
      if (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) rings.push(parse(cs.outlineColor)!);
      for (const m of cs.boxShadow.matchAll(/rgba?\([^)]+\)/g)) rings.push(parse(m[0])!);
      const best = Math.max(0, ...rings.filter((c) => c && c[3] > 0).map((c) => ratio(c, outside)));
      if (best < 3) {
        const text = (el.innerText || el.getAttribute('aria-label') || el.id || '').trim().slice(0, 16);
        problems.push(
          `焦点框 ${el.tagName.toLowerCase()}「${text}」${rings.length ? '' : '没有'}对比度 ${best.toFixed(2)} < 3`,
        );
      }
    }
    (document.activeElement as HTMLElement | null)?.blur();
    return problems;
  });
}

/**
 * Touch targets under 44 × 44 px: buttons, form controls (a radio or
 * checkbox by its label, which is what a finger taps), the menu, and links
 * that act as buttons (navigation, pagination, filters, answers to change).
 */
export function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = [
      'button',
      'input:not([type="hidden"])',
      'select',
      'textarea',
      'summary',
      'a.button',
      '.site-nav a',
      '.pagination a',
      '.case-filters a',
      '.answers a',
      '.town-picker a',
    ].join(', ');
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      if (!el.checkVisibility({ checkVisibilityCSS: true }) || el.closest('[aria-hidden="true"]')) continue;
      const input = el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox');
      const target = input ? (el.labels?.[0] ?? el) : el;
      const r = target.getBoundingClientRect();
      if (r.height < 44 - 0.5 || r.width < 44 - 0.5) {
        const text = (target.innerText || el.getAttribute('name') || '').trim().slice(0, 12);
        out.push(`${target.tagName.toLowerCase()}「${text}」${Math.round(r.width)} × ${Math.round(r.height)}`);
      }
    }
    return out;
  });
}

/** Lines of an element's text holding a single character (one alone on a line is hard to read as a word). */
export function loneCharacterLines(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return [`${sel} not found`];
    const lines = new Map<number, string>();
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent ?? '';
      for (let i = 0; i < text.length; i++) {
        if (!text[i]!.trim()) continue;
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + 1);
        const top = Math.round(range.getBoundingClientRect().top);
        lines.set(top, (lines.get(top) ?? '') + text[i]);
      }
    }
    return [...lines.values()].filter((l) => [...l.replace(/[“”"]/g, '')].length < 2);
  }, selector);
}

/** Fills a form's fields by name from fixture values, as a reader would choose them. */
export async function fillForm(page: Page, form: string, values: FormValues): Promise<void> {
  await page.evaluate(
    ({ form, values }) => {
      const f = document.querySelector<HTMLFormElement>(form)!;
      for (const [name, value] of Object.entries(values)) {
        const wanted = Array.isArray(value) ? value : [value];
        for (const el of f.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
          `[name="${name}"]`,
        )) {
          if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox'))
            el.checked = wanted.includes(el.value);
          else el.value = wanted[0] ?? '';
          el.dispatchEvent(new Event('input', { bubbles: true }));
          el.dispatchEvent(new Event('change', { bubbles: true }));
        }
      }
    },
    { form, values },
  );
}
