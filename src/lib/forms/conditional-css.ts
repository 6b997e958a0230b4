/**
 * The conditional questions of a form as CSS: a question that applies only
 * when another is answered a certain way (showIf) is not displayed until it
 * is, before any script has run and without JavaScript at all.
 *
 * Why: the form page's script (src/components/ApplyForm/conditionals.ts)
 * folds away the questions that do not apply, but it runs after the page is
 * shown; on a slow connection the reader saw the 法律援助 form's 代为申请
 * section, then watched it fold away and the rest of the form jump up
 * (Lighthouse measured a layout shift of 0.10 when the script loaded after
 * the first paint). With these rules the page is painted already folded,
 * and the script's own `hidden` agrees with them, so nothing moves.
 *
 * The rules use `:has()` (Chromium 105, Safari 15.4, Firefox 121); a
 * browser without it ignores them and shows every question, as before, and
 * the server drops the answers to those that do not apply. They follow the
 * same test as conditionHolds (definitions.ts): the field's chosen value is
 * one of the values. Radio buttons and selects are what conditions are
 * written on; any other kind of field fails the build here, since CSS cannot
 * see what was typed.
 */
import { allFields, type Condition, type FieldDef, type FormDef } from './definitions.ts';

/** Names and values go into CSS strings as they are: letters, digits, _ and - only. */
const PLAIN = /^[\w-]+$/;

/** The one selector that matches a form where `cond` holds: a checked radio or a selected option with one of the values. */
function chosen(cond: Condition): string {
  return cond.values
    .flatMap((v) => [
      `input[name="${cond.field}"][value="${v}"]:checked`,
      `select[name="${cond.field}"] option[value="${v}"]:checked`,
    ])
    .join(',');
}

/**
 * The CSS that hides each conditional question of `def` (its sections and
 * fields, as render.ts marks them with data-show-if and data-show-values)
 * while its condition does not hold. Empty for a form without conditions.
 */
export function conditionalCss(def: FormDef): string {
  const fields = new Map<string, FieldDef>(allFields(def).map((f) => [f.name, f]));
  const conditions = [...def.sections, ...def.sections.flatMap((s) => s.fields)].flatMap((x) => x.showIf ?? []);
  const seen = new Set<string>();
  const rules: string[] = [];
  for (const cond of conditions) {
    const kind = fields.get(cond.field)?.kind;
    if (kind !== 'radios' && kind !== 'select')
      throw new Error(
        `表单 ${def.type}：条件题目只能取决于单选或下拉选择，“${cond.field}”是 ${kind ?? '不存在的题目'} / form ${def.type}: a condition must be on radios or a select, "${cond.field}" is ${kind ?? 'missing'}`,
      );
    for (const name of [cond.field, ...cond.values])
      if (!PLAIN.test(name))
        throw new Error(
          `表单 ${def.type}：条件里的“${name}”含有特殊字符 / form ${def.type}: "${name}" in a condition is not plain`,
        );
    const target = `[data-show-if="${cond.field}"][data-show-values="${cond.values.join(' ')}"]`;
    if (seen.has(target)) continue;
    seen.add(target);
    rules.push(`.apply-form:not(:has(${chosen(cond)})) ${target}{display:none}`);
  }
  return rules.join('');
}
