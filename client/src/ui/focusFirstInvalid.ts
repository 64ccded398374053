/**
 * After a submit that failed validation, put the keyboard on the first field to fix, as
 * screen-reader users otherwise hear nothing of errors rendered further down the form.
 * Runs after React has rendered the `aria-invalid` markers.
 */
export function focusFirstInvalid(form: HTMLFormElement | null) {
  requestAnimationFrame(() => {
    const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!invalid) return;
    const target =
      invalid.tagName === 'FIELDSET' ? invalid.querySelector<HTMLElement>('input') : invalid;
    target?.focus();
  });
}
