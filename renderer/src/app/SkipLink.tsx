// "Skip to the text": the first Tab stop on the page, shown only when focused, taking a keyboard
// user past the menus and the side panels straight to the open source (or the centre view).
export function SkipLink() {
  return (
    <a
      href="#view-panel-document"
      className="skip-link"
      onClick={(event) => {
        event.preventDefault();
        // The text when the Document view shows one, else the centre column's current tab.
        const text = document.querySelector<HTMLElement>('.document-text');
        const target = text && text.getClientRects().length > 0 ? text : document.querySelector<HTMLElement>('.centre-column [role="tab"][aria-selected="true"]');
        target?.focus();
      }}
    >
      Skip to the text
    </a>
  );
}
