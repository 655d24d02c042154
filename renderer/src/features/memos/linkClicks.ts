// What a click on a link in a rendered memo does: never navigate the app's own page; ask the host
// to open https links in the system browser (main honours it only right after a real click).
// Delegated from the memo's container, so it holds whatever renders the Markdown into <a> elements.
import type { MouseEvent } from 'react';
import type { OpenExternalLinkRequest, OpenExternalLinkResult } from '../../../../shared/ipc/contract';
import { isExternalLink } from '../../../../shared/links/externalLink';

export type OpenExternalLink = (request: OpenExternalLinkRequest) => Promise<OpenExternalLinkResult>;

export function openClickedLink(event: MouseEvent<HTMLElement>, openExternalLink: OpenExternalLink): void {
  const target = event.target;
  if (!(target instanceof Element)) return;
  const link = target.closest('a[href]');
  if (!link || !event.currentTarget.contains(link)) return;
  event.preventDefault();
  const href = link.getAttribute('href') ?? '';
  if (!isExternalLink(href)) return;
  openExternalLink({ url: href }).catch((error: unknown) => console.error('Could not open link', error));
}
