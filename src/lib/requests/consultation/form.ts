/**
 * 法律咨询 (an online legal question): the questions and the one zod schema
 * used by the page script, the function and the tests.
 *
 * Short on purpose: the question, what it is about, where, and how the answer
 * should come. No name is required (a 称呼 is optional, for the call) and no
 * identity number is asked: an answer needs the story, not the person's
 * papers (个人信息保护法第六条: collect the least the purpose needs). The phone
 * is required whatever the channel: the answer is read with receipt and phone.
 *
 * Where the bureau has published village legal adviser's service days
 * (src/lib/consult/service-days.ts), 当面咨询 offers their upcoming slots and
 * one must be chosen; the slot is checked against the same schedule here
 * (unknown or past: refused), and its capacity when it is stored (one SQL
 * statement, src/lib/store/requests.ts). No schedule: staff call to arrange,
 * as before. The form therefore depends on the schedule and the day
 * (consultationFormFor); the function builds it per request.
 */
import * as z from '../../forms/zod.ts';
import {
  choice,
  describeLimits,
  line,
  parseForm,
  phone,
  text,
  town,
  TOWN_OPTIONS,
  type FieldDef,
  type FormDef,
  type FormValues,
} from '../../forms/fields.ts';
import { requestPaths } from '../types.ts';
import type { RequestForm } from '../forms.ts';
import {
  checkBooking,
  SCHEDULE,
  SLOT_ID_MAX,
  slotOptions,
  upcoming,
  type ServiceDayEntry,
} from '../../consult/service-days.ts';
import { beijingDate } from '../../time.ts';
import { CHANNEL_OPTIONS, consultation, TOPIC_OPTIONS } from './index.ts';

export const TOPIC_VALUES = TOPIC_OPTIONS.map((o) => o.value) as [string, ...string[]];
export const CHANNELS = ['online', 'phone', 'visit'] as const;
export const CALL_TIMES = ['any', 'morning', 'afternoon'] as const;

const consultationQuestions: FormDef = {
  type: consultation.id,
  title: '法律咨询',
  action: requestPaths(consultation.id).api,
  sections: [
    {
      id: 'question',
      title: '您想咨询什么？',
      fields: [
        {
          name: 'question',
          kind: 'textarea',
          label: '您的问题',
          hint: '用平常的话写：发生了什么事，现在怎么样了，您想知道什么。不必写真实姓名、身份证号码和详细住址。',
          rows: 8,
        },
        { name: 'topic', kind: 'select', label: '问题大概属于哪一类？', short: '问题类别', options: TOPIC_OPTIONS },
        {
          name: 'town',
          kind: 'select',
          label: '您在哪个镇（街）？',
          short: '所在镇（街）',
          hint: '不住在台山的，选事情发生的地方',
          options: TOWN_OPTIONS,
        },
      ],
    },
    {
      id: 'answer',
      title: '怎样答复您',
      fields: [
        { name: 'channel', kind: 'radios', label: '希望怎样得到答复？', short: '答复方式', options: CHANNEL_OPTIONS },
        // The service-day slots come here when a schedule is published (withSlots below).
        {
          name: 'phone',
          kind: 'text',
          label: '联系电话',
          hint: '查看网上答复要用这个号码；电话回复和约当面咨询时，工作人员会打这个电话',
          autocomplete: 'tel',
          inputmode: 'tel',
          width: 'm',
        },
        {
          name: 'callTime',
          kind: 'radios',
          label: '什么时间方便接电话？',
          short: '方便接电话的时间',
          need: '选电话回复或当面咨询的请选',
          options: [
            { value: 'any', label: '工作时间都可以' },
            { value: 'morning', label: '上午' },
            { value: 'afternoon', label: '下午' },
          ],
          showIf: { field: 'channel', values: ['phone', 'visit'] },
        },
        {
          name: 'caller',
          kind: 'text',
          label: '怎么称呼您？',
          short: '称呼',
          hint: '例如：陈女士、李伯。不想留的可以不填',
          optional: true,
          width: 'm',
        },
      ],
    },
  ],
};

/** The slot question: the upcoming service days' slots, shown when 当面咨询 is chosen. */
function slotField(days: readonly ServiceDayEntry[]): FieldDef {
  return {
    name: 'slot',
    kind: 'radios',
    label: '约哪个服务日时段？',
    short: '服务日时段',
    hint: '村居法律顾问服务日，律师到村（社区）当面解答。请选一个时段，按时到场；提交后工作人员会打电话确认。',
    need: '选当面咨询的请选',
    options: slotOptions(days),
    showIf: { field: 'channel', values: ['visit'] },
  };
}

/** The questions, with the slot question after 答复方式 when there are days to book. */
function withSlots(def: FormDef, days: readonly ServiceDayEntry[]): FormDef {
  if (days.length === 0) return def;
  return {
    ...def,
    sections: def.sections.map((s) => ({
      ...s,
      fields: s.fields.flatMap((f) => (f.name === 'channel' ? [f, slotField(days)] : [f])),
    })),
  };
}

const consultationObject = z.object({
  question: text('您的问题', 10, 2000),
  topic: choice(TOPIC_VALUES, '问题的类别'),
  town: town('您所在的镇（街）'),
  channel: choice(CHANNELS, '希望怎样得到答复'),
  phone: phone(),
  callTime: z.pipe(
    z.transform((v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined)),
    z.optional(z.enum(CALL_TIMES, { error: '方便接电话的时间不在可选范围内，请从列表中重新选择' })),
  ),
  caller: line('称呼', 1, 20, false),
  /** A service-day slot id (src/lib/consult/service-days.ts), checked against the schedule below. */
  slot: z.pipe(
    z.transform((v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined)),
    z.optional(
      z
        .string({ error: '服务日时段不在可选范围内，请从列表中重新选择' })
        .check(z.maxLength(SLOT_ID_MAX, { error: '服务日时段不在可选范围内，请从列表中重新选择' })),
    ),
  ),
});

/**
 * The schema for a schedule on a day (YYYY-MM-DD, Beijing): 当面咨询 needs a
 * slot when there are upcoming days, and a slot must be one of the schedule's,
 * not past (checkBooking; whether it is full is known only when storing).
 */
export function consultationSchemaFor(days: readonly ServiceDayEntry[], today: string) {
  const offered = upcoming(days, today).length > 0;
  return consultationObject.check(
    z.superRefine(
      (v, ctx) => {
        if ((v.channel === 'phone' || v.channel === 'visit') && !v.callTime)
          ctx.addIssue({ code: 'custom', path: ['callTime'], message: '请选择方便接电话的时间' });
        if (v.channel !== 'visit') return;
        if (!v.slot) {
          if (offered) ctx.addIssue({ code: 'custom', path: ['slot'], message: '请选择一个服务日时段' });
          return;
        }
        const booking = checkBooking(days, v.slot, today, 0);
        if (!booking.ok) ctx.addIssue({ code: 'custom', path: ['slot'], message: booking.message });
      },
      { when: () => true },
    ),
  );
}

export type ConsultationInput = z.input<typeof consultationObject>;
export type Consultation = z.output<typeof consultationObject>;

/** The request form for a schedule on a day: the questions (with the slots to book) and the schema. */
export function consultationFormFor(days: readonly ServiceDayEntry[], today: string): RequestForm<Consultation> {
  const schema = consultationSchemaFor(days, today);
  const def = describeLimits(withSlots(consultationQuestions, upcoming(days, today)), consultationObject);
  return {
    def,
    parse(values) {
      const r = parseForm(def, schema, values);
      // A slot only belongs to 当面咨询 (without a schedule the question is not there to drop it).
      if (r.ok && r.data.channel !== 'visit') delete r.data.slot;
      return r;
    },
    routing: (c) => ({ town: c.town, category: c.topic, phone: c.phone ?? '' }),
  };
}

/**
 * The questions as the desk reads a stored consultation (its record view and
 * CSV export): every slot of the schedule, past days too, since a record keeps
 * its slot after the day. `upcoming` from the earliest date is every day, in order.
 */
export function consultationRecordDef(days: readonly ServiceDayEntry[]): FormDef {
  return describeLimits(withSlots(consultationQuestions, upcoming(days, '0000-01-01')), consultationObject);
}

/**
 * The form for the published schedule as of when this module loads: the
 * static form page (at build time) and the page script (in the browser). The
 * function builds its own per request (the requestForm() function of ../forms.ts).
 */
export const requestForm = consultationFormFor(SCHEDULE, beijingDate(new Date()));
export const consultationForm: FormDef = requestForm.def;

export function parseConsultation(values: FormValues) {
  return requestForm.parse(values);
}
