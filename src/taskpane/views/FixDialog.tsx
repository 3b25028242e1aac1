/**
 * The confirmation before a fix: what will change, whether a copy is kept, how to undo. A modal
 * Fluent dialog: it takes the focus (on the confirming button), Esc cancels, and the focus goes back
 * where it was.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { issueKey, type PlanFix } from '../fixes';

const SHOWN = 8;

export interface FixDialogProps {
  fixes: PlanFix[] | null;
  sheet: string;
  /** A copy of the sheet is kept first (Excel cannot undo the fix itself). */
  keepsCopy: boolean;
  excelUndo: boolean;
  onConfirm: (fixes: PlanFix[]) => void;
  onCancel: () => void;
}

export function FixDialog({
  fixes,
  sheet,
  keepsCopy,
  excelUndo,
  onConfirm,
  onCancel,
}: FixDialogProps) {
  const undoText = excelUndo
    ? 'Отменить исправление можно клавишами Ctrl+Z в Excel или кнопкой «Отменить последнее действие надстройки».'
    : 'Отменить исправление можно кнопкой «Отменить последнее действие надстройки» в панели (Ctrl+Z в этой версии Excel его не отменяет).';
  return (
    <Dialog
      open={fixes !== null}
      modalType="alert"
      onOpenChange={(_, data) => {
        if (!data.open) onCancel();
      }}
    >
      <DialogSurface aria-describedby="fix-dialog-text">
        <DialogBody>
          <DialogTitle>{`Исправить: ${fixes?.length ?? 0}`}</DialogTitle>
          <DialogContent id="fix-dialog-text">
            <p>
              {keepsCopy
                ? `Перед исправлением будет сохранена копия листа «${sheet} (копия)». ${undoText}`
                : undoText}
            </p>
            <ul>
              {(fixes ?? []).slice(0, SHOWN).map((f) => (
                <li key={issueKey(f.issue)}>{f.description}</li>
              ))}
              {(fixes?.length ?? 0) > SHOWN ? <li>{`и ещё ${fixes!.length - SHOWN}`}</li> : null}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => fixes && onConfirm(fixes)}>
              {keepsCopy ? 'Сохранить копию и исправить' : 'Исправить'}
            </Button>
            <Button onClick={onCancel}>Отмена</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
