/**
 * What the forms say about their own rules: a field is labelled by when it is
 * needed, never （选填） when the schema requires it; length limits in the hint
 * come from the schema; errors say what was typed wrong (how many digits,
 * which position, which date, what number was understood).
 */
import { describe, expect, it } from 'vitest';
import {
  allFields,
  conditionHolds,
  type FieldDef,
  type FormDef,
  type FormValues,
} from '../../src/lib/forms/definitions.ts';
import { idCardMessage, checkIdCard } from '../../src/lib/forms/id-card.ts';
import { renderField, renderCheckAnswers, toFormValues } from '../../src/lib/forms/render.ts';
import { lengthHint, phoneDigitsMessage } from '../../src/lib/forms/wording.ts';
import { legalAidForm, parseLegalAid } from '../../src/lib/requests/legal-aid/form.ts';
import { mediationForm, parseMediation } from '../../src/lib/requests/mediation/form.ts';
import type { ParseResult } from '../../src/lib/forms/fields.ts';
import { legalAidForOther, legalAidSelf, makeId, mediation, withWrongCheckDigit } from '../fixtures/applications.ts';

type Parse = (v: FormValues) => ParseResult<unknown>;
const FORMS: [string, FormDef, Parse, () => FormValues][] = [
  ['legal aid for oneself', legalAidForm, parseLegalAid, legalAidSelf],
  ['legal aid for a relative', legalAidForm, parseLegalAid, legalAidForOther],
  ['mediation', mediationForm, parseMediation, mediation],
];

const field = (def: FormDef, name: string): FieldDef => allFields(def).find((f) => f.name === name)!;
const rendered = (def: FormDef, name: string, values: FormValues = {}) => String(renderField(field(def, name), values));
const errorOn = (r: ParseResult<unknown>, name: string) => (r.ok ? undefined : r.errors.find((e) => e.field === name));

describe('fields are labelled by when they are needed', () => {
  it.each(FORMS)('%s: no field marked （选填） is required', (_name, def, parse, fixture) => {
    for (const f of allFields(def).filter((x) => x.optional && !x.need)) {
      const values = { ...fixture() };
      delete values[f.name];
      expect(errorOn(parse(values), f.name), `${f.name} is marked （选填） but required`).toBeUndefined();
    }
  });

  it.each(FORMS)('%s: every field that may be left empty says so', (_name, def, parse, fixture) => {
    const base = fixture();
    for (const f of allFields(def).filter((x) => conditionHolds(x.showIf, base))) {
      const values = { ...base };
      delete values[f.name];
      if (parse(values).ok) expect(f.optional || f.need, `${f.name} may be empty but has no mark`).toBeTruthy();
    }
  });

  it('says when the legal-aid phone is needed, instead of （选填）', () => {
    const html = rendered(legalAidForm, 'phone');
    expect(html).toContain('（替家人申请的可以不填）');
    expect(html).not.toContain('选填');
    expect(errorOn(parseLegalAid({ ...legalAidSelf(), phone: '' }), 'phone')).toBeDefined();
    expect(parseLegalAid({ ...legalAidForOther(), phone: '' }).ok).toBe(true);
  });

  it('marks the economy answers as needed after “以上都不是”, and truly optional fields （选填）', () => {
    for (const name of ['householdSize', 'monthlyIncome', 'assets'])
      expect(rendered(legalAidForm, name)).toContain('（上面选了“以上都不是”的要');
    expect(rendered(legalAidForm, 'economicNote')).toContain('（选填）');
    expect(rendered(mediationForm, 'disputePlace')).toContain('（选填）');
  });
});

describe('length limits in the hint come from the schema', () => {
  it('words the limits', () => {
    expect(lengthHint({ min: 20, max: 2000 })).toBe('至少写20个字，最多2000个字');
    expect(lengthHint({ min: 0, max: 100 })).toBe('最多写100个字');
    expect(lengthHint({ min: 2, max: 60 })).toBe('最多写60个字');
  });

  it.each([
    ['legal aid', 'facts', legalAidForm, '至少写20个字，最多2000个字'],
    ['legal aid', 'address', legalAidForm, '至少写4个字，最多100个字'],
    ['legal aid', 'economicNote', legalAidForm, '最多写500个字'],
    ['legal aid', 'opponent', legalAidForm, '最多写60个字'],
    ['mediation', 'facts', mediationForm, '至少写20个字，最多2000个字'],
    ['mediation', 'request', mediationForm, '至少写4个字，最多500个字'],
    ['mediation', 'contactNote', mediationForm, '最多写100个字'],
  ])('%s: the hint of %s', (_form, name, def, words) => {
    const html = rendered(def, name);
    const hint = html.match(/<p class="field__hint"[^>]*>([^<]*)<\/p>/)?.[1];
    expect(hint).toContain(words);
  });

  it('counts a textarea to the same maximum the schema checks', () => {
    expect(rendered(legalAidForm, 'facts')).toContain('data-max-chars="2000"');
    expect(rendered(mediationForm, 'request')).toContain('data-max-chars="500"');
    const tooLong = parseMediation({ ...mediation(), request: '很'.repeat(501) });
    expect(errorOn(tooLong, 'request')?.message).toContain('最多500个字，现在是501个字');
  });

  it('says how many characters were written when there are too few', () => {
    expect(errorOn(parseLegalAid({ ...legalAidSelf(), facts: '老板欠钱' }), 'facts')?.message).toBe(
      '请再多写一点：事情经过至少要写20个字，现在是4个字',
    );
  });
});

describe('errors say what was typed wrong', () => {
  it.each([
    ['1380013800', '您填了10位数字，手机号码是11位'],
    ['138 0013 80001', '您填了12位数字，手机号码是11位'],
    ['0750-552453', '您填了10位数字：固定电话是区号'],
  ])('phone %j: %s', (typed, words) => {
    expect(phoneDigitsMessage(typed)).toContain(words);
    expect(errorOn(parseMediation({ ...mediation(), phone: typed }), 'phone')?.message).toContain(words);
  });

  it('leaves numbers written with + to the phone checker’s own message', () => {
    expect(phoneDigitsMessage('+1 415 555 0100')).toBeUndefined();
  });

  const today = new Date('2026-12-06T00:00:00Z');
  const problemOf = (id: string) => {
    const r = checkIdCard(id, today);
    if (r.ok) throw new Error(`${id} is valid`);
    return r.problem;
  };
  it.each([
    ['17 characters', makeId().slice(0, 17), '您填了17位，身份证号码应该是18位'],
    ['the letter O for a zero', `${makeId().slice(0, 10)}O${makeId().slice(11)}`, '第11位是“O”（是不是数字0？）'],
    ['an impossible date', makeId('19901301'), '您填的是1990年13月1日，这个日期不存在'],
    ['born before 1900', makeId('18991231'), '您填的是1899年12月31日，早于1900年'],
    ['born in the future', makeId('20990101'), '2099年1月1日，晚于今天'],
    ['an unknown province', makeId('19650412', '123', '990781'), '前两位是“99”'],
  ])('identity number with %s', (_name, id, words) => {
    expect(idCardMessage(id, problemOf(id))).toContain(words);
  });

  it('shows a number with a wrong check character in its parts, but never the character that would fit', () => {
    const id = withWrongCheckDigit(makeId('19650412', '248'));
    const message = idCardMessage(id, problemOf(id));
    expect(message).toContain('校验位');
    expect(message).toContain(`${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14, 17)} ${id[17]}`);
    expect(message).toContain('出生日期是1965年4月12日');
    expect(message).not.toMatch(/应该是|应为/);
  });

  it('names the characters that cannot be in a name', () => {
    const r = parseLegalAid({ ...legalAidSelf(), name: '陈大文3@' });
    expect(errorOn(r, 'name')?.message).toContain('“3”“@”不能填在这里');
  });

  it('quotes a number it could not read, and says what it understood when out of range', () => {
    const v = { ...legalAidSelf(), exemptions: ['none'], assets: 'no', monthlyIncome: '1500' };
    expect(errorOn(parseLegalAid({ ...v, householdSize: '三口半' }), 'householdSize')?.message).toBe(
      '没看懂“三口半”，请写一个数字，例如 3',
    );
    expect(errorOn(parseLegalAid({ ...v, householdSize: '一百' }), 'householdSize')?.message).toBe(
      '家庭人口应在1到30口人之间。您填的是“一百”，我们读作100口人，请检查是否多写或少写了位数',
    );
    expect(errorOn(parseLegalAid({ ...v, householdSize: '2.5' }), 'householdSize')?.message).toContain('要写整数');
    expect(
      errorOn(parseLegalAid({ ...v, householdSize: '3', monthlyIncome: '-5' }), 'monthlyIncome')?.message,
    ).toContain('不能是负数');
  });
});

describe('the check-answers page shows the number that was understood', () => {
  it.each([
    ['三口人', '一千五', '3 口人', '1500 元'],
    ['3人', '1.5万', '3 口人', '15000 元'],
    ['３', '2,500', '3 口人', '2500 元'],
    ['一家四口', '一万二', '4 口人', '12000 元'],
  ])('%s, %s → %s, %s', (size, income, shownSize, shownIncome) => {
    const r = parseLegalAid({
      ...legalAidSelf(),
      exemptions: ['none'],
      assets: 'no',
      householdSize: size,
      monthlyIncome: income,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const html = String(
      renderCheckAnswers(legalAidForm, toFormValues(legalAidForm, r.data as Record<string, unknown>), {
        base: '/',
        key: 'k',
      }),
    );
    // As read on the page: typed values sit in their own element (data-verbatim, kept as typed on the 繁體 site).
    const text = html.replace(/<[^>]+>/g, '');
    expect(text).toContain(shownSize);
    expect(text).toContain(shownIncome);
    // The hidden fields carry the number, so the confirmed application holds it too.
    expect(html).toMatch(/name="householdSize" value="\d+"/);
  });
});
