//go:build linux

package store

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestFacilitatedReadsTheLockWithoutTouchingIt: the projector asks many
// times a second whether the facilitator still holds the session, and must
// neither create the lock file nor ever stand in the facilitator's way.
func TestFacilitatedReadsTheLockWithoutTouchingIt(t *testing.T) {
	s := newStore(t)
	path := mustCreate(t, s, session("held-aaaa", "Held", time.Now().UTC().Truncate(time.Second)))
	lockFile := filepath.Join(s.SessionsDir(), "held-aaaa.lock")
	if held, err := Facilitated(path); err != nil || held {
		t.Fatalf("a session nobody opened: held %v, %v", held, err)
	}
	if _, err := os.Lstat(lockFile); err == nil {
		t.Fatal("asking created the lock file")
	}

	h, err := s.Open("held-aaaa", false)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(lockFile)
	info, _ := os.Stat(lockFile)
	for range 50 {
		if held, err := Facilitated(path); err != nil || !held {
			t.Fatalf("an open session: held %v, %v", held, err)
		}
	}
	after, _ := os.ReadFile(lockFile)
	info2, _ := os.Stat(lockFile)
	if string(before) != string(after) || !info.ModTime().Equal(info2.ModTime()) {
		t.Fatal("asking changed the lock file")
	}
	if err := h.Close(); err != nil {
		t.Fatal(err)
	}
	if held, err := Facilitated(path); err != nil || held {
		t.Fatalf("a closed session: held %v, %v", held, err)
	}

	// Another process holds it, then dies.
	child := exec.Command(os.Args[0], "-test.run=^$")
	child.Env = append(os.Environ(), childLockEnv+"=held-aaaa", EnvDataDir+"="+s.Root())
	out, _ := child.StdoutPipe()
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	defer child.Process.Kill()
	if line, _ := bufio.NewReader(out).ReadString('\n'); !strings.HasPrefix(line, "locked") {
		t.Fatalf("the other process did not get the lock: %q", line)
	}
	if held, err := Facilitated(path); err != nil || !held {
		t.Fatalf("held by another process: %v, %v", held, err)
	}
	child.Process.Kill()
	child.Wait()
	if held, err := Facilitated(path); err != nil || held {
		t.Fatalf("after the holder died: %v, %v", held, err)
	}
}

// TestProjectorsAreTheProgramsPresentingTheFile counts the programs run as
// `present` that have the file open, before and after a save replaced it.
func TestProjectorsAreTheProgramsPresentingTheFile(t *testing.T) {
	s := newStore(t)
	path := mustCreate(t, s, session("shown-aaaa", "Shown", time.Now().UTC().Truncate(time.Second)))
	hold := func(name string) *exec.Cmd {
		t.Helper()
		// The shell's own arguments stand for a program's: $0 is name.
		cmd := exec.Command("sh", "-c", `exec 3<"$1"; echo open; read line`, name, path)
		out, _ := cmd.StdoutPipe()
		// The shell waits for a line that never comes, so it ends with the test.
		if _, err := cmd.StdinPipe(); err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		if line, _ := bufio.NewReader(out).ReadString('\n'); line != "open\n" {
			t.Fatalf("the holder did not open the file: %q", line)
		}
		return cmd
	}
	count := func() int {
		t.Helper()
		n, err := Projectors(path)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := count(); n != 0 {
		t.Fatalf("%d projectors before any", n)
	}
	hold("editor")
	if n := count(); n != 0 {
		t.Fatalf("a program that is not presenting counts as %d projectors", n)
	}
	p := hold("present")
	if n := count(); n != 1 {
		t.Fatalf("%d projectors, want 1", n)
	}
	h, err := s.Open("shown-aaaa", false)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	if err := h.Save(h.Session); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 1 {
		t.Fatalf("after a save, %d projectors, want the one still reading the file before it", n)
	}
	p.Process.Kill()
	p.Wait()
	if n := count(); n != 0 {
		t.Fatalf("%d projectors after it stopped", n)
	}
}

// TestFacilitatedThroughALink: a projector given a symbolic link to the
// session sees the facilitator's lock, which sits beside the real file.
func TestFacilitatedThroughALink(t *testing.T) {
	s := newStore(t)
	path := mustCreate(t, s, session("linked-aaaa", "Linked", time.Now().UTC().Truncate(time.Second)))
	link := filepath.Join(t.TempDir(), "on-the-desktop.toml")
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	h, err := s.Open("linked-aaaa", false)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	if held, err := Facilitated(link); err != nil || !held {
		t.Fatalf("an open session seen through a link: held %v, %v", held, err)
	}
	if _, err := os.Lstat(strings.TrimSuffix(link, ".toml") + ".lock"); err == nil {
		t.Fatal("asking created a lock file beside the link")
	}
}
