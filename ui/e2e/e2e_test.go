// Package e2e tests the built roundtable binary as a user meets it: its
// commands, and its screens in a pseudo-terminal read back through a
// terminal emulator.
package e2e

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/creack/pty"
	"github.com/hinshun/vt10x"
)

// binary is the roundtable program built once for the end-to-end tests.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "roundtable-e2e-")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "roundtable")
	build := exec.Command("go", "build", "-o", binary, "github.com/roundtable/roundtable")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		os.RemoveAll(dir)
		panic("building roundtable for the end-to-end tests: " + err.Error())
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// screen is the roundtable binary running in a pseudo-terminal, read back
// through a terminal emulator the way a person would see it.
type screen struct {
	t    testing.TB
	cmd  *exec.Cmd
	pty  *os.File
	vt   vt10x.Terminal
	done chan struct{}

	mu  sync.Mutex
	err error
}

// env gives the program a home of its own so tests never touch the real one.
func testEnv(t testing.TB, home string) []string {
	t.Helper()
	return append(os.Environ(),
		"HOME="+home,
		"XDG_DATA_HOME="+filepath.Join(home, "data"),
		"XDG_CONFIG_HOME="+filepath.Join(home, "config"),
		"XDG_STATE_HOME="+filepath.Join(home, "state"),
		"XDG_CACHE_HOME="+filepath.Join(home, "cache"),
		"ROUNDTABLE_DATA_DIR=",
		"TERM=xterm-256color",
		// The colour checks need a terminal that is taken at its word:
		// the colour library treats any CI variable as "not a terminal".
		"NO_COLOR=", "CLICOLOR=", "CLICOLOR_FORCE=", "CI=",
	)
}

func startScreen(t testing.TB, env []string, cols, rows int, args ...string) *screen {
	t.Helper()
	return startScreenIn(t, env, "", cols, rows, args...)
}

// startScreenIn starts the program in folder dir, where ctrl+e writes the
// plan.
func startScreenIn(t testing.TB, env []string, dir string, cols, rows int, args ...string) *screen {
	t.Helper()
	return start(t, env, dir, "", cols, rows, args...)
}

// start starts the program on an emulated terminal whose background is bg
// (an X colour such as "rgb:ffff/ffff/ffff"; "" is the emulator's black), which it
// reports when the program asks.
func start(t testing.TB, env []string, dir, bg string, cols, rows int, args ...string) *screen {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env, cmd.Dir = env, dir
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)})
	if err != nil {
		t.Fatalf("starting roundtable in a pseudo-terminal: %v", err)
	}
	s := &screen{t: t, cmd: cmd, pty: f, done: make(chan struct{})}
	// The emulator answers the program's terminal queries (cursor position)
	// through the pty, as a real terminal would.
	var answers io.Writer = f
	if bg != "" {
		answers = background{f, bg}
	}
	s.vt = vt10x.New(vt10x.WithWriter(answers), vt10x.WithSize(cols, rows))
	go func() {
		defer close(s.done)
		err := s.copyToScreen()
		s.mu.Lock()
		s.err = err
		s.mu.Unlock()
	}()
	t.Cleanup(func() {
		if s.cmd.ProcessState == nil {
			_ = s.cmd.Process.Kill()
			_ = s.cmd.Wait()
		}
		f.Close()
	})
	return s
}

// background passes the emulator's answers to the program, with the
// background colour it reports (always black: the emulator cannot be told
// otherwise) replaced by bg.
type background struct {
	w  io.Writer
	bg string
}

func (b background) Write(p []byte) (int, error) {
	const ask = "\x1b]11;"
	if i := bytes.Index(p, []byte(ask)); i >= 0 {
		if j := bytes.IndexByte(p[i:], '\a'); j >= 0 {
			answer := append(append(append([]byte{}, p[:i+len(ask)]...), b.bg...), p[i+j:]...)
			if _, err := b.w.Write(answer); err != nil {
				return 0, err
			}
			return len(p), nil
		}
	}
	return b.w.Write(p)
}

// copyToScreen feeds the program's output to the emulator. The emulator
// takes only whole characters and reports the rest as unwritten, which
// io.Copy would treat as an error and stop, freezing the screen: a read can
// end in the middle of a "█". The tail waits for the next read instead.
func (s *screen) copyToScreen() error {
	buf := make([]byte, 32*1024)
	var pending []byte
	for {
		n, err := s.pty.Read(buf)
		pending = append(pending, buf[:n]...)
		whole := len(pending)
		for i := len(pending) - 1; i >= 0 && i >= len(pending)-utf8.UTFMax; i-- {
			if utf8.RuneStart(pending[i]) {
				if !utf8.FullRune(pending[i:]) {
					whole = i
				}
				break
			}
		}
		w, werr := s.vt.Write(pending[:whole])
		if werr != nil {
			return werr
		}
		pending = append(pending[:0], pending[w:]...)
		if err != nil {
			if err == io.EOF {
				return nil
			}
			return err
		}
	}
}

// text is what the terminal shows now.
func (s *screen) text() string { return s.vt.String() }

// waitFor waits until the screen shows every one of want.
func (s *screen) waitFor(want ...string) {
	s.t.Helper()
	s.waitWithin(10*time.Second, want...)
}

// waitWithin waits until the screen shows every one of want, for at most d.
func (s *screen) waitWithin(d time.Duration, want ...string) {
	s.t.Helper()
	deadline := time.Now().Add(d)
	for {
		got := s.text()
		missing := ""
		for _, w := range want {
			if !strings.Contains(got, w) {
				missing = w
				break
			}
		}
		if missing == "" {
			return
		}
		if time.Now().After(deadline) {
			state := "the program is still running"
			select {
			case <-s.done:
				s.mu.Lock()
				state = fmt.Sprintf("the program's output has ended (%v)", s.err)
				s.mu.Unlock()
			default:
			}
			s.t.Fatalf("within %v the screen did not show %q (%s); it shows:\n%s", d, missing, state, got)
		}
		time.Sleep(time.Millisecond)
	}
}

// send types keys as bytes, the way a terminal delivers them.
func (s *screen) send(keys ...string) {
	s.t.Helper()
	for _, k := range keys {
		if _, err := s.pty.Write([]byte(k)); err != nil {
			s.t.Fatalf("typing %q: %v", k, err)
		}
		// Give the program a moment per key so escape sequences stay apart.
		time.Sleep(15 * time.Millisecond)
	}
}

// exit waits for the program to end and returns its error.
func (s *screen) exit() error {
	s.t.Helper()
	errc := make(chan error, 1)
	go func() { errc <- s.cmd.Wait() }()
	select {
	case err := <-errc:
		return err
	case <-time.After(10 * time.Second):
		s.t.Fatalf("roundtable did not exit; the screen shows:\n%s", s.text())
		return nil
	}
}

// Keys as a terminal sends them.
const (
	keyEnter = "\r"
	keyTab   = "\t"
	keyCtrlC = "\x03"
	keyDown  = "\x1b[B"
	keyRight = "\x1b[C"
)
