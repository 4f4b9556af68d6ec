package risks

import "github.com/roundtable/roundtable/model"

// Selected is the risk under the cursor, for the projector's focus.
func (m *Model) Selected() (model.FocusKind, int, bool) {
	if _, ok := m.list().pos[m.sel]; !ok || m.sel >= len(m.risks()) {
		return model.FocusNone, 0, false
	}
	return model.FocusRisk, m.sel, true
}
