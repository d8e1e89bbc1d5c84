/** Copies a field's text, saying so in `status`; where the clipboard is refused, selects it. */
export async function copyText(
  field: HTMLInputElement | HTMLTextAreaElement,
  status: HTMLElement,
): Promise<void> {
  try {
    await navigator.clipboard.writeText(field.value);
    status.textContent = 'Copied to the clipboard.';
  } catch {
    field.select();
    status.textContent = 'Select the text and copy it (Ctrl+C / ⌘C).';
  }
}
