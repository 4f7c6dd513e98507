import { useEffect, useRef, type KeyboardEvent as ReactKeyboardEvent } from 'react';

const fieldSelector = 'input:not([type=hidden]):not([type=file]):not([disabled]), select:not([disabled]), [role=combobox], [role=switch]';

function isVisible(element: HTMLElement): boolean {
  return element.offsetParent !== null || element.getClientRects().length > 0;
}

/**
 * Enter moves to the next field, as on a paper form; on the last field it runs `onLastField` (next step / save).
 * Text areas keep Enter for new lines, and buttons keep Enter for pressing. Attach to the <form> as onKeyDown.
 */
export function enterMovesToNextField(onLastField: () => void) {
  return (event: ReactKeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.ctrlKey || event.altKey || event.nativeEvent.isComposing) return;
    const target = event.target as HTMLElement;
    if (target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON' || target.tagName === 'A') return;
    // an open select/autocomplete list uses Enter to pick an option
    if (target.getAttribute('aria-expanded') === 'true') return;
    event.preventDefault();
    const fields = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(fieldSelector)).filter(isVisible);
    const next = fields[fields.indexOf(target) + 1];
    if (next) next.focus();
    else onLastField();
  };
}

/** Ctrl+S anywhere on the page saves; Esc cancels (after asking, when something was typed). */
export function usePageKeys(save: () => void, cancel: () => void) {
  const latest = useRef({ save, cancel });
  useEffect(() => {
    latest.current = { save, cancel };
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault(); // not the browser's "save page"
        // leaving the field first commits what it holds (a date typed with a two-digit year)
        if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
        latest.current.save();
      } else if (event.key === 'Escape' && !event.defaultPrevented && !popupOpen(event.target)) {
        latest.current.cancel();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

/** Esc in an open list, calendar or dialog closes only that. */
function popupOpen(target: EventTarget | null): boolean {
  if (target instanceof HTMLElement && target.getAttribute('aria-expanded') === 'true') return true;
  const popups = document.querySelectorAll<HTMLElement>('.ant-modal-wrap, .ant-picker-dropdown, .ant-select-dropdown');
  return Array.from(popups).some((popup) => popup.getClientRects().length > 0);
}

