package steps

import (
	"strings"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/assessment"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/drill"
	"github.com/roundtable/roundtable/ui/listen"
	"github.com/roundtable/roundtable/ui/objectives"
	"github.com/roundtable/roundtable/ui/raci"
	"github.com/roundtable/roundtable/ui/review"
	"github.com/roundtable/roundtable/ui/risks"
)

// screens makes the screen of each kind of step; a test checks that every
// kind has one.
var screens = map[model.StepKind]func(common.Context) common.StepScreen{
	model.StepAssessment: assessment.New,
	model.StepDrill:      drill.New,
	model.StepListen:     listen.New,
	model.StepObjectives: objectives.New,
	model.StepRACI:       raci.New,
	model.StepReview:     review.New,
	model.StepRisks:      risks.New,
}

// screen returns the screen of the current step, made on first use, or nil
// when the workshop has no steps.
func (m *Model) screen() common.StepScreen {
	step, ok := m.sess.CurrentStep()
	if !ok {
		return nil
	}
	if s, ok := m.screensMade[step.Kind]; ok {
		return s
	}
	newScreen, ok := screens[step.Kind]
	if !ok {
		return nil
	}
	s := newScreen(m.ctx)
	s.SetSession(m.sess, m.rev)
	s.SetSize(m.width, max(m.height-2, 0))
	m.screensMade[step.Kind] = s
	return s
}

// Typing reports whether the details form is open or a text field of the
// current step has focus.
func (m *Model) Typing() bool {
	if m.details != nil || m.proposal != nil {
		return true
	}
	s := m.screen()
	return s != nil && s.Typing()
}

// Drafting reports whether the details form or the current step's open
// form holds words not saved yet.
func (m *Model) Drafting() bool {
	if m.proposal != nil {
		return m.proposal.form.Edited()
	}
	if m.details != nil {
		return m.details.Edited()
	}
	d, ok := m.screen().(common.Drafter)
	return ok && d.Drafting()
}

// Flush collects what the step screens made so far still have to write
// down (common.Flusher), as one change for the root to apply before it
// saves on the way out.
func (m *Model) Flush() (common.EditMsg, bool) {
	var edits []common.EditMsg
	var labels []string
	for _, s := range m.screensMade {
		if f, ok := s.(common.Flusher); ok {
			if e, ok := f.Flush(); ok && e.Apply != nil {
				edits = append(edits, e)
				if e.Label != "" {
					labels = append(labels, e.Label)
				}
			}
		}
	}
	if len(edits) == 0 {
		return common.EditMsg{}, false
	}
	return common.EditMsg{Label: strings.Join(labels, "; "), NoUndo: true, Apply: func(s *model.Session) {
		for _, e := range edits {
			e.Apply(s)
		}
	}}, true
}

// Selected is the current step's selected item, for the projector's focus
// (common.Focuser); false when the details form is open or the step has
// none.
func (m *Model) Selected() (model.FocusKind, int, bool) {
	if m.details != nil || m.proposal != nil {
		return model.FocusNone, 0, false
	}
	f, ok := m.screen().(common.Focuser)
	if !ok {
		return model.FocusNone, 0, false
	}
	return f.Selected()
}
