/**
 * “快速离开”: replaces this page in the history with a neutral site, so Back
 * does not bring the form back, and blanks the page at once so nothing stays
 * on screen while the other site loads. Without JavaScript the link still
 * leaves (the page then stays in the history; the hint suggests private mode).
 */
document.addEventListener('click', (e) => {
  const link = (e.target as Element).closest<HTMLAnchorElement>('a[data-quick-exit]');
  if (!link || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey) return;
  e.preventDefault();
  document.title = '百度一下';
  document.body.hidden = true;
  window.location.replace(link.href);
});
