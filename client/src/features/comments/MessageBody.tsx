import type { ThreadPerson } from '@polisee/contracts';
import Linkify from 'linkify-react';
import type { ReactNode } from 'react';

/** Only web and mail links become links; anything else (`javascript:`, `data:`) stays text. */
const LINK_OPTIONS = {
  defaultProtocol: 'https',
  target: '_blank',
  rel: 'noopener noreferrer nofollow ugc',
  validate: { url: (value: string) => /^(https?:\/\/|www\.)/i.test(value), email: true },
} as const;

/**
 * A message as plain text: never parsed as markup (React escapes it), with web links made
 * clickable and the people it mentions highlighted.
 */
export function MessageBody({
  body,
  mentions,
  people,
}: {
  body: string;
  mentions: string[];
  people: ThreadPerson[];
}) {
  const names = people
    .filter((p) => mentions.includes(p.id))
    .map((p) => `@${p.name}`)
    .sort((a, b) => b.length - a.length);
  const parts: ReactNode[] = [];
  let rest = body;
  let key = 0;
  while (rest.length > 0) {
    const hits = names
      .map((name) => ({ name, at: rest.indexOf(name) }))
      .filter((h) => h.at >= 0)
      .sort((a, b) => a.at - b.at);
    const hit = hits[0];
    if (!hit) {
      parts.push(rest);
      break;
    }
    if (hit.at > 0) parts.push(rest.slice(0, hit.at));
    parts.push(
      <span key={key++} className="mention">
        {hit.name}
      </span>,
    );
    rest = rest.slice(hit.at + hit.name.length);
  }
  return (
    <p className="message-body">
      <Linkify options={LINK_OPTIONS}>{parts}</Linkify>
    </p>
  );
}
