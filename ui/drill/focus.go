package drill

import "github.com/roundtable/roundtable/model"

// Selected is the message selected on the live drill's messages pane, for
// the projector's focus.
func (m *Model) Selected() (model.FocusKind, int, bool) {
	run, ok := m.run()
	if !ok || m.mode() != modeLive || m.pane != paneMessages || m.msgSel >= len(run.Messages) || m.runIdx != len(m.sess.Drill.Runs)-1 {
		return model.FocusNone, 0, false
	}
	return model.FocusMessage, m.msgSel, true
}
