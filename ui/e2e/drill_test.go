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

// TestAFinishedDrillSurvivesAStrayN: on the results of the sample's
// finished drill, a stray n and enter only ask; a second enter goes back.
// A run started on purpose is taken back with u, and the plan still
// reports the finished run, saying which and out of how many.
func TestAFinishedDrillSurvivesAStrayN(t *testing.T) {
	home := t.TempDir()
	env := testEnv(t, home)
	out, _, err := roundtable(t, env, "new", "Northwind", "--sample", "--no-open")
	if err != nil {
		t.Fatal(err)
	}
	id := lastLine(out)
	s := startScreen(t, env, 80, 24, "open", id)
	s.waitFor("Step 1 of")
	s.send("5")
	s.waitFor("Results of run 1 of 1", "5 Crisis drill✓")
	s.send("n", keyEnter)
	s.waitFor("Start drill run 2?", "[b] Back to run 1's results")
	s.send(keyEnter)
	s.waitFor("Results of run 1 of 1", "5 Crisis drill✓")
	s.send("n", keyEnter, "y")
	s.waitFor("RUNNING", "×4")
	s.send("u")
	s.waitFor("Undone: Started drill run 2", "Results of run 1 of 1", "5 Crisis drill✓")
	s.send("q")
	if err := s.exit(); err != nil {
		t.Fatalf("quitting: %v\n%s", err, s.text())
	}
	sess, _, err := store.Load(filepath.Join(sessionsDir(home), id+".toml"))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(sess.Drill.Runs); n != 1 || !sess.Drill.Runs[0].Ended {
		t.Fatalf("the session holds %d runs after a stray n and an undone start", n)
	}
	plan, _, err := roundtable(t, env, "export", id, "--stdout")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(plan, "**Run reported:** run 1 of 1, the latest finished run") || strings.Contains(plan, "nothing was acknowledged in public") {
		t.Errorf("the plan's drill result:\n%s", plan[strings.Index(plan, "### Drill result"):][:600])
	}
}
