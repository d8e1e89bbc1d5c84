import { css } from 'lit';

/**
 * The write section as the list draws it: sign-in prompt, "Write a review", thanks and the
 * shopper's own review. The form's own rules load with it (review-form.styles.ts).
 */
export const writeSectionStyles = css`
  /* Write a review / sign-in prompt. */
  .write {
    display: grid;
    gap: 0.75rem;
    padding-block-start: var(--_gap);
    border-block-start: var(--_divider);
  }
  .write.guest {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
  }
  .sign-in,
  .start,
  .submit {
    justify-self: start;
    min-block-size: var(--_control-h);
    padding-inline: 1rem;
    border: 0;
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
    cursor: pointer;
  }
  .thanks {
    color: var(--_success);
    font-weight: 600;
  }

  /* The shopper's own review: read-only, its moderation status, and Edit. */
  .own-status {
    display: grid;
    gap: 0.125rem;
    padding-block: 0.375rem;
    padding-inline: 0.75rem;
    border-inline-start: 3px solid var(--_muted);
  }
  .own-status[data-status='rejected'] {
    border-inline-start-color: var(--_danger);
  }
  .own-status span {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .own-review {
    display: grid;
    gap: 0.375rem;
  }
  .edit {
    justify-self: start;
  }
`;
