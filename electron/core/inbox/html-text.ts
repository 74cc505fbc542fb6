// HTML mail as text for display. The desk never renders a mail's HTML: scripts and styles are dropped,
// images are dropped (a remote image is a tracking request; none ever leaves the PC), links keep their
// words only. html-to-text is what mailparser itself uses; here with those rules.
import { convert } from 'html-to-text';

const OPTIONS = {
  wordwrap: false as const,
  limits: { maxDepth: 200 },
  selectors: [
    { selector: 'img', format: 'skip' },
    { selector: 'script', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'a', options: { ignoreHref: true } },
  ],
};

export function htmlToSafeText(html: string): string {
  return convert(html, OPTIONS).replace(/\n{3,}/g, '\n\n').trim();
}
