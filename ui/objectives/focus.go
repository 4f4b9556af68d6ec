package objectives

import "github.com/roundtable/roundtable/model"

// Selected is the objective under the cursor of the list, for the
// projector's focus.
func (m *Model) Selected() (model.FocusKind, int, bool) {
	if m.sess == nil || m.pane != paneList || m.sel < 0 || m.sel >= len(m.sess.Objectives.Items) {
		return model.FocusNone, 0, false
	}
	return model.FocusObjective, m.sel, true
}
