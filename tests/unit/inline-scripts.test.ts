import { describe, expect, it } from 'vitest';
import { INLINE_SCRIPT_MAX_BYTES, inlineSmallScripts, notInlinable } from '../../src/lib/inline-scripts.ts';
import { contentSecurityPolicy, inlineScripts, scriptHash, scriptHashesOf } from '../../src/lib/http/csp.ts';

const page = (scripts: string) => `<html><head><style>p{}</style></head><body><p>页</p>${scripts}</body></html>`;
const tag = (src: string) => `<script type="module" src="${src}"></script>`;

describe('small self-contained scripts go into the page', () => {
  const files: Record<string, string> = {
    '/_astro/header.js': 'document.documentElement.dataset.font=localStorage.getItem("f")??"standard";',
    '/_astro/lazy.js': 'b.onclick=()=>import(`/_astro/reader-X.js`).then(r=>r.start());',
    '/_astro/form.js': 'import{t as e}from"./chunk.js";e();',
    '/_astro/side.js': 'import"./chunk.js";',
    '/_astro/relative.js': 'b.onclick=()=>import("./reader-X.js");',
    '/_astro/meta.js': 'new URL("x",import.meta.url);',
    '/_astro/ends.js': 'e.innerHTML="</script><b>";',
    '/_astro/big.js': `x="${'a'.repeat(INLINE_SCRIPT_MAX_BYTES)}";`,
  };
  const read = (src: string) => files[src];

  it('puts a self-contained script into the page, absolute dynamic imports and all', () => {
    const out = inlineSmallScripts(page(tag('/_astro/header.js') + tag('/_astro/lazy.js')), read);
    expect(out).not.toContain('src=');
    expect(inlineScripts(out)).toEqual([files['/_astro/header.js'], files['/_astro/lazy.js']]);
  });

  it('leaves as files the scripts that would break or load later inline, and those it cannot read', () => {
    for (const src of ['/form.js', '/side.js', '/relative.js', '/meta.js', '/ends.js', '/big.js'].map(
      (f) => `/_astro${f}`,
    ))
      expect(inlineSmallScripts(page(tag(src)), read), src).toBe(page(tag(src)));
    expect(inlineSmallScripts(page(tag('/_astro/gone.js')), read)).toBe(page(tag('/_astro/gone.js')));
    expect(notInlinable(files['/_astro/form.js']!)).toBe('a static import');
    expect(notInlinable(files['/_astro/header.js']!)).toBeUndefined();
  });

  it('hashes what a browser runs, never data blocks, into script-src', () => {
    const html = page(`<script type="module">run()</script><script type="application/ld+json">{"@context":1}</script>`);
    expect(scriptHashesOf(html)).toEqual([scriptHash('run()')]);
    const policy = contentSecurityPolicy([], scriptHashesOf(html));
    expect(policy).toContain(`script-src 'self' 'wasm-unsafe-eval' ${scriptHash('run()')};`);
    expect(policy).not.toMatch(/'unsafe-inline'/);
    expect(() => contentSecurityPolicy([], ["'unsafe-inline'"])).toThrow(/not a sha256 hash/);
  });
});
