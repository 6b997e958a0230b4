/**
 * Reads the page's main content aloud, sentence by sentence, with the
 * browser's speech synthesis; loaded by read-aloud.ts when 朗读 is pressed.
 *
 * One utterance per sentence: the sentence being read can be highlighted, a
 * change of speed takes effect at once, and long pages do not hit the cut-off
 * some browsers apply to long utterances. The sentence is highlighted with the
 * CSS Custom Highlight API, which marks a range without changing the page;
 * where it is missing, the sentence's block is marked instead.
 */

interface Sentence {
  text: string;
  range: Range;
  block: Element;
}

/** Not read: navigation, controls, hidden text, closed statute texts, lists of other pages. */
const SKIP =
  'nav,button,select,input,textarea,form,script,style,noscript,template,svg,[hidden],[aria-hidden="true"],.visually-hidden,[data-read-aloud],[data-read-skip],details:not([open])';
/** Elements whose text is read as one run, cut into sentences. */
const BLOCK =
  'p,li,h1,h2,h3,h4,h5,h6,dt,dd,td,th,caption,figcaption,blockquote,pre,summary,div,section,article,aside,header,footer,main,table,dl,ul,ol,details,figure';
/** Where a sentence ends; a comma or colon ends a piece only once it is long. */
const ENDS = /[。！？!?；;]+[”’」』）)]*|[，,：:]/g;
const LONG = 60;

/** The visible text runs of the root, in reading order, each with its block. */
function runs(root: Element): { block: Element; nodes: Text[] }[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(n) {
      if (n instanceof Element)
        return n.matches(SKIP) || n.checkVisibility?.() === false ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
      return (n as Text).data.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
    },
  });
  const out: { block: Element; nodes: Text[] }[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const block = n.parentElement!.closest(BLOCK) ?? root;
    const last = out.at(-1);
    if (last?.block === block) last.nodes.push(n as Text);
    else out.push({ block, nodes: [n as Text] });
  }
  return out;
}

/** The sentences of one run, each with the range it covers in the page. */
function sentences(run: { block: Element; nodes: Text[] }): Sentence[] {
  const starts: number[] = [];
  let text = '';
  for (const n of run.nodes) {
    starts.push(text.length);
    text += n.data;
  }
  const at = (offset: number, isEnd: boolean): [Text, number] => {
    let i = starts.length - 1;
    while (i > 0 && (isEnd ? starts[i]! >= offset : starts[i]! > offset)) i--;
    return [run.nodes[i]!, offset - starts[i]!];
  };
  const out: Sentence[] = [];
  let from = 0;
  const cut = (to: number) => {
    let [a, b] = [from, to];
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    from = to;
    const spoken = text.slice(a, b).replace(/\s+/g, ' ');
    if (!/[\p{L}\p{N}]/u.test(spoken)) return;
    const range = document.createRange();
    range.setStart(...at(a, false));
    range.setEnd(...at(b, true));
    out.push({ text: spoken, range, block: run.block });
  };
  for (const m of text.matchAll(ENDS)) {
    const end = m.index + m[0].length;
    if (/[，,：:]/.test(m[0]) && end - from < LONG) continue;
    cut(end);
  }
  cut(text.length);
  return out;
}

// ---------------------------------------------------------------- the player

interface Player {
  box: HTMLElement;
  synth: SpeechSynthesis;
  voice: SpeechSynthesisVoice;
  list: Sentence[];
  index: number;
  /** Bumped on every start, stop and restart: events of an utterance that was cancelled are ignored. */
  generation: number;
  rate: number;
  marked?: Element;
}

const players = new WeakMap<HTMLElement, Player>();
const el = <T extends HTMLElement>(p: Player, name: string) => p.box.querySelector<T>(`[data-ra-${name}]`)!;
const reduceMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

function mark(p: Player, s: Sentence | undefined): void {
  const registry = typeof Highlight === 'function' ? CSS.highlights : undefined;
  if (registry) {
    if (s) registry.set('read-aloud', new Highlight(s.range));
    else registry.delete('read-aloud');
  }
  p.marked?.removeAttribute('data-ra-reading');
  p.marked = s?.block;
  if (!s) return;
  s.block.setAttribute('data-ra-reading', registry ? 'range' : 'block');
  s.block.scrollIntoView({ block: 'nearest', behavior: reduceMotion() ? 'auto' : 'smooth' });
}

/** Shows the controls for a state and says it to screen readers. */
function show(p: Player, state: 'reading' | 'paused' | 'stopped', status: string, focus = true): void {
  const target = {
    reading: el(p, 'pause'),
    paused: el(p, 'resume'),
    stopped: el(p, 'start'),
  }[state];
  el(p, 'start').hidden = state !== 'stopped';
  el(p, 'controls').hidden = state === 'stopped';
  el(p, 'pause').hidden = state !== 'reading';
  el(p, 'resume').hidden = state !== 'paused';
  el(p, 'status').textContent = status;
  if (focus) target.focus();
}

function speak(p: Player, i: number): void {
  const s = p.list[i];
  if (!s) {
    stop(p, '读完了');
    return;
  }
  p.index = i;
  mark(p, s);
  const u = new SpeechSynthesisUtterance(s.text);
  u.voice = p.voice;
  u.lang = p.voice.lang;
  u.rate = p.rate;
  const g = ++p.generation;
  u.onend = () => {
    if (g === p.generation) speak(p, i + 1);
  };
  u.onerror = (e) => {
    if (g === p.generation && e.error !== 'interrupted' && e.error !== 'canceled') stop(p, '朗读中断了，请再按“朗读”');
  };
  p.synth.speak(u);
}

function stop(p: Player, status: string): void {
  p.generation++;
  p.synth.cancel();
  mark(p, undefined);
  show(p, 'stopped', status, p.box.contains(document.activeElement));
}

function wire(p: Player): void {
  el(p, 'pause').addEventListener('click', () => {
    p.synth.pause();
    show(p, 'paused', '已暂停');
  });
  el(p, 'resume').addEventListener('click', () => {
    p.synth.resume();
    show(p, 'reading', '继续朗读');
  });
  el(p, 'stop').addEventListener('click', () => stop(p, '已停止'));
  el<HTMLSelectElement>(p, 'rate').addEventListener('change', (e) => {
    p.rate = Number((e.target as HTMLSelectElement).value) || 1;
    // A new speed takes effect at once: the current sentence starts again at that speed.
    if (!el(p, 'pause').hidden) {
      p.generation++; // before cancel(): a browser may end the cancelled utterance at once
      p.synth.cancel();
      speak(p, p.index);
    }
  });
  addEventListener('pagehide', () => p.synth.cancel());
}

/** Starts reading the page's main content from the beginning. */
function start(box: HTMLElement, synth: SpeechSynthesis, voice: SpeechSynthesisVoice): void {
  let p = players.get(box);
  if (!p) {
    p = { box, synth, voice, list: [], index: 0, generation: 0, rate: 1 };
    players.set(box, p);
    wire(p);
  }
  p.voice = voice;
  p.rate = Number(el<HTMLSelectElement>(p, 'rate').value) || 1;
  p.list = runs(box.closest('main') ?? document.body).flatMap(sentences);
  p.generation++;
  synth.cancel();
  show(p, 'reading', '开始朗读');
  speak(p, 0);
}

// Loaded once, on the first press of 朗读 (read-aloud.ts), which then asks for every start.
const box = document.querySelector<HTMLElement>('[data-read-aloud]');
box?.addEventListener('read-aloud:start', (e) => {
  const { synth, voice } = (e as CustomEvent<{ synth: SpeechSynthesis; voice: SpeechSynthesisVoice }>).detail;
  start(box, synth, voice);
});
