package e2e

import (
	"fmt"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/store"
)

// TestSignalsSaveTheLastChange closes the terminal (SIGHUP) or stops the
// program (SIGTERM) right after an edit, while the autosave is still
// waiting: the edit is not on disk before the signal and must be after it.
func TestSignalsSaveTheLastChange(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			home := t.TempDir()
			env := testEnv(t, home)
			out, _, err := roundtable(t, env, "new", "Signals", "--sample", "--no-open")
			if err != nil {
				t.Fatal(err)
			}
			id := lastLine(out)
			path := filepath.Join(sessionsDir(home), id+".toml")
			before := loadSession(t, path)
			step := -1
			for i, s := range before.Workshop.Steps {
				if s.Kind == model.StepRACI {
					step = i
				}
			}
			if step < 0 || step == before.Step || len(before.RACI.Activities) == 0 || len(before.RACI.Roles) == 0 {
				t.Fatalf("the sample session has no RACI grid to edit away from its current step (step %d, RACI step %d)", before.Step, step)
			}
			role := before.RACI.Roles[0].ID
			choice := letters[0]
			if before.RACI.Activities[0].Cells[role] == choice.letter {
				choice = letters[1]
			}

			s := startScreen(t, env, 80, 24, "open", id)
			s.waitFor(fmt.Sprintf("Step %d of", before.Step+1))
			s.send(strconv.Itoa(step + 1))
			s.waitFor(fmt.Sprintf("Step %d of", step+1))
			// The last edit: a letter in the grid's first cell, shown in
			// the status line at once and saved only 300 ms later.
			s.send(choice.key)
			s.waitFor("RACI: ")
			if got := loadSession(t, path); got.RACI.Activities[0].Cells[role] == choice.letter || got.Step == step {
				t.Fatal("the autosave ran before the signal could be sent, so this run cannot tell whether the signal saves")
			}
			if err := s.cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			_ = s.exit()

			got := loadSession(t, path)
			if l := got.RACI.Activities[0].Cells[role]; l != choice.letter {
				t.Errorf("after %s the last edit is lost: the cell holds %q, want %q", sig, l, choice.letter)
			}
			if got.Step != step {
				t.Errorf("after %s the session file keeps step %d, not the step the room was on (%d)", sig, got.Step+1, step+1)
			}
			// The lock was released: the session opens again at once.
			s = startScreen(t, env, 80, 24, "open", id)
			s.waitFor(fmt.Sprintf("Step %d of", step+1))
			s.send(keyCtrlC)
			_ = s.exit()
		})
	}
}

func loadSession(t *testing.T, path string) *model.Session {
	t.Helper()
	sess, _, err := store.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return sess
}
