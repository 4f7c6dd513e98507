import type { KeyboardEvent } from 'react';

const fieldSelector = 'input:not([type=hidden]):not([type=file]):not([disabled]), select:not([disabled]), [role=combobox], [role=switch]';

function isVisible(element: HTMLElement): boolean {
  return element.offsetParent !== null || element.getClientRects().length > 0;
}

/**
 * Enter moves to the next field, as on a paper form; on the last field it runs `onLastField` (next step / save).
 * Text areas keep Enter for new lines, and buttons keep Enter for pressing. Attach to the <form> as onKeyDown.
 */
export function enterMovesToNextField(onLastField: () => void) {
  return (event: KeyboardEvent<HTMLElement>) => {
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
