// Keyboard and clipboard for the lesson player. Keys press the player's own buttons (data-shortcut), so a
// key does exactly what a click does and nothing when the button is disabled or absent (1, 2, 3 choose the pane
// shown in presenter mode).
(() => {
  const shortcuts = { ArrowLeft: 'back', ArrowRight: 'next', Home: 'reset', End: 'end', 1: 'pane-1', 2: 'pane-2', 3: 'pane-3' };

  document.addEventListener('keydown', event => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const action = shortcuts[event.key];
    if (!action) return;
    const target = event.target;
    // Typing in a field, or moving inside a control, keeps its usual meaning.
    if (target instanceof Element && target.closest('input, textarea, select, [contenteditable], summary')) return;
    const button = document.querySelector(`[data-shortcut="${action}"]`);
    if (!button) return;
    event.preventDefault();
    if (!button.disabled) button.click();
  });

  // The sandbox's command line: ↑, ↓ and Tab are history and completion there (the server handles them), not caret
  // moves or a focus change.
  document.addEventListener('keydown', event => {
    if (!(event.target instanceof Element) || !event.target.matches('[data-terminal-input]')) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Tab' && !event.shiftKey || event.key === 'ArrowUp' || event.key === 'ArrowDown') event.preventDefault();
  });

  // "Copy" buttons name the element whose text they copy (data-copy="id"); the element after a button says what happened.
  document.addEventListener('click', async event => {
    const button = event.target instanceof Element ? event.target.closest('[data-copy]') : null;
    if (!button) return;
    const source = document.getElementById(button.dataset.copy);
    if (!source) return;
    const status = button.nextElementSibling;
    const say = text => { if (status) status.textContent = text; };
    try {
      await navigator.clipboard.writeText(source.textContent);
      say('Copied.');
    } catch {
      // No clipboard access (an insecure origin, a denied permission): select the text for Ctrl+C instead.
      const range = document.createRange();
      range.selectNodeContents(source);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      say('Selected: press Ctrl+C to copy.');
    }
  });
})();
