package raci

import "github.com/roundtable/roundtable/model"

// Finding is a finding about the cell under the cursor, for the key that
// turns it into an action: one about its activity and role first, then
// about the activity, then about the role alone.
func (m *Model) Finding() (model.OpenFinding, bool) {
	if m.sess == nil || m.Typing() {
		return model.OpenFinding{}, false
	}
	role, _ := m.role()
	var cell, row, col []model.OpenFinding
	for _, f := range m.sess.FindingsOf(model.StepRACI) {
		switch {
		case f.Index == m.row && f.Role != "" && f.Role == role.ID:
			cell = append(cell, f)
		case f.Index == m.row && f.Index >= 0:
			row = append(row, f)
		case f.Index < 0 && f.Role != "" && f.Role == role.ID:
			col = append(col, f)
		}
	}
	for _, fs := range [][]model.OpenFinding{cell, row, col} {
		if f, ok := m.sess.Pick(fs); ok {
			return f, true
		}
	}
	return model.OpenFinding{}, false
}
