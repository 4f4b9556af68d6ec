package risks

import "github.com/roundtable/roundtable/model"

// Finding is a finding about the risk under the cursor, for the key that
// turns it into an action.
func (m *Model) Finding() (model.OpenFinding, bool) {
	_, i, ok := m.Selected()
	if !ok || m.Form != nil {
		return model.OpenFinding{}, false
	}
	var about []model.OpenFinding
	for _, f := range m.sess.FindingsOf(model.StepRisks) {
		if f.Index == i {
			about = append(about, f)
		}
	}
	return m.sess.Pick(about)
}
