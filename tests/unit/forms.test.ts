/**
 * The application schemas (src/lib/forms/): normalisation, identity numbers,
 * phones, names, free text, conditions, and a table of bad inputs that must
 * each be refused with a message saying how to fix them.
 */
import { describe, expect, it } from 'vitest';
import { checkIdCard, idCheckChar, ID_CARD_MESSAGES } from '../../src/lib/forms/id-card.ts';
import { checkPhone } from '../../src/lib/forms/phone.ts';
import { cleanLine, cleanName, cleanText, charCount } from '../../src/lib/forms/normalize.ts';
import { legalAidContactPhone, parseLegalAid } from '../../src/lib/requests/legal-aid/form.ts';
import { parseMediation } from '../../src/lib/requests/mediation/form.ts';
import {
  EXAMPLE_RECEIPT,
  formatReceipt,
  parseReceipt,
  receiptCode,
  receiptSlot,
  RECEIPT_ALPHABET,
} from '../../src/lib/requests/receipt.ts';
import { checkStatusQuery } from '../../src/lib/requests/status-query.ts';
import { beijingCompactDate as chinaDate } from '../../src/lib/time.ts';
import type { FormValues } from '../../src/lib/forms/definitions.ts';
import {
  HTML_PAYLOAD,
  legalAidForOther,
  legalAidSelf,
  makeId,
  makeIdEndingInX,
  mediation,
  withWrongCheckDigit,
} from '../fixtures/applications.ts';

const toFullWidth = (s: string) => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

function errorsOf(result: { ok: boolean; errors?: { field: string; message: string }[] }) {
  return result.ok ? [] : result.errors!;
}

describe('居民身份证号码', () => {
  it('computes the GB 11643 check character, including X', () => {
    // The standard's worked example: 11010519491231002X.
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(checkIdCard('11010519491231002X').ok).toBe(true);
    expect(checkIdCard(makeIdEndingInX()).ok).toBe(true);
  });
  it('accepts what people type: full-width digits, spaces, hyphens, lower-case x', () => {
    const id = makeIdEndingInX();
    for (const typed of [
      toFullWidth(id),
      id.toLowerCase(),
      `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`,
      `${id.slice(0, 6)}-${id.slice(6)}`,
      `\u3000${id}\u3000`,
    ]) {
      const r = checkIdCard(typed);
      expect(r, typed).toMatchObject({ ok: true, value: id });
    }
  });
  it('returns the birth date', () => {
    expect(checkIdCard(makeId('19650412'))).toMatchObject({ ok: true, birthDate: '1965-04-12' });
  });
  it.each([
    ['17 digits', makeId().slice(0, 17), 'length'],
    ['19 digits', `${makeId()}1`, 'length'],
    ['15-digit old number', '440781650412123', 'length15'],
    ['a letter inside', `${makeId().slice(0, 10)}A${makeId().slice(11)}`, 'characters'],
    ['X not at the end', `X${makeId().slice(1)}`, 'characters'],
    ['unknown province 99', makeId('19650412', '123', '990781'), 'region'],
    ['province 00', makeId('19650412', '123', '000781'), 'region'],
    ['30 February', makeId('19900230'), 'birthDate'],
    ['month 13', makeId('19901301'), 'birthDate'],
    ['born in 1899', makeId('18991231'), 'birthDate'],
    ['born in the future', makeId('20990101'), 'future'],
    ['wrong check digit', withWrongCheckDigit(makeId()), 'checkDigit'],
    ['empty', '   ', 'empty'],
    ['emoji', `${makeId().slice(0, 17)}😀`, 'characters'],
  ])('refuses %s', (_name, value, problem) => {
    expect(checkIdCard(value, new Date('2026-11-27T00:00:00Z'))).toEqual({ ok: false, problem });
    expect(ID_CARD_MESSAGES[problem as keyof typeof ID_CARD_MESSAGES]).toMatch(/请/);
  });
});

describe('phone numbers', () => {
  it.each([
    ['13800138000', '13800138000', 'mobile'],
    ['138 0013 8000', '13800138000', 'mobile'],
    ['138-0013-8000', '13800138000', 'mobile'],
    ['１３８００１３８０００', '13800138000', 'mobile'],
    ['+86 138 0013 8000', '13800138000', 'mobile'],
    ['0086 13800138000', '13800138000', 'mobile'],
    ['0750-5524538', '0750-5524538', 'landline'],
    ['(0750) 5524538', '0750-5524538', 'landline'],
    ['（０７５０）５５２４５３８', '0750-5524538', 'landline'],
    ['07505524538', '0750-5524538', 'landline'],
    ['020-12345678', '020-12345678', 'landline'],
    ['010 87654321', '010-87654321', 'landline'],
    ['0755-2345678', '0755-2345678', 'landline'],
  ])('accepts %s', (typed, value, kind) => {
    expect(checkPhone(typed)).toMatchObject({ ok: true, value, kind });
  });
  it.each([
    ['', 'empty'],
    ['5524538', 'noAreaCode'],
    ['12345678901', 'invalid'],
    ['1380013800', 'invalid'],
    ['138001380001', 'invalid'],
    ['0750-552453', 'invalid'],
    ['电话13800138000', 'characters'],
    ['138😀00138000', 'characters'],
  ])('refuses %j', (typed, problem) => {
    expect(checkPhone(typed)).toEqual({ ok: false, problem });
  });
});

describe('normalisation', () => {
  it('strips control, zero-width and bidi-override characters, keeps line breaks', () => {
    expect(cleanText('第一行\r\n\u0007第二\u200B行\u202E\n\n\n\n第三行\u0000')).toBe('第一行\n第二行\n\n第三行');
  });
  it('strips every character that draws nothing: Arabic letter mark, Mongolian vowel separator, tags, Hangul fillers', () => {
    const hidden = ['\u061C', '\u180E', '\u{E0001}', '\u{E0041}', '\u{E007F}', '\u115F', '\u1160', '\u3164', '\uFFA0'];
    for (const h of hidden) {
      expect(cleanText(`陈${h}大文`), h.codePointAt(0)!.toString(16)).toBe('陈大文');
      expect(cleanName(`陈${h}大文`), h.codePointAt(0)!.toString(16)).toBe('陈大文');
    }
    // A flag emoji's tag sequence loses its hidden letters but the visible black flag stays.
    expect(cleanText('🏴\u{E0067}\u{E0062}\u{E007F}')).toBe('🏴');
    // A name made only of fillers is empty, so the form asks for it again.
    expect(cleanName('\u3164\u3164')).toBe('');
  });
  it('folds spaces in one-line text', () => {
    expect(cleanLine('  台城街道\n 某某路\t12号  ')).toBe('台城街道 某某路 12号');
  });
  it('normalises names: full-width letters, middle dots, stray spaces between characters', () => {
    expect(cleanName('买买提•艾力')).toBe('买买提·艾力');
    expect(cleanName('买买提 ． 艾力')).toBe('买买提·艾力');
    expect(cleanName('陈 大文')).toBe('陈大文');
    expect(cleanName('ＪＯＨＮ　Ｓｍｉｔｈ')).toBe('JOHN Smith');
  });
  it('NFKC-normalises names, so two names that look the same are stored the same', () => {
    expect(cleanName('Rene\u0301')).toBe('René'); // e + combining accent → é
    expect(cleanName('Ren\u00E9')).toBe(cleanName('Rene\u0301'));
    expect(cleanName('ﬁona')).toBe('fiona');
    expect(cleanName('⑴陈')).toBe('(1)陈');
  });
  it('counts characters as people do', () => {
    expect(charCount('台山😀')).toBe(3);
  });
});

describe('legal-aid schema', () => {
  it('accepts a complete application for oneself and normalises it', () => {
    const r = parseLegalAid({ ...legalAidSelf(), phone: '１３８ ００１３ ８０００', idNumber: toFullWidth(makeId()) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.phone).toBe('13800138000');
    expect(r.data.idNumber).toBe(makeId());
    expect(r.data.urgent).toBe(false);
    expect(r.data.pledgeTruth).toBe(true);
    expect(legalAidContactPhone(r.data)).toBe('13800138000');
  });
  it('keeps HTML and script payloads as inert text', () => {
    const r = parseLegalAid(legalAidSelf());
    expect(r.ok && r.data.facts).toContain(HTML_PAYLOAD);
  });
  it('accepts an application for someone else, with economy answers typed in full width and with units', () => {
    const r = parseLegalAid(legalAidForOther());
    expect(r).toMatchObject({
      ok: true,
      data: {
        householdSize: 4,
        monthlyIncome: 3000,
        agentName: '买买提·艾力',
        agentPhone: '0750-5524538',
        urgent: true,
      },
    });
    if (r.ok) expect(legalAidContactPhone(r.data)).toBe('0750-5524538');
  });
  it('ignores the agent section when applying for oneself, even if it was filled', () => {
    const r = parseLegalAid({ ...legalAidSelf(), agentName: '<b>', agentIdNumber: '123' });
    expect(r.ok).toBe(true);
    expect(r.ok && r.data.agentName).toBeUndefined();
  });
  it('requires the agent section when applying for someone else', () => {
    const v = legalAidForOther();
    for (const k of ['agentName', 'agentIdNumber', 'agentPhone', 'agentRelation', 'agentReason']) delete v[k];
    expect(errorsOf(parseLegalAid(v)).map((e) => e.field)).toEqual([
      'agentName',
      'agentIdNumber',
      'agentPhone',
      'agentRelation',
      'agentReason',
    ]);
  });
  it('lets a criminal suspect leave the opposing party empty, and a detained person the phone', () => {
    expect(parseLegalAid({ ...legalAidForOther(), opponent: '' }).ok).toBe(true);
  });
  it('never asks for a hardship certificate: no field, no message mentions one except to say it is not needed', async () => {
    const { legalAidForm } = await import('../../src/lib/requests/legal-aid/form.ts');
    const text = JSON.stringify(legalAidForm);
    expect(text).not.toMatch(/上传|附件/);
    for (const m of text.matchAll(/[^，。；]*经济困难证明[^，。；]*/g)) expect(m[0]).toMatch(/不需要|不用/);
  });
  it('lists all errors of an empty form, in the order of the form', () => {
    const fields = errorsOf(parseLegalAid({})).map((e) => e.field);
    expect(fields).toEqual([
      'forWhom',
      'name',
      'idNumber',
      'town',
      'address',
      'matterType',
      'opponent',
      'stage',
      'facts',
      'exemptions',
      'pledgeTruth',
      'pledgeVerify',
      'contactTime',
    ]);
  });
});

describe('mediation schema', () => {
  it('accepts a complete request', () => {
    const r = parseMediation(mediation());
    expect(r.ok).toBe(true);
    expect(r.ok && r.data.facts).toContain(HTML_PAYLOAD);
  });
  it('asks no identity-card number', () => {
    const r = parseMediation({ ...mediation(), idNumber: 'x' });
    expect(r.ok && 'idNumber' in r.data).toBe(false);
  });
  it('keeps the chosen-mediator note only when the applicant chooses', () => {
    const r = parseMediation({ ...mediation(), mediatorNote: '想请村里的老支书' });
    expect(r.ok && r.data.mediatorNote).toBeUndefined();
    const r2 = parseMediation({ ...mediation(), mediator: 'choose', mediatorNote: '想请村里的老支书' });
    expect(r2.ok && r2.data.mediatorNote).toBe('想请村里的老支书');
  });
  it('accepts emoji in the account of what happened', () => {
    expect(
      parseMediation({ ...mediation(), facts: '对方天天半夜放音乐😡，我们全家都睡不好觉，说了很多次也没用。' }).ok,
    ).toBe(true);
  });
});

const LONG = '很'.repeat(10_000);

/** [form, description, change, field, message fragment] */
const BAD: [string, string, FormValues, string, RegExp][] = [
  ['legal-aid', 'invalid check digit', { idNumber: withWrongCheckDigit(makeId()) }, 'idNumber', /校验位/],
  ['legal-aid', 'impossible birth date', { idNumber: makeId('19900230') }, 'idNumber', /日期不存在/],
  ['legal-aid', '17 digits', { idNumber: makeId().slice(0, 17) }, 'idNumber', /18位/],
  ['legal-aid', '15-digit old number', { idNumber: '440781650412123' }, 'idNumber', /15位/],
  ['legal-aid', 'unknown province', { idNumber: makeId('19650412', '123', '990000') }, 'idNumber', /省份/],
  ['legal-aid', 'birth date in the future', { idNumber: makeId('20990101') }, 'idNumber', /晚于今天/],
  ['legal-aid', 'emoji in the id number', { idNumber: '😀' }, 'idNumber', /数字/],
  [
    'legal-aid',
    'agent id with a wrong check digit',
    { ...legalAidForOther(), agentIdNumber: withWrongCheckDigit(makeId('19700101', '456')) },
    'agentIdNumber',
    /校验位/,
  ],
  [
    'legal-aid',
    'agent id equal to the person’s',
    { ...legalAidForOther(), agentIdNumber: makeId('19990909', '317') },
    'agentIdNumber',
    /您自己的号码/,
  ],
  ['legal-aid', 'emoji in the name', { name: '陈大文😀' }, 'name', /表情/],
  ['legal-aid', 'digits in the name', { name: '陈大文2' }, 'name', /汉字、字母/],
  ['legal-aid', 'HTML in the name', { name: '<script>alert(1)</script>' }, 'name', /汉字、字母/],
  ['legal-aid', 'one-character name', { name: '陈' }, 'name', /至少要有2个字/],
  ['legal-aid', '31-character name', { name: '陈'.repeat(31) }, 'name', /最多30个字/],
  ['legal-aid', 'name starting with a middle dot', { name: '·艾力' }, 'name', /间隔号/],
  ['legal-aid', 'name with two middle dots together', { name: '买买提··艾力' }, 'name', /间隔号/],
  ['legal-aid', 'missing phone when applying for oneself', { phone: '' }, 'phone', /请填写联系电话/],
  ['legal-aid', 'landline without area code', { phone: '5524538' }, 'phone', /区号/],
  ['legal-aid', '12-digit mobile', { phone: '138001380001' }, 'phone', /11位/],
  ['legal-aid', 'unknown town', { town: 'atlantis' }, 'town', /不在可选范围/],
  ['legal-aid', 'missing town', { town: '' }, 'town', /请选择/],
  ['legal-aid', 'address too short', { address: '台城' }, 'address', /至少要写4个字/],
  ['legal-aid', '10,000-character address', { address: LONG }, 'address', /最多100个字，现在是10000个字/],
  ['legal-aid', '10,000-character facts', { facts: LONG }, 'facts', /最多2000个字，现在是10000个字/],
  ['legal-aid', 'facts too short', { facts: '欠钱' }, 'facts', /至少要写20个字/],
  [
    'legal-aid',
    'facts of control characters only',
    { facts: '\u0000\u0001\u0002\u200B'.repeat(30) },
    'facts',
    /请填写事情经过/,
  ],
  ['legal-aid', 'unknown matter type', { matterType: 'divorce-abroad' }, 'matterType', /不在可选范围/],
  ['legal-aid', 'missing opposing party in a civil matter', { opponent: '' }, 'opponent', /对方是谁/],
  ['legal-aid', 'HTML in the opposing party', { opponent: '<b>王老板</b>' }, 'opponent', /“<”或“>”/],
  ['legal-aid', 'arbitration without the body', { stage: 'arbitration' }, 'stageBody', /仲裁委员会/],
  ['legal-aid', 'missing truthfulness pledge', { pledgeTruth: undefined }, 'pledgeTruth', /诚信承诺/],
  ['legal-aid', 'pledge sent as “no”', { pledgeTruth: 'no' }, 'pledgeTruth', /诚信承诺/],
  ['legal-aid', 'missing authorisation to verify', { pledgeVerify: undefined }, 'pledgeVerify', /同意核查/],
  ['legal-aid', 'no exemption answer', { exemptions: [] }, 'exemptions', /以上都不是/],
  [
    'legal-aid',
    '“none” combined with an exemption',
    { exemptions: ['none', 'migrant-worker'] },
    'exemptions',
    /不能再选其他项/,
  ],
  ['legal-aid', 'unknown exemption', { exemptions: ['royalty'] }, 'exemptions', /不在可选范围/],
  [
    'legal-aid',
    'no household size when no exemption applies',
    { exemptions: ['none'], monthlyIncome: '2000', assets: 'no' },
    'householdSize',
    /几口人/,
  ],
  [
    'legal-aid',
    'income that is a range',
    { exemptions: ['none'], householdSize: '3', monthlyIncome: '三四千', assets: 'no' },
    'monthlyIncome',
    /没看懂“三四千”，请写一个数字，例如 1500/,
  ],
  [
    'legal-aid',
    'household with a half',
    { exemptions: ['none'], householdSize: '三口半', monthlyIncome: '2000', assets: 'no' },
    'householdSize',
    /没看懂“三口半”，请写一个数字，例如 3/,
  ],
  [
    'legal-aid',
    'household of 0',
    { exemptions: ['none'], householdSize: '0', monthlyIncome: '2000', assets: 'no' },
    'householdSize',
    /1到30/,
  ],
  ['legal-aid', 'missing contact time', { contactTime: '' }, 'contactTime', /方便接电话/],
  ['legal-aid', 'missing who applies', { forWhom: '' }, 'forWhom', /为自己申请/],
  ['legal-aid', 'economic note over 500 characters', { economicNote: '很'.repeat(501) }, 'economicNote', /最多500个字/],
  ['mediation', 'emoji in the name', { name: '李小梅🌸' }, 'name', /表情/],
  ['mediation', 'missing phone', { phone: '' }, 'phone', /联系电话/],
  ['mediation', 'phone with letters', { phone: '139abc45678' }, 'phone', /只能填数字/],
  ['mediation', 'unknown town', { town: 'hongkong' }, 'town', /不在可选范围/],
  ['mediation', 'unknown dispute town', { disputeTown: 'shenzhen' }, 'disputeTown', /不在可选范围/],
  ['mediation', 'missing other party', { otherName: '' }, 'otherName', /对方/],
  ['mediation', 'other party of one character', { otherName: '王' }, 'otherName', /至少要有2个字/],
  ['mediation', 'unknown dispute type', { disputeType: 'war' }, 'disputeType', /不在可选范围/],
  ['mediation', '10,000-character facts', { facts: LONG }, 'facts', /最多2000个字/],
  ['mediation', '10,000-character request', { request: LONG }, 'request', /最多500个字/],
  ['mediation', 'missing request', { request: '' }, 'request', /希望怎样解决/],
  ['mediation', 'missing voluntariness statement', { pledgeVoluntary: undefined }, 'pledgeVoluntary', /自愿申请调解/],
  ['mediation', 'unknown publicity option', { publicity: 'televised' }, 'publicity', /不在可选范围/],
  ['mediation', 'missing mediator choice', { mediator: undefined }, 'mediator', /调解员/],
  [
    'mediation',
    'other party’s contact over 100 characters',
    { otherContact: '很'.repeat(101) },
    'otherContact',
    /最多100个字/,
  ],
  ['mediation', 'emoji in the address', { address: '台城街道🏠某某路12号' }, 'address', /表情/],
];

describe(`${BAD.length} bad inputs, each refused with a message that says how to fix it`, () => {
  it('has at least 40 cases', () => expect(BAD.length).toBeGreaterThanOrEqual(40));
  it.each(BAD)('%s: %s', (form, _name, change, field, message) => {
    const base = form === 'legal-aid' ? legalAidSelf() : mediation();
    const values: FormValues = { ...base, ...change };
    for (const [k, v] of Object.entries(change)) if (v === undefined) delete values[k];
    const r = form === 'legal-aid' ? parseLegalAid(values) : parseMediation(values);
    expect(r.ok, `${form} ${_name} should be refused`).toBe(false);
    const error = errorsOf(r).find((e) => e.field === field);
    expect(error?.message, `errors: ${JSON.stringify(errorsOf(r))}`).toMatch(message);
    // Plain Chinese, no library jargon.
    expect(error!.message).not.toMatch(/expected|Invalid|received|Too (big|small)/);
  });
});

describe('full-width and hostile input that must pass', () => {
  it.each([
    ['full-width id and phone', { idNumber: toFullWidth(makeId()), phone: '１３９ １２３４ ５６７８' }],
    ['id with lower-case x', { idNumber: makeIdEndingInX().toLowerCase() }],
    ['landline with brackets', { phone: '（0750）5524538' }],
    ['minority name with a full-width dot', { name: '买买提．艾力' }],
    [
      'facts with HTML, emoji and line breaks',
      { facts: `${HTML_PAYLOAD}\n\n老板欠薪😡三个月，一直拖着不给，我们要吃饭。` },
    ],
  ])('%s', (_name, change) => {
    expect(parseLegalAid({ ...legalAidSelf(), ...change }).ok).toBe(true);
  });
});

describe('receipt numbers', () => {
  it('formats with the China date and twelve characters (60 bits) in groups of four', () => {
    const at = new Date('2026-11-26T16:30:00Z'); // 00:30 on 27 November in China
    expect(chinaDate(at)).toBe('20261127');
    expect(formatReceipt('legal-aid', at, '7K3Q9PABXM4T')).toBe('FY-20261127-7K3Q-9PAB-XM4T');
    expect(formatReceipt('mediation', at, '7K3Q9PABXM4T')).toBe('TJ-20261127-7K3Q-9PAB-XM4T');
    expect(receiptSlot('FY-20261127-7K3Q-9PAB-XM4T')).toBe('FY-7K3Q9PABXM4T');
    expect(EXAMPLE_RECEIPT).toBe(parseReceipt(EXAMPLE_RECEIPT));
  });
  it('uses an alphabet without I, L, O or U, and 60 random bits', () => {
    expect(RECEIPT_ALPHABET).not.toMatch(/[ILOU]/);
    expect(RECEIPT_ALPHABET).toHaveLength(32);
    expect(receiptCode(new Uint8Array(8).fill(255))).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    // Every one of the 60 bits changes the code.
    const base = receiptCode(new Uint8Array(8));
    for (let byte = 0; byte < 8; byte++)
      for (let bit = 0; bit < 8; bit++) {
        const b = new Uint8Array(8);
        b[byte] = 1 << bit;
        if (byte % 4 === 0 && bit >= 6) continue; // the top two bits of each 32-bit half are not used (2 × 30 = 60)
        expect(receiptCode(b), `${byte}.${bit}`).not.toBe(base);
      }
  });
  it('reads receipts as people type them', () => {
    for (const typed of [
      'FY-20261127-7K3Q-9PAB-XM4T',
      'fy-20261127-7k3q-9pab-xm4t',
      'FY 20261127 7K3Q 9PAB XM4T',
      'FY202611277K3Q9PABXM4T',
      'ＦＹ－２０２６１１２７－７Ｋ３Ｑ９ＰＡＢＸＭ４Ｔ',
      'FY-20261127-7K3Q9PABXM4T',
    ]) {
      expect(parseReceipt(typed), typed).toBe('FY-20261127-7K3Q-9PAB-XM4T');
    }
    expect(parseReceipt('TJ-20261127-7KOQ-ILAB-XM4T')).toBe('TJ-20261127-7K0Q-11AB-XM4T');
    // Receipts of six characters made before December 2026 stay readable.
    expect(parseReceipt('fy 20261127 7k3q9p')).toBe('FY-20261127-7K3Q9P');
    for (const bad of [
      '',
      'XX-20261127-7K3Q-9PAB-XM4T',
      'FY-2026112-7K3Q-9PAB-XM4T',
      'FY-20261127-7K3Q-9PAB-XM4',
      '<script>',
    ])
      expect(parseReceipt(bad), bad).toBeUndefined();
  });
  it('checks the status query fields', () => {
    expect(checkStatusQuery({ receipt: 'fy 20261127 7k3q 9pab xm4t', phone: '138-0013-8000' })).toEqual({
      receipt: 'FY-20261127-7K3Q-9PAB-XM4T',
      phone: '13800138000',
      errors: [],
    });
    expect(checkStatusQuery({}).errors.map((e) => e.field)).toEqual(['receipt', 'phone']);
    expect(
      checkStatusQuery({ receipt: 'abc', phone: '5524538' })
        .errors.map((e) => e.message)
        .join(),
    ).toMatch(/格式不对.*区号/);
  });
});
