import type { Mentionable } from '@polisee/contracts';
import { THREAD_LIMITS } from '@polisee/domain';
import { Document } from '@tiptap/extension-document';
import { HardBreak } from '@tiptap/extension-hard-break';
import { Mention } from '@tiptap/extension-mention';
import { Paragraph } from '@tiptap/extension-paragraph';
import { Text } from '@tiptap/extension-text';
import { Placeholder } from '@tiptap/extensions';
import type { SuggestionKeyDownProps, SuggestionProps } from '@tiptap/suggestion';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../../ui/FieldError';

export interface ComposedMessage {
  body: string;
  mentions: string[];
}

interface MessageComposerProps {
  mentionable: Mentionable[];
  /** Accessible name of the text box, already translated. */
  label: string;
  submitLabel: string;
  pending: boolean;
  initial?: ComposedMessage;
  onSubmit: (message: ComposedMessage) => Promise<unknown>;
  onCancel?: () => void;
  autoFocus?: boolean;
}

type Suggestion = SuggestionProps<Mentionable, { id: string; label: string }>;

/** The message as plain text (mentions as "@Name") and the ids of the people still mentioned. */
function compose(editor: Editor): ComposedMessage {
  const mentions = new Set<string>();
  editor.state.doc.descendants((node) => {
    if (node.type.name === 'mention' && typeof node.attrs.id === 'string')
      mentions.add(node.attrs.id);
  });
  return { body: editor.getText({ blockSeparator: '\n' }).trim(), mentions: [...mentions] };
}

/** Plain text back into the composer, with each "@Name" of a mentioned person as a mention. */
function toContent(message: ComposedMessage, people: Mentionable[]) {
  const named = people.filter((p) => message.mentions.includes(p.id));
  return {
    type: 'doc',
    content: message.body.split('\n').map((line) => {
      const content: object[] = [];
      let rest = line;
      for (;;) {
        const hit = named
          .map((p) => ({ p, at: rest.indexOf(`@${p.name}`) }))
          .filter((h) => h.at >= 0)
          .sort((a, b) => a.at - b.at)[0];
        if (!hit) break;
        if (hit.at > 0) content.push({ type: 'text', text: rest.slice(0, hit.at) });
        content.push({ type: 'mention', attrs: { id: hit.p.id, label: hit.p.name } });
        rest = rest.slice(hit.at + hit.p.name.length + 1);
      }
      if (rest) content.push({ type: 'text', text: rest });
      return { type: 'paragraph', content };
    }),
  };
}

/**
 * Writes a comment: plain text with @mentions of the document's working group, picked from
 * a list as you type "@". Ctrl/⌘+Enter sends.
 */
export function MessageComposer({
  mentionable,
  label,
  submitLabel,
  pending,
  initial,
  onSubmit,
  onCancel,
  autoFocus = false,
}: MessageComposerProps) {
  const { t } = useTranslation();
  const [suggestion, setSuggestion] = useState<Suggestion | null>(null);
  const [highlighted, setHighlighted] = useState(0);
  const [empty, setEmpty] = useState(!initial?.body);
  const people = useRef(mentionable);
  people.current = mentionable;
  const keyHandler = useRef<(props: SuggestionKeyDownProps) => boolean>(() => false);
  const submitRef = useRef<() => void>(() => undefined);
  const errorId = useId();

  const editor = useEditor({
    extensions: [
      Document,
      Paragraph,
      Text,
      HardBreak,
      Placeholder.configure({ placeholder: t('comments.composer.placeholder') }),
      Mention.configure({
        HTMLAttributes: { class: 'mention' },
        suggestion: {
          items: ({ query }) =>
            people.current
              .filter((p) => p.name.toLocaleLowerCase().includes(query.toLocaleLowerCase()))
              .slice(0, 8),
          render: () => ({
            onStart: (props) => {
              setHighlighted(0);
              setSuggestion(props as Suggestion);
            },
            onUpdate: (props) => setSuggestion(props as Suggestion),
            onKeyDown: (props) => keyHandler.current(props),
            onExit: () => setSuggestion(null),
          }),
        },
      }),
    ],
    content: initial ? toContent(initial, mentionable) : '',
    autofocus: autoFocus ? 'end' : false,
    editorProps: {
      attributes: {
        class: 'composer-input',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': label,
      },
      handleKeyDown: (_view, event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          submitRef.current();
          return true;
        }
        return false;
      },
    },
    onUpdate: ({ editor: e }) => setEmpty(e.isEmpty),
  });

  keyHandler.current = ({ event }) => {
    if (!suggestion || suggestion.items.length === 0) return false;
    const count = suggestion.items.length;
    if (event.key === 'ArrowDown') setHighlighted((i) => (i + 1) % count);
    else if (event.key === 'ArrowUp') setHighlighted((i) => (i - 1 + count) % count);
    else if (event.key === 'Enter' || event.key === 'Tab') pick(suggestion.items[highlighted]!);
    else return false;
    return true;
  };

  function pick(person: Mentionable) {
    suggestion?.command({ id: person.id, label: person.name });
  }

  const submit = async () => {
    if (pending || editor.isEmpty) return;
    const message = compose(editor);
    if (!message.body) return;
    try {
      await onSubmit(message);
      // Back into the emptied box: the send button, disabled while sending, has lost focus.
      editor.chain().clearContent(true).focus().run();
    } catch {
      // The caller shows the error; the text stays so nothing typed is lost.
    }
  };
  submitRef.current = () => void submit();

  useEffect(() => () => setSuggestion(null), []);

  const onFormSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };

  const rect = suggestion?.clientRect?.();
  const tooLong = !empty && editor.getText().length > THREAD_LIMITS.bodyChars;

  // The text box names its error as every field does (TipTap sets its attributes only once).
  useEffect(() => {
    if (editor.isDestroyed) return;
    const box = editor.view.dom;
    if (tooLong) {
      box.setAttribute('aria-invalid', 'true');
      box.setAttribute('aria-describedby', errorId);
    } else {
      box.removeAttribute('aria-invalid');
      box.removeAttribute('aria-describedby');
    }
  }, [editor, tooLong, errorId]);

  return (
    <form className="composer" onSubmit={onFormSubmit} data-testid="comment-composer">
      <EditorContent editor={editor} />
      {suggestion && rect && suggestion.items.length > 0 ? (
        <ul
          className="mention-list"
          role="listbox"
          aria-label={t('comments.composer.mentionList')}
          style={{ position: 'fixed', top: rect.bottom + 4, left: rect.left }}
        >
          {suggestion.items.map((person, index) => (
            <li
              key={person.id}
              role="option"
              aria-selected={index === highlighted}
              data-user-id={person.id}
              className={index === highlighted ? 'mention-option active' : 'mention-option'}
              onMouseDown={(event) => {
                event.preventDefault();
                pick(person);
              }}
            >
              <span className="mention-name">{person.name}</span>
              <span className="muted">{person.organisationName}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <FieldError
        id={errorId}
        message={
          tooLong ? t('comments.composer.tooLong', { max: THREAD_LIMITS.bodyChars }) : undefined
        }
      />
      <div className="button-row">
        <button
          type="submit"
          className="button button-primary"
          disabled={pending || empty || tooLong}
        >
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button-quiet" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
