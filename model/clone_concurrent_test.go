package model_test

import (
	"reflect"
	"sync"
	"testing"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/modeltest"
)

// TestCloneWhileEditing saves a clone in the background, as the screens do,
// while the original keeps changing; run with -race it proves the two share
// nothing on a realistic session.
func TestCloneWhileEditing(t *testing.T) {
	s := modeltest.Large()
	want := modeltest.Large()
	c := s.Clone()
	var wg sync.WaitGroup
	wg.Go(func() {
		if !reflect.DeepEqual(c, want) {
			t.Error("the background copy changed while the session was edited")
		}
	})
	for i := range s.RACI.Activities {
		s.RACI.Set(i, s.RACI.Roles[0].ID, model.Consulted)
	}
	for i := range s.Risks {
		s.Risks[i].Likelihood, s.Risks[i].Owner = 1, ""
	}
	run := &s.Drill.Runs[len(s.Drill.Runs)-1]
	for k := range run.Checklist {
		run.Checklist[k] = model.Check{}
	}
	for i := range run.Messages {
		clear(run.Messages[i].Checks)
	}
	s.Workshop.Steps[0].Prompts[0] = "changed"
	wg.Wait()
}
