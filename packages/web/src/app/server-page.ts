/**
 * The server sends a public page's first paint (and `/help`'s) as HTML in `#server-page`, just before the app's
 * `#root`, which the stylesheet hides while that is there (shell.css). The app renders as usual; as
 * soon as what it shows is a page rather than a loading state (and it has its demo banner, when the
 * server's page had one), the server's copy is removed in the same frame — a MutationObserver runs
 * before the browser paints — so the visitor sees one page throughout: no blank moment and nothing
 * moving. Should the app never get there, its own page is shown after a while all the same. Any
 * other address has no `#server-page` and nothing happens.
 */
const LONGEST_WAIT_MS = 8000;

export function takeOverServerPage(root: HTMLElement): void {
  const serverPage = document.getElementById('server-page');
  if (!serverPage) return;
  const banner = serverPage.querySelector('.demo-banner') !== null;
  const release = () => {
    observer.disconnect();
    window.clearTimeout(timer);
    serverPage.remove();
  };
  const observer = new MutationObserver(() => {
    if (root.childElementCount === 0 || root.querySelector('.state-loading')) return;
    if (banner && !root.querySelector('.demo-banner')) return;
    release();
  });
  const timer = window.setTimeout(release, LONGEST_WAIT_MS);
  observer.observe(root, { childList: true, subtree: true });
}
