import type { Editor } from '@tiptap/core';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** The protocols the shared schema accepts in a link (see editor-schema). */
const ALLOWED_LINK = /^(https?:\/\/|mailto:)\S+$/i;

/** Adds, changes or removes the link at the selection. */
export function LinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const current = (editor.getAttributes('link').href as string | undefined) ?? '';
  const [href, setHref] = useState(current);
  const [invalid, setInvalid] = useState(false);

  useEffect(() => inputRef.current?.focus(), []);

  function close() {
    onClose();
    editor.commands.focus();
  }

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = href.trim();
    if (!ALLOWED_LINK.test(value)) {
      setInvalid(true);
      inputRef.current?.focus();
      return;
    }
    if (editor.state.selection.empty && !editor.isActive('link')) {
      // Nothing selected: the address itself becomes the linked text.
      editor
        .chain()
        .focus()
        .insertContent({
          type: 'text',
          text: value,
          marks: [{ type: 'link', attrs: { href: value } }],
        })
        .run();
    } else {
      editor.chain().focus().extendMarkRange('link').setLink({ href: value }).run();
    }
    onClose();
  }

  function remove() {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  }

  return (
    <form
      className="link-form"
      onSubmit={apply}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          close();
        }
      }}
    >
      <label htmlFor={`${id}-href`}>{t('collab.toolbar.linkUrl')}</label>
      <input
        ref={inputRef}
        id={`${id}-href`}
        type="url"
        inputMode="url"
        placeholder="https://"
        value={href}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(event) => {
          setHref(event.target.value);
          setInvalid(false);
        }}
      />
      <button type="submit" className="button button-primary">
        {t('collab.toolbar.linkApply')}
      </button>
      {current ? (
        <button type="button" className="button" onClick={remove}>
          {t('collab.toolbar.linkRemove')}
        </button>
      ) : null}
      <button type="button" className="button button-quiet" onClick={close}>
        {t('common.cancel')}
      </button>
      {invalid ? (
        <p id={`${id}-error`} className="field-error">
          {t('collab.toolbar.linkInvalid')}
        </p>
      ) : null}
    </form>
  );
}
