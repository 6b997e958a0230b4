/**
 * The read-aloud check, run on every page with the display settings (one
 * script per content page: the case-article budget counts requests). It shows
 * the 朗读 button only where the browser has a Chinese voice, and loads the
 * reader (reader.ts) when the button is pressed, so a page pays a few hundred
 * bytes until someone wants it read.
 *
 * The reader is built as a file of its own (`?worker&url`: bundled, minified,
 * an address back) and imported by that address. A plain `import('./reader.ts')`
 * would make the bundler add its preload helper, a second script on every
 * page. The reader listens for `read-aloud:start` on the box.
 */
import readerUrl from './reader.ts?worker&url';

const CHINESE = /^(zh|cmn|yue)([-_]|$)/i;

/** The voice to read with: Mandarin of the mainland first, then any Chinese voice. */
function chineseVoice(synth: SpeechSynthesis): SpeechSynthesisVoice | undefined {
  const voices = synth.getVoices().filter((v) => CHINESE.test(v.lang));
  return voices.find((v) => /^zh[-_]cn$/i.test(v.lang)) ?? voices[0];
}

function setUp(): void {
  const box = document.querySelector<HTMLElement>('[data-read-aloud]');
  const synth = 'speechSynthesis' in window ? window.speechSynthesis : undefined;
  if (!box || !synth) return;
  // Voices may arrive after the page (Chrome loads them late): look again when they change.
  const reveal = () => {
    if (chineseVoice(synth)) box.hidden = false;
  };
  reveal();
  synth.addEventListener('voiceschanged', reveal);
  box.querySelector('[data-ra-start]')?.addEventListener('click', () => {
    const voice = chineseVoice(synth);
    if (!voice) return;
    void import(/* @vite-ignore */ readerUrl).then(() =>
      box.dispatchEvent(new CustomEvent('read-aloud:start', { detail: { synth, voice } })),
    );
  });
}

// A module script runs once the page is parsed (header.ts imports this one), so the box is there.
setUp();
