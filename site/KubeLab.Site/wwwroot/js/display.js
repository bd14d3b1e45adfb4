// Display preferences, kept in localStorage and applied to <html> before the first paint (this script loads in <head>,
// not deferred): data-theme="light|dark" when a theme is chosen (none follows the system), data-presenter when
// presenter mode is on. The header's controls (DisplayControls.razor) read and change them through kubelabDisplay.
(() => {
  const root = document.documentElement;
  const themes = ['system', 'light', 'dark'];
  const keys = { theme: 'kubelab.theme', presenter: 'kubelab.presenter' };

  // Storage can be refused (a private window, a policy): the page then shows the defaults and forgets choices.
  const load = key => { try { return localStorage.getItem(key); } catch { return null; } };
  const store = (key, value) => { try { localStorage.setItem(key, value); } catch { } };

  const read = () => ({
    theme: themes.includes(load(keys.theme)) ? load(keys.theme) : 'system',
    presenter: load(keys.presenter) === 'on',
  });

  const apply = ({ theme, presenter }) => {
    if (theme === 'system') root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', theme);
    root.toggleAttribute('data-presenter', presenter);
  };

  window.kubelabDisplay = {
    read,
    write(theme, presenter) {
      const chosen = { theme: themes.includes(theme) ? theme : 'system', presenter: !!presenter };
      store(keys.theme, chosen.theme);
      store(keys.presenter, chosen.presenter ? 'on' : 'off');
      apply(chosen);
    },
  };

  apply(read());

  // P toggles presenter mode by pressing the header's button (so it does what a click does), unless typing.
  document.addEventListener('keydown', event => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.key.toLowerCase() !== 'p') return;
    const target = event.target;
    if (target instanceof Element && target.closest('input, textarea, select, [contenteditable]')) return;
    const button = document.querySelector('[data-shortcut="presenter"]');
    if (!button) return;
    event.preventDefault();
    button.click();
  });
})();
