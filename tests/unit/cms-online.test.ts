import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { adminConfig, onlineEditing, parseRepository } from '../../src/lib/cms-online.ts';
import { adminHtml } from '../../src/integrations/decap-cms.ts';

const production = {
  CMS_ONLINE_EDITING: 'github',
  REPOSITORY_URL: 'https://github.com/taishan-sfj/site',
  BRANCH: 'main',
  CONTEXT: 'production',
};

describe('parseRepository', () => {
  it('reads owner/name from the forms Netlify uses, without credentials', () => {
    expect(parseRepository('https://github.com/taishan-sfj/site')).toEqual({
      host: 'github.com',
      repo: 'taishan-sfj/site',
    });
    const withToken = parseRepository('https://x-access-token:v1.secret123@github.com/taishan-sfj/site.git');
    expect(withToken).toEqual({ host: 'github.com', repo: 'taishan-sfj/site' });
    expect(JSON.stringify(withToken)).not.toContain('secret');
    expect(parseRepository('git@github.com:taishan-sfj/site.git')).toEqual({
      host: 'github.com',
      repo: 'taishan-sfj/site',
    });
    expect(parseRepository('https://gitlab.com/group/site')).toEqual({ host: 'gitlab.com', repo: 'group/site' });
  });

  it('refuses what is not a repository address', () => {
    for (const url of [
      undefined,
      '',
      'not a url',
      'https://github.com/only-owner',
      'https://github.com/a/b/c',
      'file:///x/y',
    ])
      expect(parseRepository(url), String(url)).toBeUndefined();
  });
});

describe('onlineEditing', () => {
  it('is on for a production build on GitHub once the bureau has switched it on', () => {
    expect(onlineEditing(production)).toEqual({
      enabled: true,
      repo: 'taishan-sfj/site',
      branch: 'main',
      docsUrl: 'https://github.com/taishan-sfj/site/blob/main/docs/editing.md',
    });
  });

  it('says why it is off', () => {
    const reason = (env: Record<string, string | undefined>) => {
      const o = onlineEditing(env);
      return o.enabled ? 'on' : o.reason;
    };
    expect(reason({})).toBe('not-enabled');
    expect(reason({ ...production, CMS_ONLINE_EDITING: undefined })).toBe('not-enabled');
    expect(reason({ ...production, CMS_ONLINE_EDITING: 'git-gateway' })).toBe('unsupported');
    expect(reason({ ...production, CONTEXT: 'deploy-preview', BRANCH: 'cms/cases/x' })).toBe('preview');
    expect(reason({ ...production, REPOSITORY_URL: undefined })).toBe('no-repo');
    expect(reason({ ...production, BRANCH: '' })).toBe('no-repo');
    expect(reason({ ...production, REPOSITORY_URL: 'https://gitlab.com/group/site' })).toBe('not-github');
  });
});

describe('adminConfig', () => {
  const source =
    'locale: zh_Hans\nlocal_backend: true\nbackend:\n  name: github\nlists:\n  a: &names [x, y]\n  b: *names\n';

  it('adds the repository and branch when online editing is on, keeping the rest', () => {
    const config = parse(adminConfig(source, onlineEditing(production)));
    expect(config.backend).toEqual({ name: 'github', repo: 'taishan-sfj/site', branch: 'main' });
    expect(config.local_backend).toBe(true);
    expect(config.lists.b).toEqual(['x', 'y']);
  });

  it('leaves the source as it is when online editing is off', () => {
    expect(adminConfig(source, onlineEditing({}))).toBe(source);
  });
});

describe('adminHtml', () => {
  it('tells the gate whether online editing is on, and carries both Chinese explanations', () => {
    const off = adminHtml('/sfj/', onlineEditing({}));
    expect(off).toContain('data-online="off"');
    expect(off).toContain('data-decap-src="/sfj/admin/decap-cms.js"');
    expect(off).toContain('<script src="/sfj/admin/admin-gate.js"></script>');
    expect(off).toContain('本机编辑服务没有启动');
    expect(off).toContain('网站的线上编辑还没有开通');
    expect(off).toContain('href="/sfj/review/"');
    expect(off).not.toMatch(/<script>|<style>|style="/);
    const on = adminHtml('/', onlineEditing(production));
    expect(on).toContain('data-online="on"');
    expect(on).toContain('href="https://github.com/taishan-sfj/site/blob/main/docs/editing.md"');
  });
});
