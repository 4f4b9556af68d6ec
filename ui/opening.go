package ui

import (
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/model/store"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/theme"
)

// `roundtable open` finds and locks the session on the command line, where
// a missing, ambiguous or locked session is said at once; the program
// shows its first frame straight away and reads the file meanwhile. A file
// that does not read is shown the way the home screen shows it, with its
// line and its backup.

// loadedMsg is the session file read, or why it could not be.
type loadedMsg struct {
	handle *store.Handle
	err    error
}

// openingFrame is the screen shown while the session file is read.
type openingFrame struct {
	styles        *theme.Styles
	path          string
	width, height int
	// early are the keys typed meanwhile.
	early []tea.KeyMsg
}

// name is the session as the header names it until its title is known.
func (o *openingFrame) name() string {
	return strings.TrimSuffix(filepath.Base(o.path), ".toml")
}

func (o *openingFrame) Init() tea.Cmd                       { return nil }
func (o *openingFrame) Update(tea.Msg) (tea.Model, tea.Cmd) { return o, nil }
func (o *openingFrame) SetSize(width, height int)           { o.width, o.height = width, height }
func (o *openingFrame) ShortHelp() []key.Binding            { return nil }
func (o *openingFrame) FullHelp() [][]key.Binding           { return nil }

func (o *openingFrame) View() string {
	return display.FitBlock("\n"+o.styles.Muted.Render("Opening "+display.OneLine(o.path)+" …"), o.width, o.height)
}

// load reads the reserved session in the background.
func loadCmd(h *store.Handle) tea.Cmd {
	return func() tea.Msg { return loadedMsg{handle: h, err: h.Load()} }
}

// loaded shows the session read, or the home screen with what is wrong
// with its file.
func (a *App) loaded(msg loadedMsg) tea.Cmd {
	early := a.opening.early
	a.opening = nil
	if msg.err != nil {
		// The room opened with the session (--room) has nothing to
		// serve, and the keys typed were meant for the session: a key
		// must not answer the question about the broken file.
		a.stopRoom()
		cmd := a.showHome()
		a.home.ShowBroken(msg.handle.Path, msg.err)
		return cmd
	}
	cmds := []tea.Cmd{a.opened(openedMsg{handle: msg.handle, ref: msg.handle.Path, readOnly: msg.handle.ReadOnly})}
	for _, k := range early {
		cmds = append(cmds, a.key(k))
	}
	return tea.Batch(cmds...)
}
