// The keyboard shortcuts sheet (`?`, or Help → Keyboard shortcuts): every command that has a key,
// read from the registry, and the keys that belong to one place (the document, the menu bar).
import { Modal } from '../features/common/Modal';
import { ColumnHeads } from '../features/common/ColumnHeads';
import { COMMANDS, MENUS, PLACE_KEYS } from './catalogue';
import { formatShortcut } from './keys';
import { useCommands } from './useCommands';

export function ShortcutsSheet({ onClose }: { onClose(): void }) {
  const commands = useCommands();
  const keyed = commands.filter((c) => c.shortcut);
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} size="wide">
      <table className="shortcuts-table">
        <ColumnHeads names={['Where', 'Keys', 'Does']} />
        <tbody>
          {MENUS.flatMap((menu) =>
            keyed
              .filter((c) => c.menu === menu)
              .map((c) => (
                <tr key={c.id}>
                  <td>{menu}</td>
                  <td>
                    <kbd>{[c.shortcut!, ...(c.alsoKeys ?? [])].map((k) => formatShortcut(k)).join(' or ')}</kbd>
                  </td>
                  {/* The catalogue's name: "Undo", not the step it would undo right now. */}
                  <td>{COMMANDS.find((spec) => spec.id === c.id)?.label ?? c.label}</td>
                </tr>
              )),
          )}
          {PLACE_KEYS.map((k) => (
            <tr key={`${k.place}-${k.keys}`}>
              <td>{k.place}</td>
              <td>
                <kbd>{k.keys.replace(/Mod/g, formatShortcut('Mod+X').replace(/\+?X$/, ''))}</kbd>
              </td>
              <td>{k.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="modal-actions">
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
