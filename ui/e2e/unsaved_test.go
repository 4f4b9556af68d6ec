package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/roundtable/roundtable/model"
)

// TestAFailedSaveIsShownAndKeptOnTheWayOut takes the sessions folder away
// from under the running program: the status line says why the edit is not
// saved, and SIGTERM then leaves the edit in a copy of the session, whose
// path the program prints and which roundtable open reads.
func TestAFailedSaveIsShownAndKeptOnTheWayOut(t *testing.T) {
	home := t.TempDir()
	env := testEnv(t, home)
	out, _, err := roundtable(t, env, "new", "Unsaved", "--sample", "--no-open")
	if err != nil {
		t.Fatal(err)
	}
	id := lastLine(out)
	before := loadSession(t, filepath.Join(sessionsDir(home), id+".toml"))
	step := -1
	for i, s := range before.Workshop.Steps {
		if s.Kind == model.StepRACI {
			step = i
		}
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
	if err := os.Rename(sessionsDir(home), sessionsDir(home)+"-moved"); err != nil {
		t.Fatal(err)
	}
	s.send(choice.key)
	s.waitFor("! not saved: its folder is gone — press ! for details", "unsaved")
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := s.exit(); err == nil {
		t.Error("roundtable exited with success although the last changes were not saved")
	}
	copies, _ := filepath.Glob(filepath.Join(home, "state", "roundtable", id+".unsaved-*.toml"))
	if len(copies) != 1 {
		t.Fatalf("copies in the state folder: %v", copies)
	}
	// The last words reach the screen after the program has ended, and
	// the copy's path is long enough for the terminal to wrap it.
	s.waitFor("They are kept in a copy of the session; open it with:")
	command := "roundtable open " + copies[0]
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(strings.ReplaceAll(s.text(), "\n", ""), command); {
		if time.Now().After(deadline) {
			t.Fatalf("on the way out roundtable did not say %q; the terminal shows:\n%s", command, s.text())
		}
		time.Sleep(time.Millisecond)
	}
	if got := loadSession(t, copies[0]); got.RACI.Activities[0].Cells[role] != choice.letter {
		t.Errorf("the copy's first cell holds %q, not the edit %q", got.RACI.Activities[0].Cells[role], choice.letter)
	}
	s = startScreen(t, env, 80, 24, "open", copies[0])
	s.waitFor(fmt.Sprintf("Step %d of", step+1), "Unsaved")
	s.send(keyCtrlC)
	if err := s.exit(); err != nil {
		t.Errorf("the copy opened and quit with %v", err)
	}
}
