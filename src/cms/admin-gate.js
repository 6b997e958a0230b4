// /admin/: start Decap CMS only where a backend can answer, otherwise say in
// Chinese what to do, instead of Decap's English login form.
//  - On this computer (localhost, 127.0.0.1), Decap uses decap-server
//    (`npm run cms`) at http://localhost:8081/api/v1 when it answers; under
//    `npm start` or `npm run dev` nothing answers there.
//  - On the deployed site, Decap signs in through GitHub when the build
//    turned online editing on (data-online="on", src/lib/cms-online.ts);
//    otherwise the page explains why it is off and what to do.
// The explanations are in the HTML (src/integrations/decap-cms.ts adminHtml);
// this script only picks one. A file of its own: the /admin/ CSP allows
// scripts from this origin only, and fetches to localhost:8081 (netlify.toml).

const LOCAL_HOSTS = ['localhost', '127.0.0.1'];
const PROBE_TIMEOUT_MS = 3000;

const gate = document.getElementById('cms-gate');

/** Whether decap-server answers its `info` action, as Decap itself asks it. */
async function localBackendAnswers(url) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), PROBE_TIMEOUT_MS);
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'info' }),
      signal: controller.signal,
    });
    if (!res.ok) return false;
    const info = await res.json();
    return typeof info.repo === 'string';
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

function startCms() {
  gate.hidden = true;
  const script = document.createElement('script');
  script.src = gate.dataset.decapSrc;
  document.body.append(script);
}

function explain(which) {
  const notice = gate.querySelector(`[data-when="${which}"]`);
  notice.hidden = false;
  gate.querySelector('[data-when="checking"]').hidden = true;
  document.title = `${notice.querySelector('h1').textContent} - 编辑后台`;
  notice.querySelector('h1').focus();
}

async function main() {
  if (LOCAL_HOSTS.includes(location.hostname)) {
    if (await localBackendAnswers(gate.dataset.localApi)) startCms();
    else explain('local');
  } else if (gate.dataset.online === 'on') {
    startCms();
  } else {
    explain('online');
  }
}

main();
