/**
 * The server sends a public page's first paint as HTML in `#server-page`, just before the app's
 * `#root`, which the stylesheet hides while that is there (base.css). The app renders as usual; as soon
 * as what it shows is a page rather than a loading state, the server's copy is removed in the same
 * frame (a MutationObserver runs before the browser paints), so the visitor sees one page throughout:
 * no blank moment and nothing moving. Any other address has no `#server-page` and nothing happens.
 */
export function takeOverServerPage(root: HTMLElement): void {
  const serverPage = document.getElementById('server-page');
  if (!serverPage) return;
  const observer = new MutationObserver(() => {
    if (root.childElementCount === 0 || root.querySelector('.state-loading')) return;
    observer.disconnect();
    serverPage.remove();
  });
  observer.observe(root, { childList: true, subtree: true });
}
