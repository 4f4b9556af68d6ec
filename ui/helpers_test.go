package ui

import (
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/adrg/xdg"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/store"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/theme"
	"github.com/roundtable/roundtable/workshops"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

// fixedNow is the clock of every test, so relative times never drift.
var fixedNow = time.Date(2026, 3, 14, 10, 0, 0, 0, time.UTC)

// harness is the root model with a store in a temporary folder, driven by
// messages as Bubble Tea would drive it, minus the terminal.
type harness struct {
	t     *testing.T
	app   *App
	store *store.Store
	// ticks holds the autosave ticks the app asked for, not yet delivered.
	ticks []scheduled
	// looks are the looks for projectors scheduled so far.
	looks []tea.Msg
	quit  bool
}

type scheduled struct {
	after time.Duration
	msg   tea.Msg
}

func newHarness(t *testing.T, width, height int) *harness {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", dir+"/data")
	t.Setenv("XDG_CONFIG_HOME", dir+"/config")
	t.Setenv("XDG_STATE_HOME", dir+"/state")
	t.Setenv("ROUNDTABLE_DATA_DIR", dir+"/data/roundtable")
	xdg.Reload()
	st := store.New(dir + "/data/roundtable")
	h := &harness{t: t, store: st}
	ctx := common.Context{Styles: theme.New(theme.Dark), Now: func() time.Time { return fixedNow }}
	h.app = newApp(Options{Store: st, Workshops: workshops.Load(dir + "/config/roundtable"), Version: "v-test"}, ctx)
	h.app.stderr = io.Discard
	h.app.schedule = func(d time.Duration, msg tea.Msg) tea.Cmd {
		h.ticks = append(h.ticks, scheduled{d, msg})
		return nil
	}
	h.app.lookLater = func(d time.Duration, msg tea.Msg) tea.Cmd {
		h.looks = append(h.looks, msg)
		return nil
	}
	h.size(width, height)
	h.run(h.app.Init())
	return h
}

// run carries out commands and feeds their messages back, as the program
// loop does, until nothing is left.
func (h *harness) run(cmds ...tea.Cmd) {
	h.t.Helper()
	queue := append([]tea.Cmd(nil), cmds...)
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 1000 {
			h.t.Fatal("commands never settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case tea.QuitMsg:
			h.quit = true
		default:
			_, next := h.app.Update(msg)
			queue = append(queue, next)
		}
	}
}

func (h *harness) send(msg tea.Msg) {
	h.t.Helper()
	_, cmd := h.app.Update(msg)
	h.run(cmd)
}

func (h *harness) size(w, hh int) { h.send(tea.WindowSizeMsg{Width: w, Height: hh}) }

// keys presses keys by name: "enter", "esc", "tab", "shift+tab", "ctrl+s",
// or any other string typed rune by rune.
func (h *harness) keys(names ...string) {
	h.t.Helper()
	for _, n := range names {
		if k, ok := specialKeys[n]; ok {
			h.send(tea.KeyMsg{Type: k})
			continue
		}
		for _, r := range n {
			h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		}
	}
}

var specialKeys = map[string]tea.KeyType{
	"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
	"ctrl+s": tea.KeyCtrlS, "ctrl+c": tea.KeyCtrlC, "ctrl+r": tea.KeyCtrlR, "ctrl+d": tea.KeyCtrlD,
	"ctrl+u": tea.KeyCtrlU, "down": tea.KeyDown, "up": tea.KeyUp, "backspace": tea.KeyBackspace,
}

// screen is what the terminal would show, without styles.
func (h *harness) screen() string { return ansi.Strip(h.app.View()) }

func (h *harness) wantScreen(want ...string) {
	h.t.Helper()
	s := h.screen()
	for _, w := range want {
		if !strings.Contains(s, w) {
			h.t.Fatalf("the screen does not show %q; it shows:\n%s", w, s)
		}
	}
}

func (h *harness) dontWantScreen(not ...string) {
	h.t.Helper()
	s := h.screen()
	for _, w := range not {
		if strings.Contains(s, w) {
			h.t.Fatalf("the screen shows %q but should not; it shows:\n%s", w, s)
		}
	}
}

// create stores a session made from the default workshop.
func (h *harness) create(title, org string) *model.Session {
	h.t.Helper()
	w, err := h.app.opts.Workshops.Get(workshops.Default)
	if err != nil {
		h.t.Fatal(err)
	}
	sess := model.New(store.NewID(title, fixedNow), model.Meta{
		Title: title, Organisation: org, Date: "2026-03-14",
		Created: fixedNow.Add(-2 * time.Hour), Updated: fixedNow.Add(-2 * time.Hour),
	}, w)
	if _, err := h.store.Create(sess); err != nil {
		h.t.Fatal(err)
	}
	return sess
}

// reload lists the sessions again, as coming back to the home screen does.
func (h *harness) reload() { h.run(h.app.home.Init()) }

func (h *harness) entries() []store.Entry {
	h.t.Helper()
	es, err := h.store.List()
	if err != nil {
		h.t.Fatal(err)
	}
	return es
}

// deliverTicks hands the app the autosave ticks it asked for.
func (h *harness) deliverTicks() {
	ticks := h.ticks
	h.ticks = nil
	for _, tk := range ticks {
		h.send(tk.msg)
	}
}

// checkFits fails when any line of view is wider than width or the view is
// taller than height.
func checkFits(t *testing.T, view string, width, height int, what string) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > height {
		t.Fatalf("%s at %d×%d: %d lines", what, width, height, len(lines))
	}
	for i, l := range lines {
		// Measured as terminals draw it, which is wider than the width
		// library counts some text.
		if w := display.Width(l); w > width {
			t.Fatalf("%s at %d×%d: line %d is %d wide: %q", what, width, height, i+1, w, ansi.Strip(l))
		}
	}
}

// sess is the open session as it is now, nil on the home screen.
func (h *harness) sess() *model.Session {
	if h.app.open == nil {
		return nil
	}
	return h.app.open.sess
}
