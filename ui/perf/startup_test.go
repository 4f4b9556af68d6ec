package perf

import (
	"errors"
	"fmt"
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

	"github.com/roundtable/roundtable/model/store"
)

// The programs the benchmarks start, each built once per run into binDir.
var (
	buildMu sync.Mutex
	binDir  string
	builds  = map[string]string{}
)

// binary is the roundtable program.
func binary(b *testing.B) string { return built(b, "roundtable", "github.com/roundtable/roundtable") }

// built builds the program of package pkg as name, once.
func built(b *testing.B, name, pkg string) string {
	b.Helper()
	buildMu.Lock()
	defer buildMu.Unlock()
	if path, ok := builds[name]; ok {
		return path
	}
	if binDir == "" {
		dir, err := os.MkdirTemp("", "roundtable-perf-")
		if err != nil {
			b.Fatal(err)
		}
		binDir = dir
	}
	path := filepath.Join(binDir, name)
	if out, err := exec.Command("go", "build", "-o", path, pkg).CombinedOutput(); err != nil {
		b.Fatalf("building %s: %v\n%s", name, err, out)
	}
	builds[name] = path
	return path
}

func removeBinary() {
	if binDir != "" {
		os.RemoveAll(binDir)
	}
}

// BenchmarkStartup measures from starting the binary in an 80×24
// pseudo-terminal to its first frame: the home screen, the home screen
// listing the 100 sessions of fillStore, or the large session opened on
// its step.
func BenchmarkStartup(b *testing.B) {
	bin := binary(b)
	home := b.TempDir()
	env := envIn(home)
	st := store.New(filepath.Join(home, "data", "roundtable"))
	large := fillStore(b, st)
	// A laptop's list has been read before: home-listed starts from the
	// list's cache, home-listed-cold removes it each time.
	if _, err := st.List(); err != nil {
		b.Fatal(err)
	}
	budget, _ := Lookup("Startup")
	for _, c := range []struct {
		name  string
		args  []string
		frame string
	}{
		// The first frame, then the frame with the list read from disk:
		// from the list's cache, and with no cache (every file decoded).
		{"home-first-frame", nil, "Sessions"},
		{"home-listed", nil, "Acme social media roles"},
		{"home-listed-cold", nil, "Acme social media roles"},
		{"open-large", []string{"open", large.ID}, fmt.Sprintf("Step %d of", large.Step+1)},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if strings.HasSuffix(c.name, "-cold") {
					b.StopTimer()
					if err := os.Remove(filepath.Join(home, "data", "roundtable", "list-cache.json")); err != nil && !errors.Is(err, os.ErrNotExist) {
						b.Fatal(err)
					}
					b.StartTimer()
				}
				p, err := startInTerminal(bin, env, c.args, c.frame)
				if err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				if err := p.quit(); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
			}
			reportBudget(b, budget)
		})
	}
}

// running is the program in a pseudo-terminal, its screen kept by a
// terminal emulator that also answers the program's terminal queries.
type running struct {
	cmd  *exec.Cmd
	pty  *os.File
	done chan struct{}
}

// startInTerminal starts the binary and returns once the screen shows
// frame, or one of the frames it lists between "|".
func startInTerminal(bin string, env, args []string, frame string) (*running, error) {
	frames := strings.Split(frame, "|")
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 80, Rows: 24})
	if err != nil {
		return nil, err
	}
	p := &running{cmd: cmd, pty: f, done: make(chan struct{})}
	vt := vt10x.New(vt10x.WithWriter(f), vt10x.WithSize(80, 24))
	shown := make(chan struct{})
	go func() {
		defer close(p.done)
		buf := make([]byte, 64*1024)
		var pending []byte
		seen := false
		for {
			n, err := f.Read(buf)
			pending = append(pending, buf[:n]...)
			// The emulator takes whole characters only; a read can end
			// inside one.
			whole := len(pending)
			for i := len(pending) - 1; i >= 0 && i >= len(pending)-utf8.UTFMax; i-- {
				if utf8.RuneStart(pending[i]) {
					if !utf8.FullRune(pending[i:]) {
						whole = i
					}
					break
				}
			}
			w, _ := vt.Write(pending[:whole])
			pending = append(pending[:0], pending[w:]...)
			if !seen && containsAny(vt.String(), frames) {
				seen = true
				close(shown)
			}
			if err != nil {
				return
			}
		}
	}()
	select {
	case <-shown:
		return p, nil
	case <-p.done:
		p.kill()
		return nil, fmt.Errorf("roundtable %v ended before showing %q:\n%s", args, frame, vt.String())
	case <-time.After(10 * time.Second):
		screen := vt.String()
		p.kill()
		return nil, fmt.Errorf("roundtable %v never showed %q; the screen shows:\n%s", args, frame, screen)
	}
}

func containsAny(s string, parts []string) bool {
	for _, p := range parts {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// quit presses ctrl+c and waits for the program to end.
func (p *running) quit() error {
	if _, err := p.pty.Write([]byte{3}); err != nil {
		return err
	}
	errc := make(chan error, 1)
	go func() { errc <- p.cmd.Wait() }()
	select {
	case err := <-errc:
		p.pty.Close()
		<-p.done
		var exit *exec.ExitError
		if err != nil && !errors.As(err, &exit) {
			return err
		}
		return nil
	case <-time.After(10 * time.Second):
		p.kill()
		return errors.New("roundtable did not quit on ctrl+c")
	}
}

func (p *running) kill() {
	_ = p.cmd.Process.Kill()
	_ = p.cmd.Wait()
	p.pty.Close()
}
