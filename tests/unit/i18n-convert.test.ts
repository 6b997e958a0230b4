/**
 * The 繁體中文 converter (src/lib/i18n/convert.ts): OpenCC's s2hk chain written
 * small, exceptions first, and the cut-down dictionary that converts the
 * site's text exactly as the full one does.
 */
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { createConverter, cutDown, type Usage } from '../../src/lib/i18n/convert.ts';
import { openccDictionary } from '../../src/lib/i18n/opencc.ts';

const full = openccDictionary();
const convert = createConverter(full);

describe('the converter', () => {
  it('matches opencc-js s2hk (Hong Kong forms) on ordinary text', () => {
    const reference = OpenCC.Converter({ from: 'cn', to: 'hk' });
    const samples = [
      '台山市司法局把法制宣传、人民调解、安置帮教、社区矫正、法律援助、律师、公证七项服务送进村居。',
      '这里的里程是三公里；村里的干部干净利落地干预；头发、发现、发展；以后、皇后、后来。',
      '海外乡亲委托家里人办理继承公证，须经我国驻外使领馆认证或者办理附加证明书。',
      '网络平台应当及时删除；户口簿、身份证复印件；着急；系统；卫生；启动。',
    ];
    for (const s of samples) expect(convert(s)).toBe(reference(s));
  });

  it('writes the words the site needs the way Hong Kong and overseas readers expect', () => {
    expect(convert('中华人民共和国法律援助法')).toBe('中華人民共和國法律援助法');
    expect(convert('公证处')).toBe('公證處');
    expect(convert('台山市法律援助处')).toBe('台山市法律援助處');
    expect(convert('海外乡亲')).toBe('海外鄉親');
    expect(convert('家里')).toBe('家裏');
    expect(convert('邻里纠纷')).toBe('鄰里糾紛');
    expect(convert('干部')).toBe('幹部');
    expect(convert('干脆')).toBe('乾脆');
    expect(convert('干扰')).toBe('干擾');
    expect(convert('发现')).toBe('發現');
    expect(convert('头发')).toBe('頭髮');
    expect(convert('以后')).toBe('以後');
    expect(convert('皇后')).toBe('皇后');
  });

  it('applies exceptions first and lets nothing later change them', () => {
    const c = createConverter(
      openccDictionary([
        ['台山', '臺山'],
        ['发生', '發生'],
      ]),
    );
    expect(c('在台山赡养发生纠纷')).toBe('在臺山贍養發生糾紛');
    // Without the exception OpenCC cuts 养发 as one word (養髮).
    expect(convert('赡养发生纠纷')).toBe('贍養髮生糾紛');
  });

  it('leaves text without Chinese characters alone and converts astral-plane text safely', () => {
    expect(convert('tel:0750-5524538 <a href="/x/">')).toBe('tel:0750-5524538 <a href="/x/">');
    expect(convert('𠮷发')).toBe('𠮷發');
  });
});

describe('the cut-down dictionary', () => {
  it('converts the texts it was cut for exactly as the full dictionary, with a fraction of the entries', () => {
    const usage: Usage = new Map();
    const recording = createConverter(full, usage);
    const texts = ['村里的干部干预头发发展', '法律援助处在台城', '回执号和联系电话', '里程三公里'];
    const expected = texts.map((t) => recording(t));
    const small = cutDown(full, usage);
    const sizes = small.stages.map((s) => s.length);
    expect(sizes[0]).toBeLessThan(100);
    expect(texts.map(createConverter(small))).toEqual(expected);
  });
});
