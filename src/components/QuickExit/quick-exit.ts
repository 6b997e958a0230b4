/**
 * “快速离开”: replaces this page in the history with a neutral site, so Back
 * does not bring the form back, and blanks the page at once so nothing stays
 * on screen while the other site loads. Without JavaScript the link still
 * leaves (the page then stays in the history; the hint suggests private mode).
 */
class QuickExit {
  readonly link: HTMLAnchorElement;

  constructor(link: HTMLAnchorElement) {
    this.link = link;
    link.addEventListener('click', (e) => this.leave(e));
  }

  private leave(e: MouseEvent): void {
    // A new tab or window (Ctrl, Cmd, Shift, middle button) leaves this page as it is.
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    document.title = '百度一下';
    document.body.hidden = true;
    window.location.replace(this.link.href);
  }
}

for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-quick-exit]')) new QuickExit(link);
