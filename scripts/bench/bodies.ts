/**
 * What the function benchmarks submit: one legal-aid and one mediation
 * application as the form pages post them (JSON), shared by
 * scripts/bench-functions.ts (load) and scripts/bench/submission-phases.ts
 * (one submission, phase by phase), so both measure the same work.
 */
import { idCheckChar } from '../../src/lib/forms/id-card.ts';
import type { RequestTypeId } from '../../src/lib/requests/registry.ts';

const first17 = '44078119650412123';

export const legalAidBody = {
  forWhom: 'self',
  name: '陈大文',
  idNumber: first17 + idCheckChar(first17),
  phone: '13800138000',
  town: 'taicheng',
  address: '台城街道某某路12号',
  matterType: 'labour',
  opponent: '姓王的包工头',
  stage: 'none',
  facts: '我在工地干了三个月，老板一直拖欠工资，一共一万二千元。',
  exemptions: ['migrant-worker'],
  pledgeTruth: 'yes',
  pledgeVerify: 'yes',
  contactTime: 'any',
};

export const mediationBody = {
  name: '李小梅',
  phone: '13912345678',
  town: 'duhu',
  otherName: '隔壁的陈伯',
  otherWilling: 'unknown',
  disputeType: 'neighbour',
  disputeTown: 'duhu',
  facts: '隔壁新建房屋把排水沟改到我家门口，下雨时水都流进我家院子里。',
  request: '希望把排水沟改回原来的位置',
  proceedings: 'none',
  mediator: 'assign',
  publicity: 'private',
  contactTime: 'any',
  pledgeVoluntary: 'yes',
};

/** A POST of the body to its kind's endpoint, as the page script sends it. */
export function submissionRequest(formType: RequestTypeId, body: object): Request {
  return new Request(`http://localhost/api/${formType}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** The i-th submission of a run: legal aid and mediation alternately, each with its own idempotency key. */
export function benchSubmission(
  i: number,
  tag: string,
): { formType: RequestTypeId; phone: string; body: object; request: Request } {
  const isLegalAid = i % 2 === 0;
  const body = {
    ...(isLegalAid ? legalAidBody : mediationBody),
    _key: `bench-${tag}-${i}-${Math.random().toString(36).slice(2, 12)}`,
  };
  const formType: RequestTypeId = isLegalAid ? 'legal-aid' : 'mediation';
  return { formType, phone: body.phone, body, request: submissionRequest(formType, body) };
}
