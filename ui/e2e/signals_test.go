package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestSignalsSaveTheLastChange closes the terminal (SIGHUP) or stops the
// program (SIGTERM) right after a change, before the autosave would run:
// the change must be on disk all the same.
func TestSignalsSaveTheLastChange(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			home := t.TempDir()
			env := testEnv(t, home)
			out, _, err := roundtable(t, env, "new", "Signals", "--no-open")
			if err != nil {
				t.Fatal(err)
			}
			id := lastLine(out)
			s := startScreen(t, env, 80, 24, "open", id)
			s.waitFor("Step 1 of")
			s.send("4")
			s.waitFor("Step 4 of")
			if err := s.cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			_ = s.exit()
			data, err := os.ReadFile(filepath.Join(sessionsDir(home), id+".toml"))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(data), "\nstep = 3\n") {
				t.Fatalf("after %s the session file does not keep the step the room was on:\n%.400s", sig, data)
			}
			if _, err := os.Stat(filepath.Join(sessionsDir(home), id+".lock")); err != nil {
				t.Fatalf("the lock file is gone: %v", err)
			}
			// The lock was released: the session opens again at once.
			s = startScreen(t, env, 80, 24, "open", id)
			s.waitFor("Step 4 of")
			s.send(keyCtrlC)
			_ = s.exit()
		})
	}
}
