/**
 * “方便接电话的时间” on both forms: the caller's own clock and part of the day,
 * one schema for page and function, and the Beijing time staff read.
 */
import { describe, expect, it } from 'vitest';
import { parseLegalAid } from '../../src/lib/requests/legal-aid/form.ts';
import { parseMediation } from '../../src/lib/requests/mediation/form.ts';
import { renderCheckAnswers, renderField } from '../../src/lib/forms/render.ts';
import { fieldByName } from '../../src/lib/forms/definitions.ts';
import { REQUEST_FORMS } from '../../src/lib/requests/forms.ts';
import { callbackWords, exportCsv, personalRows } from '../../src/lib/staff/desk-format.ts';
import type { RecordSummary } from '../../src/lib/staff/records.ts';
import { callbackFromNewYork, legalAidSelf, mediation, mediationFromAbroad } from '../fixtures/applications.ts';

const errorsOf = (r: { ok: boolean; errors?: { field: string; message: string }[] }) => (r.ok ? [] : r.errors!);

describe('the call-back question', () => {
  it('is optional and needs no script: 北京时间 is chosen before the reader chooses', () => {
    for (const kind of ['legal-aid', 'mediation'] as const) {
      const zone = fieldByName(REQUEST_FORMS[kind].def, 'callbackZone')!;
      const out = String(renderField(zone, {}));
      expect(out).toMatch(/<option value="Asia\/Shanghai" selected>北京时间<\/option>/);
      expect(out).not.toContain('请选择');
      expect(out).toContain('美国东部（纽约）');
      const window = String(renderField(fieldByName(REQUEST_FORMS[kind].def, 'callbackWindow')!, {}));
      expect(window).toContain('type="radio"');
      expect(window).toContain('晚上（7点到10点）');
    }
    expect(parseLegalAid(legalAidSelf()).ok).toBe(true);
    expect(parseMediation({ ...mediation(), callbackZone: 'Asia/Shanghai' }).ok).toBe(true);
  });

  it('keeps the caller’s zone and part of the day, sealed with the rest', () => {
    const r = parseMediation(mediationFromAbroad());
    expect(r.ok && [r.data.callbackZone, r.data.callbackWindow]).toEqual(['America/New_York', 'morning']);
    const l = parseLegalAid({ ...legalAidSelf(), ...callbackFromNewYork() });
    expect(l.ok && l.data.callbackWindow).toBe('morning');
  });

  it('asks a caller abroad for a time, in plain Chinese, on both forms', () => {
    for (const parse of [parseLegalAid, parseMediation] as const) {
      const base = parse === parseLegalAid ? legalAidSelf() : mediation();
      const errors = errorsOf(parse({ ...base, callbackZone: 'Europe/London' }));
      expect(errors).toEqual([{ field: 'callbackWindow', message: expect.stringMatching(/上午、下午或晚上/) }]);
      expect(errorsOf(parse({ ...base, callbackZone: 'Mars/Olympus', callbackWindow: 'morning' }))).toEqual([
        { field: 'callbackZone', message: expect.stringMatching(/不在可选范围/) },
      ]);
      expect(errorsOf(parse({ ...base, callbackWindow: 'midnight' }))[0]?.field).toBe('callbackWindow');
    }
  });

  it('shows the check step as the caller chose it, on their own clock', () => {
    const out = String(renderCheckAnswers(REQUEST_FORMS.mediation.def, mediationFromAbroad(), { base: '/', key: 'k' }));
    expect(out).toContain('美国东部（纽约）');
    expect(out).toContain('上午（9点到12点）');
    expect(out).not.toContain('北京时间 ');
  });
});

describe('call-back times for staff, in Beijing time', () => {
  it('converts with the caller’s summer time on the day they applied', () => {
    // New York is UTC−5 in December, UTC−4 in July (EDT).
    expect(callbackWords('America/New_York', 'morning', '2026-12-10T15:00:00Z')).toBe(
      '北京时间 22:00–次日01:00（对方当地 09:00–12:00，美国东部（纽约））',
    );
    expect(callbackWords('America/New_York', 'morning', '2026-07-10T15:00:00Z')).toBe(
      '北京时间 21:00–24:00（对方当地 09:00–12:00，美国东部（纽约））',
    );
    expect(callbackWords('America/Los_Angeles', 'evening', '2026-07-10T15:00:00Z')).toBe(
      '北京时间 10:00–13:00（对方当地 19:00–22:00，美国西部（洛杉矶、旧金山））',
    );
    expect(callbackWords('Asia/Hong_Kong', 'afternoon', '2026-12-10T03:00:00Z')).toBe(
      '北京时间 14:00–18:00（对方当地 14:00–18:00，香港）',
    );
    expect(callbackWords('Asia/Shanghai', 'evening', '2026-12-10T03:00:00Z')).toBe('北京时间 19:00–22:00');
    expect(callbackWords(undefined, 'morning', '2026-12-10T03:00:00Z')).toBe('北京时间 09:00–12:00');
    expect(callbackWords('America/New_York', undefined)).toBe('');
  });

  it('uses the caller’s calendar day, not Beijing’s, around the summer-time change', () => {
    // 2027-03-14 is the first day of EDT. Applying at 2027-03-14T03:00Z is still
    // 13 March in New York (EST), though already 14 March in Beijing.
    expect(callbackWords('America/New_York', 'morning', '2027-03-14T03:00:00Z')).toMatch(/^北京时间 22:00–/);
    expect(callbackWords('America/New_York', 'morning', '2027-03-14T15:00:00Z')).toMatch(/^北京时间 21:00–/);
  });

  it('is what the desk and the CSV show', () => {
    const r = parseMediation(mediationFromAbroad());
    if (!r.ok) throw new Error('fixture');
    const at = '2026-12-10T15:00:00Z';
    const rows = personalRows('mediation', r.data, at);
    const words = '北京时间 22:00–次日01:00（对方当地 09:00–12:00，美国东部（纽约））';
    expect(rows.find((x) => x.name === 'callbackWindow')).toEqual({
      name: 'callbackWindow',
      label: '方便接电话的时间',
      value: words,
    });
    const summary: RecordSummary = {
      receipt: 'TJ-20261210-7K3Q9P',
      formType: 'mediation',
      town: 'duhu',
      category: 'neighbour',
      createdAt: at,
      updatedAt: at,
      status: '已收到',
      history: [{ status: '已收到', at, by: 'system' }],
      corrections: 0,
      lang: 'zh-Hant',
      kid: 'k',
      dueOn: null,
      verified: true,
    };
    const csv = exportCsv([{ summary, data: r.data }], new Date(at));
    expect(csv).toContain('"方便接电话的时间"');
    expect(csv).toContain(`"${words}"`);
  });
});
