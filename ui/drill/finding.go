package drill

import "github.com/roundtable/roundtable/model"

// Finding is a finding of the drill, for the key that turns it into an
// action: a duty without a backup or an inject left unanswered, the first
// that no action answers yet.
func (m *Model) Finding() (model.OpenFinding, bool) {
	if m.sess == nil || m.Typing() {
		return model.OpenFinding{}, false
	}
	return m.sess.Pick(m.sess.FindingsOf(model.StepDrill))
}
