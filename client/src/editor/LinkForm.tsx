import { isAllowedLinkHref } from '@polisee/editor-schema';
import type { Editor } from '@tiptap/core';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contractResolver } from '../ui/contractResolver';
import { useFieldErrorMessage, type FieldWording } from '../ui/fieldErrorMessage';
import { TextField } from '../ui/TextField';

/** The link's address, held to the shared schema's own rule (what the server would accept). */
const LinkFormSchema = z.object({ href: z.string().trim().refine(isAllowedLinkHref) });
type LinkFormValues = z.input<typeof LinkFormSchema>;

/** Empty or not a link the schema takes: one message, naming the protocols allowed. */
const LINK_WORDING: FieldWording = {
  required: 'collab.toolbar.linkInvalid',
  invalid_value: 'collab.toolbar.linkInvalid',
};

/** Adds, changes or removes the link at the selection. */
export function LinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const { t } = useTranslation();
  const fieldError = useFieldErrorMessage();
  const current = (editor.getAttributes('link').href as string | undefined) ?? '';
  const form = useForm<LinkFormValues, unknown, z.output<typeof LinkFormSchema>>({
    resolver: contractResolver(LinkFormSchema),
    defaultValues: { href: current },
  });

  useEffect(() => form.setFocus('href'), [form]);

  function close() {
    onClose();
    editor.commands.focus();
  }

  const apply = form.handleSubmit(({ href }) => {
    if (editor.state.selection.empty && !editor.isActive('link')) {
      // Nothing selected: the address itself becomes the linked text.
      editor
        .chain()
        .focus()
        .insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] })
        .run();
    } else {
      editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
    }
    onClose();
  });

  function remove() {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  }

  return (
    <form
      className="link-form"
      noValidate
      onSubmit={(event) => void apply(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          close();
        }
      }}
    >
      <TextField
        label={t('collab.toolbar.linkUrl')}
        type="url"
        inputMode="url"
        placeholder="https://"
        error={fieldError(form.formState.errors.href, LINK_WORDING)}
        {...form.register('href')}
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
    </form>
  );
}
