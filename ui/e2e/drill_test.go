package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/roundtable/roundtable/model/store"
)

// TestCompressedDrillMeasuresFirstAcknowledgement starts a compressed drill
// on a new session, logs a public acknowledgement, sees the time to the
// first acknowledgement, quits, and finds the message kept with its clock.
func TestCompressedDrillMeasuresFirstAcknowledgement(t *testing.T) {
	home := t.TempDir()
	env := testEnv(t, home)
	out, _, err := roundtable(t, env, "new", "Drill rehearsal", "--no-open")
	if err != nil {
		t.Fatal(err)
	}
	id := lastLine(out)
	s := startScreen(t, env, 80, 24, "open", id)
	s.waitFor("Step 1 of")
	s.send("5")
	s.waitFor("Set up drill run 1", "Clock speed")
	s.send(keyDown, keyRight, keyRight)
	s.waitFor("4×")
	s.send(keyEnter)
	s.waitFor("RUNNING", "×4")
	s.send("m")
	s.send("We are aware of the problem and we are sorry.")
	s.send("\x13") // ctrl+s sends the message
	s.waitFor("first ack")
	// Two more seconds of a ×4 clock: quitting writes it down.
	time.Sleep(2 * time.Second)
	s.send("q")
	if err := s.exit(); err != nil {
		t.Fatalf("quitting during a running drill: %v\n%s", err, s.text())
	}
	data, err := os.ReadFile(filepath.Join(sessionsDir(home), id+".toml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "We are aware of the problem and we are sorry.") {
		t.Fatal("the drafted message was not saved")
	}
	sess, _, err := store.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	run := sess.Drill.Runs[0]
	if len(run.Messages) != 1 || run.Clock < run.Messages[0].At+8 {
		t.Fatalf("quitting kept the clock at %ds, the message at %ds: the seconds after it are lost", run.Clock, run.Messages[0].At)
	}
	s = startScreen(t, env, 80, 24, "open", id)
	s.waitFor("Step 5 of", "PAUSED", "first ack")
	// Going to another step pauses a running drill, and says so.
	s.send(" ")
	s.waitFor("RUNNING")
	s.send("]")
	s.waitFor("Step 6 of", "Drill paused at", "space on its step runs it on")
	s.send("[")
	s.waitFor("Step 5 of", "PAUSED")
	s.send(keyCtrlC)
	_ = s.exit()
}
