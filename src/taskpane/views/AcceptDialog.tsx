/**
 * «Принять замечание»: the remark stays as it is, with the user's justification. A modal Fluent
 * dialog: the justification field takes the focus, Esc cancels, the focus goes back where it was.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Textarea,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Issue } from '../../core/issue';

export interface AcceptDialogProps {
  issue: Issue | null;
  onConfirm: (issue: Issue, justification: string) => void;
  onCancel: () => void;
}

export function AcceptDialog({ issue, onConfirm, onCancel }: AcceptDialogProps) {
  const [text, setText] = useState('');
  useEffect(() => setText(''), [issue]);
  const noReason = issue?.severity === 'error' && text.trim() === '';
  return (
    <Dialog
      open={issue !== null}
      modalType="modal"
      onOpenChange={(_, data) => {
        if (!data.open) onCancel();
      }}
    >
      <DialogSurface aria-describedby="accept-dialog-text">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (issue) onConfirm(issue, text);
          }}
        >
          <DialogBody>
            <DialogTitle>Принять замечание</DialogTitle>
            <DialogContent>
              <p id="accept-dialog-text">
                {`${issue?.cell ? `${issue.cell}: ` : ''}${issue?.message ?? ''} Принятое замечание остаётся в списке отдельно и не считается ошибкой; отметка хранится в книге.`}
              </p>
              <Field
                label="Обоснование"
                hint={
                  noReason ? 'Ошибка без обоснования будет принята с предупреждением.' : undefined
                }
              >
                <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit">
                Принять
              </Button>
              <Button onClick={onCancel}>Отмена</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
