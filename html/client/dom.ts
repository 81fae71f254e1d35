// Small DOM helpers shared by the sidebars and dialogs. Data is only ever shown
// with textContent (never innerHTML), so markup typed by anyone stays text.
//
// Field convention: a control with id `<name>` (and name `<name>`) has an error
// element with id `<name>-error` next to it; `showFieldErrors` fills those,
// sets aria-invalid and links the error with aria-describedby.

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The page has no element #${id}`);
  return element as T;
}

export function setText(element: HTMLElement, text: string): void {
  element.textContent = text;
}

/** Shows or hides an element (the `hidden` attribute). */
export function show(element: HTMLElement, visible = true): void {
  element.hidden = !visible;
}

/** Data the server embedded in the page as `<script type="application/json" id="...">` (see src/ui/page-data.ts). */
export function readPageData<T>(id: string): T | null {
  const element = document.getElementById(id);
  if (!element?.textContent) return null;
  try {
    return JSON.parse(element.textContent) as T;
  } catch {
    return null;
  }
}

/**
 * What a date field holds when the browser cannot read what was typed (e.g. 02/30/2026):
 * its value is then '' as if empty, so it is sent on as text that is no date, and the
 * core check says "must be a real date" rather than "is required".
 */
const UNREADABLE_DATE = 'not a date';

/** The form's named controls as trimmed-free raw strings (the core validation trims). */
export function readForm<F extends string>(form: HTMLFormElement, fields: readonly F[]): Record<F, string> {
  const values = {} as Record<F, string>;
  for (const field of fields) {
    const control = form.elements.namedItem(field) as Control | null;
    values[field] = !control ? '' : control.validity.badInput ? UNREADABLE_DATE : control.value;
  }
  return values;
}

function control(form: HTMLFormElement, name: string): Control | null {
  return form.elements.namedItem(name) as Control | null;
}

function describedBy(element: HTMLElement, id: string, on: boolean): void {
  const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((x) => x && x !== id);
  if (on) ids.push(id);
  if (ids.length) element.setAttribute('aria-describedby', ids.join(' '));
  else element.removeAttribute('aria-describedby');
}

/** Sets or clears one field's error. */
function setFieldError(form: HTMLFormElement, name: string, message: string | undefined): void {
  const field = control(form, name);
  const errorId = `${name}-error`;
  const error = document.getElementById(errorId);
  if (error) {
    error.textContent = message ?? '';
    error.hidden = !message;
  }
  if (!field) return;
  if (message) field.setAttribute('aria-invalid', 'true');
  else field.removeAttribute('aria-invalid');
  if (error) describedBy(field, errorId, !!message);
}

/**
 * Shows an error next to each listed field (clearing the others) and returns the
 * first invalid control in the form's order, to move the focus there.
 */
export function showFieldErrors(
  form: HTMLFormElement,
  fields: readonly string[],
  errors: Partial<Record<string, string>>,
): Control | null {
  let first: Control | null = null;
  for (const name of fields) {
    setFieldError(form, name, errors[name]);
    if (errors[name] && !first) first = control(form, name);
  }
  return first;
}

export function clearFieldErrors(form: HTMLFormElement, fields: readonly string[]): void {
  showFieldErrors(form, fields, {});
}

/** Disables the form while a call runs; the button says what is happening. */
export function setBusy(form: HTMLFormElement, busy: boolean, button?: HTMLButtonElement, busyLabel = 'Saving…'): void {
  form.setAttribute('aria-busy', String(busy));
  for (const element of Array.from(form.elements)) {
    if (element instanceof HTMLFieldSetElement) continue;
    (element as HTMLInputElement).disabled = busy;
  }
  if (button) {
    if (busy) {
      button.dataset.label = button.textContent ?? '';
      button.textContent = busyLabel;
    } else if (button.dataset.label !== undefined) {
      button.textContent = button.dataset.label;
    }
  }
}

/**
 * A message in a status region: `kind` 'error' uses role=alert (read at once),
 * 'ok' and 'info' role=status. Shown as text only.
 */
export function showMessage(element: HTMLElement, kind: 'ok' | 'error' | 'info', lines: readonly string[]): void {
  element.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  element.className = `message message-${kind}`;
  element.replaceChildren(
    ...lines.map((line, i) => {
      const p = document.createElement('p');
      if (i === 0) p.className = 'message-title';
      p.textContent = line;
      return p;
    }),
  );
  element.hidden = lines.length === 0;
}

export function clearMessage(element: HTMLElement): void {
  element.replaceChildren();
  element.hidden = true;
}
