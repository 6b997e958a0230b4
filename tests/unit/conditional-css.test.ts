/**
 * The CSS that folds a form's conditional questions before any script runs
 * (src/lib/forms/conditional-css.ts): one rule per condition, on the
 * attributes render.ts writes, true exactly when conditionHolds is. In
 * Chromium, with and without JavaScript: tests/e2e/apply.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { conditionalCss } from '../../src/lib/forms/conditional-css.ts';
import type { FieldDef, FormDef } from '../../src/lib/forms/definitions.ts';
import { renderForm } from '../../src/lib/forms/render.ts';
import { REQUEST_FORMS } from '../../src/lib/requests/forms.ts';

const form = (sections: FormDef['sections']): FormDef => ({
  type: 'mediation',
  title: '人民调解申请',
  action: '/api/mediation',
  sections,
});
/** The question the conditions below depend on: 为自己 or 为家人. */
const radios: FieldDef = {
  name: 'who',
  kind: 'radios',
  label: '为谁',
  options: ['self', 'other'].map((value) => ({ value, label: value })),
};

describe('the CSS that folds conditional questions', () => {
  it('hides a section or field while none of its values is chosen, by radio or by select', () => {
    const css = conditionalCss(
      form([
        { id: 'who', title: '为谁', fields: [radios] },
        {
          id: 'agent',
          title: '您的信息',
          showIf: { field: 'who', values: ['other'] },
          fields: [{ name: 'n', kind: 'text', label: '姓名' }],
        },
      ]),
    );
    expect(css).toBe(
      '.apply-form:not(:has(input[name="who"][value="other"]:checked,select[name="who"] option[value="other"]:checked)) ' +
        '[data-show-if="who"][data-show-values="other"]{display:none}',
    );
  });

  it('writes one rule per distinct condition, for every real form, each matching what render.ts marks', () => {
    for (const { def } of Object.values(REQUEST_FORMS)) {
      const css = conditionalCss(def);
      const marked = new Set(
        [
          ...String(renderForm(def, {}, { base: '/' })).matchAll(/data-show-if="([^"]+)" data-show-values="([^"]+)"/g),
        ].map((m) => `[data-show-if="${m[1]}"][data-show-values="${m[2]}"]`),
      );
      const targets = [
        ...css.matchAll(/\) (\[data-show-if="[^"]+"\]\[data-show-values="[^"]+"\])\{display:none\}/g),
      ].map((m) => m[1]);
      expect(new Set(targets), def.type).toEqual(marked);
      expect(targets.length, def.type).toBe(marked.size);
    }
    expect(conditionalCss(REQUEST_FORMS['legal-aid'].def)).toContain(
      '[data-show-if="forWhom"][data-show-values="other"]',
    );
  });

  it('fails the build for a condition CSS cannot follow: on typed text, on a missing field, with odd characters', () => {
    const on = (field: string, values = ['x']) =>
      form([
        {
          id: 's',
          title: 'S',
          fields: [
            radios,
            { name: 'note', kind: 'text', label: '备注' },
            { name: 'later', kind: 'text', label: 'L', showIf: { field, values } },
          ],
        },
      ]);
    expect(() => conditionalCss(on('note'))).toThrow('条件题目只能取决于单选或下拉选择，“note”是 text');
    expect(() => conditionalCss(on('nothing'))).toThrow('不存在的题目');
    expect(() => conditionalCss(on('who', ['a"]{}']))).toThrow('含有特殊字符');
  });

  it('is empty for a form without conditions', () => {
    expect(conditionalCss(form([{ id: 'who', title: '为谁', fields: [radios] }]))).toBe('');
  });
});
