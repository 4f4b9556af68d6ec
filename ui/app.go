package ui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/store"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/dialog"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/home"
	"github.com/roundtable/roundtable/ui/keys"
	"github.com/roundtable/roundtable/ui/newsession"
	"github.com/roundtable/roundtable/ui/room"
	"github.com/roundtable/roundtable/ui/steps"
)

// The smallest terminal Roundtable draws in: 40 columns hold a step bar of
// numbers and a status line, 12 rows hold the header, five rows of content,
// the status line and the help line. Below it a notice asks for more room.
const (
	MinWidth  = 40
	MinHeight = 12
)

type screen int

const (
	homeScreen screen = iota
	newSessionScreen
	stepScreen
	// openingScreen is shown while the session given on the command
	// line is read.
	openingScreen
)

// App is the root model. It routes: window sizes to every screen, global
// keys first, everything else to the active screen, and the screens'
// requests (package common) to the open session, which keeps undo,
// autosave and the way out. It is used as a pointer so that Run can save
// the last state after the program stops for any reason, a panic included.
type App struct {
	opts Options
	ctx  common.Context

	width, height int

	home   *home.Model
	form   *newsession.Model
	steps  *steps.Model
	active screen

	help     help.Model
	fullHelp bool
	dialog   *dialog.Dialog

	// open is the session on the step screens, nil on the home screen.
	open *openSession
	// opening is the session given on the command line while its file is
	// read.
	opening *openingFrame
	// pending is an opened session waiting for the room to accept the
	// unknown keys in its file.
	pending *store.Handle
	// room is the open session's live room, nil while there is none;
	// roomWait waits for its next picture (tests replace it).
	room     *liveRoom
	roomWait func(s *room.Server, after uint64) tea.Cmd

	// timer is the step timers of the open session.
	timer stepTimers

	// projectors is how many projectors follow the open session; -1 where
	// the system cannot tell. lookLater schedules the next look; tests
	// replace it, as the looks go on for as long as the session is open.
	projectors int
	lookLater  func(d time.Duration, msg tea.Msg) tea.Cmd

	status    string
	statusErr error

	// quitting is set once the program is told to stop with no session
	// open; with one, the session knows its way out.
	quitting bool
	// quitArmed is set by a ctrl+c that found words in an open form; the
	// next ctrl+c quits, any other key disarms it.
	quitArmed bool

	// stderr is where Run tells the user about a crash.
	stderr io.Writer
	// schedule delivers msg after d; tests replace it to drive time.
	schedule func(d time.Duration, msg tea.Msg) tea.Cmd
}

// Messages the root sends itself.
type (
	autosaveMsg struct{ gen int }
	savedMsg    struct {
		rev int
		err error
	}
	openedMsg struct {
		handle   *store.Handle
		ref      string
		readOnly bool
		err      error
	}
	createdMsg struct {
		path string
		err  error
	}
	closedMsg     struct{ err error }
	acceptUnknown struct{}
	reopenRO      struct{}
	dropPending   struct{}
	// hangupMsg arrives when the terminal goes away (SIGHUP).
	hangupMsg struct{}
	// quitNowMsg ends the wait of quitGrace.
	quitNowMsg struct{}
)

func newApp(opts Options, ctx common.Context) *App {
	a := &App{opts: opts, stderr: os.Stderr, schedule: func(d time.Duration, msg tea.Msg) tea.Cmd {
		return tea.Tick(d, func(time.Time) tea.Msg { return msg })
	}}
	// Every screen reads the open session's findings and frozen copy from
	// one place, worked out once per revision.
	ctx.Latest = &common.Latest{Frozen: func(sess *model.Session, rev int) (*model.Session, bool) {
		if a.open == nil || a.open.sess != sess || a.open.rev != rev {
			return nil, false
		}
		return a.open.snapshot(), true
	}}
	a.ctx = ctx
	a.lookLater = a.schedule
	a.timer = stepTimers{styles: ctx.Styles,
		now:      func() time.Time { return a.ctx.Now() },
		schedule: func(d time.Duration, msg tea.Msg) tea.Cmd { return a.schedule(d, msg) }}
	a.home = home.New(ctx, opts.Store, opts.Workshops)
	a.help = help.New()
	a.help.ShortSeparator = " · "
	a.help.Styles.ShortKey = ctx.Styles.Key
	a.help.Styles.ShortDesc = ctx.Styles.Muted
	a.help.Styles.ShortSeparator = ctx.Styles.Muted
	a.help.Styles.Ellipsis = ctx.Styles.Muted
	return a
}

// Init lists the sessions, and opens one at once when asked to.
func (a *App) Init() tea.Cmd {
	if h := a.opts.Open; h != nil {
		// The session comes first; the home list is read when the room
		// goes there.
		if h.Session != nil {
			return func() tea.Msg { return openedMsg{handle: h, ref: h.Path, readOnly: h.ReadOnly} }
		}
		a.opening = &openingFrame{styles: a.ctx.Styles, path: h.Path}
		a.active = openingScreen
		a.layout()
		return loadCmd(h)
	}
	return a.home.Init()
}

func (a *App) current() common.Component {
	switch a.active {
	case newSessionScreen:
		if a.form != nil {
			return a.form
		}
	case stepScreen:
		if a.steps != nil {
			return a.steps
		}
	case openingScreen:
		if a.opening != nil {
			return a.opening
		}
	}
	return a.home
}

// Update routes a message: window sizes to every screen, global keys
// first unless a text field has focus, everything else to the active screen.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		a.layout()
		if a.active == stepScreen && a.steps != nil {
			// A step may have work to redo at the new size, as the
			// review step's preview does.
			return a, a.forward(a.steps, msg)
		}
		return a, nil
	case tea.KeyMsg:
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste {
			// Keys typed faster than the program reads arrive together;
			// each must act on its own, as "]]" is two steps on.
			cmds := make([]tea.Cmd, 0, len(msg.Runes))
			for _, r := range msg.Runes {
				cmds = append(cmds, a.key(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt}))
			}
			return a, tea.Batch(cmds...)
		}
		return a, a.key(msg)
	case common.EditMsg:
		return a, a.apply(msg)
	case startRoomMsg, roomStartedMsg, room.Pushed, room.Stopped, room.Msg:
		return a, a.roomMsg(msg)
	case timerTickMsg:
		if a.open == nil || a.active != stepScreen {
			return a, nil
		}
		return a, a.timer.Update(msg)
	case projectorsMsg, projectorsDueMsg:
		return a, a.projectorsSeen(msg)
	case autosaveMsg:
		if a.open == nil || !a.open.autosave(msg.gen) {
			return a, nil
		}
		return a, a.saveCmd()
	case savedMsg:
		return a, a.saved(msg)
	case quitNowMsg:
		if a.open == nil {
			return a, nil
		}
		return a, a.do(a.open.stop())
	case openedMsg:
		return a, a.opened(msg)
	case loadedMsg:
		return a, a.loaded(msg)
	case createdMsg:
		if msg.err != nil {
			a.setError(msg.err)
			return a, nil
		}
		return a, a.openCmd(msg.path, false)
	case closedMsg:
		if msg.err != nil {
			a.setError(msg.err)
		}
		return a, a.showHome()
	case acceptUnknown:
		h := a.pending
		a.pending = nil
		return a, a.enter(h)
	case reopenRO:
		h := a.pending
		a.pending = nil
		st := a.opts.Store
		return a, func() tea.Msg {
			// Release the lock first, or the read-only open would find it.
			_ = h.Close()
			ro, err := st.Open(h.Path, true)
			return openedMsg{handle: ro, ref: h.Path, readOnly: true, err: err}
		}
	case dropPending:
		h := a.pending
		a.pending = nil
		a.stopRoom()
		return a, closeHandleCmd(h)
	case hangupMsg:
		// No one is left to answer a failed save: Run saves on the way
		// out, or keeps a copy.
		return a, tea.Quit
	case exportChooseMsg, exportAskMsg, exportReplaceMsg, exportedMsg:
		return a, a.exporting(msg)
	case common.OpenMsg:
		return a, a.openCmd(msg.Ref, msg.ReadOnly)
	case common.NewSessionMsg:
		a.form = newsession.New(a.ctx, a.opts.Workshops)
		a.active = newSessionScreen
		a.layout()
		return a, a.form.Init()
	case common.CreateMsg:
		return a, a.createCmd(msg.Session)
	case common.HomeMsg:
		if a.open != nil {
			return a, a.do(a.open.leave())
		}
		return a, a.showHome()
	case common.StatusMsg:
		if msg.Err != nil {
			a.setError(msg.Err)
			return a, nil
		}
		if a.open == nil {
			// On the home screen an error is the last action's, and this
			// message is about a newer one. With a session open, an error
			// (a save that failed) stays until a save succeeds.
			a.statusErr = nil
		}
		a.setStatus(msg.Text)
		return a, nil
	case home.Msg:
		// The home screen's own results go back to it even if the room
		// has moved on since.
		return a, a.forward(a.home, msg)
	}
	return a, a.forward(a.current(), msg)
}

func (a *App) forward(c common.Component, msg tea.Msg) tea.Cmd {
	_, cmd := c.Update(msg)
	return cmd
}

func (a *App) typing() bool {
	t, ok := a.current().(common.Typer)
	return ok && t.Typing()
}

func (a *App) key(msg tea.KeyMsg) tea.Cmd {
	if key.Matches(msg, keys.Keys.ForceQ) {
		if a.open != nil && a.open.state == saveFailed {
			return tea.Quit
		}
		if a.drafting() && !a.quitArmed && !a.quitting && (a.open == nil || !a.open.leaving()) {
			// Words typed into an open form are not saved yet: say so
			// once; a second ctrl+c quits without them.
			a.quitArmed = true
			a.setStatus("This form is not saved: ctrl+s saves it; ctrl+c again quits.")
			return nil
		}
		return a.quit()
	}
	a.quitArmed = false
	if a.quitting || a.open != nil && a.open.busy() {
		return nil
	}
	if a.opening != nil {
		// Keys typed before the session is on screen act once it is, as
		// keys typed before the program started would.
		a.opening.early = append(a.opening.early, msg)
		return nil
	}
	if a.fullHelp {
		// The full help covers the screen: a key pressed while it is open
		// closes it, and changes nothing the room cannot see.
		a.fullHelp = false
		a.layout()
		return nil
	}
	if a.dialog != nil {
		done, cmd := a.dialog.Update(msg)
		if done {
			a.dialog = nil
		}
		return cmd
	}
	if cmd, ok := a.roomKey(msg); ok {
		return cmd
	}
	if a.typing() {
		return a.forward(a.current(), msg)
	}
	switch {
	case key.Matches(msg, keys.Keys.Help):
		a.fullHelp = !a.fullHelp
		a.layout()
		return nil
	case key.Matches(msg, keys.Keys.Quit):
		return a.quit()
	case key.Matches(msg, detailsKey) && a.statusErr != nil:
		a.showDetails()
		return nil
	}
	if a.active == stepScreen && a.open != nil {
		if cmd, ok := a.stepKey(msg); ok {
			return cmd
		}
	}
	cmd := a.forward(a.current(), msg)
	if a.open != nil && a.open.readOnly && a.active == stepScreen && a.typing() && msg.String() != "/" {
		// A form opened: close it before anyone types words that could
		// not be kept. Filtering with / changes nothing and stays open.
		a.forward(a.current(), tea.KeyMsg{Type: tea.KeyEsc})
		a.setError(errReadOnly)
		return nil
	}
	return cmd
}

// stepKey answers the keys every step shares; false hands the key on to
// the step's screen.
func (a *App) stepKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	s := a.open.sess
	switch {
	case key.Matches(msg, keys.Keys.PrevStep):
		return a.goStep(s.Step - 1), true
	case key.Matches(msg, keys.Keys.NextStep):
		return a.goStep(s.Step + 1), true
	case key.Matches(msg, keys.Keys.Jump):
		return a.goStep(int(msg.Runes[0] - '1')), true
	case key.Matches(msg, keys.Keys.Ask):
		a.askTheRoom()
		return nil, true
	case key.Matches(msg, keys.Keys.Details):
		if a.open.readOnly {
			a.setError(errReadOnly)
			return nil, true
		}
		return a.steps.OpenDetails(), true
	case key.Matches(msg, keys.Keys.Undo):
		return a.takeBack(true), true
	case key.Matches(msg, keys.Keys.Redo):
		return a.takeBack(false), true
	case key.Matches(msg, keys.Keys.Back):
		return a.do(a.open.leave()), true
	case key.Matches(msg, keys.Keys.Export):
		return a.chooseExport(), true
	case key.Matches(msg, projectorKeys.Freeze, projectorKeys.Focus):
		return a.steerProjector(msg), true
	case key.Matches(msg, proposeKey):
		return a.proposeAction(), true
	case key.Matches(msg, timerKeys.Toggle, timerKeys.Extend):
		return a.timer.Update(msg), true
	}
	return nil, false
}

// goStep moves the group to step i.
func (a *App) goStep(i int) tea.Cmd {
	n := len(a.open.sess.Workshop.Steps)
	if n == 0 || i < 0 || i >= n {
		if n > 0 {
			a.setStatus(fmt.Sprintf("There are steps 1 to %d.", n))
		}
		return nil
	}
	if i == a.open.sess.Step {
		return nil
	}
	// A running drill pauses when the room leaves its step; its clock is
	// written down first.
	label, tick := a.open.goStep(i, a.ctx.Now())
	if label != "" {
		a.setStatus(label + ".")
	}
	return a.show(tick)
}

// apply makes a change to the open session, keeping what it was for undo.
func (a *App) apply(e common.EditMsg) tea.Cmd {
	if a.open == nil || e.Apply == nil {
		return nil
	}
	tick, err := a.open.apply(e, a.ctx.Now())
	if err != nil {
		a.setError(err)
		return nil
	}
	if e.Label != "" {
		a.setStatus(e.Label)
	}
	return a.show(tick)
}

// takeBack undoes the last change (back) or redoes the last undone one.
func (a *App) takeBack(back bool) tea.Cmd {
	verb, done := "redo", "Redone"
	if back {
		verb, done = "undo", "Undone"
	}
	label, ok, err := a.open.takeBack(back, a.ctx.Now())
	switch {
	case err != nil:
		a.setError(err)
		return nil
	case !ok:
		a.setStatus("Nothing to " + verb + ".")
		return nil
	}
	a.setStatus(done + ": " + label)
	return a.show(true)
}

// show hands the step screens and the room the session as it is now, and
// schedules the autosave tick of the latest change when tick is set.
func (a *App) show(tick bool) tea.Cmd {
	s := a.open
	a.steps.SetSession(s.sess, s.rev)
	a.timer.at(s.sess.Step)
	a.roomSession()
	if !tick || s.readOnly {
		return nil
	}
	return a.schedule(autosaveDelay, autosaveMsg{gen: s.gen})
}

// do carries out what the open session asks for next.
func (a *App) do(n next) tea.Cmd {
	switch n {
	case saveNext:
		return a.saveCmd()
	case quitNext:
		return tea.Quit
	case closeNext:
		return a.closeCmd()
	case waitNext:
		return a.schedule(quitGrace, quitNowMsg{})
	}
	return nil
}

// saveCmd writes a copy of the session in the background.
func (a *App) saveCmd() tea.Cmd {
	sv := a.open.saver
	copy, rev := a.open.startSave()
	return func() tea.Msg { return savedMsg{rev: rev, err: sv.save(copy, rev)} }
}

func (a *App) saved(msg savedMsg) tea.Cmd {
	if a.open == nil {
		return nil
	}
	n, err := a.open.saved(msg.rev, msg.err)
	if err != nil {
		a.setError(err)
		return nil
	}
	a.statusErr = nil
	return a.do(n)
}

// quit saves first when anything is unsaved, then stops the program; with
// a session open it waits quitGrace first, for edits still on their way.
func (a *App) quit() tea.Cmd {
	if a.open == nil {
		a.quitting = true
		return tea.Quit
	}
	return a.do(a.open.quit())
}

func (a *App) closeCmd() tea.Cmd {
	s := a.open
	if s.readOnly {
		a.setStatus("Closed " + display.OneLine(s.sess.Meta.Title) + ".")
	} else {
		a.setStatus("Closed " + display.OneLine(s.sess.Meta.Title) + "; every change is saved.")
	}
	h := s.close()
	a.stopRoom()
	a.open, a.steps = nil, nil
	a.timer.close()
	a.projectors = 0
	return func() tea.Msg { return closedMsg{err: h.Close()} }
}

func closeHandleCmd(h *store.Handle) tea.Cmd {
	return func() tea.Msg {
		if err := h.Close(); err != nil {
			return common.StatusMsg{Err: err}
		}
		return nil
	}
}

func (a *App) showHome() tea.Cmd {
	a.active = homeScreen
	a.form = nil
	// The full help was about the screen left behind.
	a.fullHelp = false
	a.layout()
	return a.home.Init()
}

func (a *App) openCmd(ref string, readOnly bool) tea.Cmd {
	st := a.opts.Store
	return func() tea.Msg {
		h, err := st.Open(ref, readOnly)
		return openedMsg{handle: h, ref: ref, readOnly: readOnly, err: err}
	}
}

func (a *App) createCmd(sess *model.Session) tea.Cmd {
	st := a.opts.Store
	return func() tea.Msg {
		path, err := st.Create(sess)
		return createdMsg{path: path, err: err}
	}
}

func (a *App) opened(msg openedMsg) tea.Cmd {
	if msg.err != nil {
		var locked *store.LockedError
		if errors.As(msg.err, &locked) {
			a.dialog = dialog.New(a.ctx.Styles, "This session is open in another terminal",
				msg.err.Error()+"\n\nYou can look at it read-only here; changes are then not kept.",
				dialog.Choice{Key: "r", Label: "Open read-only", Msg: common.OpenMsg{Ref: msg.ref, ReadOnly: true}})
			return a.home.Init()
		}
		a.setError(msg.err)
		return a.home.Init()
	}
	if a.open != nil {
		// One session at a time: a second open (e.g. a double enter) is
		// released at once.
		return closeHandleCmd(msg.handle)
	}
	if unknown := msg.handle.Report.Unknown; len(unknown) > 0 && !msg.handle.ReadOnly {
		a.pending = msg.handle
		body := "These keys in " + display.OneLine(msg.handle.Path) + " are not known to this version of Roundtable and will be dropped on the next save:\n\n  " +
			strings.Join(unknownList(unknown), "\n  ") + "\n\nOpen it read-only to keep the file as it is."
		a.dialog = dialog.New(a.ctx.Styles, "Unknown keys in this session file", body,
			dialog.Choice{Key: "c", Label: "Continue and edit", Msg: acceptUnknown{}},
			dialog.Choice{Key: "r", Label: "Open read-only", Msg: reopenRO{}})
		a.dialog.Cancel = dropPending{}
		return nil
	}
	return a.enter(msg.handle)
}

// unknownList names at most a screenful of unknown keys, each on one line.
func unknownList(keys []string) []string {
	const most = 6
	var out []string
	for i, k := range keys {
		if i == most {
			out = append(out, fmt.Sprintf("… and %d more", len(keys)-most))
			break
		}
		out = append(out, display.OneLine(k))
	}
	return out
}

// enter shows an opened session's current step.
func (a *App) enter(h *store.Handle) tea.Cmd {
	a.steps = steps.New(a.ctx, h.Session, 0)
	a.open = newOpenSession(h, a.steps.Flush)
	a.timer.open(h.Session.Workshop.Steps, h.Session.Step)
	a.statusErr = nil
	a.active = stepScreen
	a.form = nil
	a.fullHelp = false
	a.layout()
	switch {
	case h.Report.MigratedFrom > 0:
		a.setStatus(fmt.Sprintf("This file was written by an older Roundtable (format %d); it is updated on the next save.", h.Report.MigratedFrom))
	case h.ReadOnly:
		a.setStatus("Opened read-only: look around freely, nothing is changed.")
	default:
		a.setStatus("Opened " + display.OneLine(h.Session.Meta.Title) + ".")
	}
	return tea.Batch(a.steps.Init(), a.projectorOnOpen(), a.attachRoom(h))
}

func (a *App) setStatus(s string) {
	a.status = s
}

func (a *App) setError(err error) {
	a.statusErr = err
}

// layout hands every screen its share of the terminal.
func (a *App) layout() {
	a.help.Width = a.width
	h := a.bodyHeight()
	a.home.SetSize(a.width, h)
	if a.form != nil {
		a.form.SetSize(a.width, h)
	}
	if a.opening != nil {
		a.opening.SetSize(a.width, h)
	}
	if a.steps != nil {
		a.steps.SetSize(a.width, h)
	}
	if a.room != nil {
		a.room.panel.SetSize(a.width, h)
	}
}

func (a *App) headerHeight() int {
	if a.active == stepScreen {
		return 2
	}
	return 1
}

func (a *App) helpView() string {
	km := helpKeys{screen: a.current(), app: a}
	if a.roomShown() {
		km.screen = a.room.panel
	}
	if a.dialog != nil {
		km.screen = a.dialog
	}
	if a.fullHelp {
		// The help may take the screen but for the header, the status
		// line and three lines of the screen it explains.
		return a.fullHelpView(km.FullHelp(), max(a.height-a.headerHeight()-1-3-1, 1)) + "\n" +
			a.ctx.Styles.Muted.Render(display.Fit("Any key closes this list.", a.width))
	}
	return a.help.ShortHelpView(km.ShortHelp())
}

func (a *App) bodyHeight() int {
	return max(a.height-a.headerHeight()-1-a.joinLines()-lipgloss.Height(a.helpView()), 0)
}

// View draws header, the active screen, the status line and the help line,
// never wider or taller than the terminal.
func (a *App) View() string {
	if a.width == 0 || a.height == 0 {
		return ""
	}
	if a.width < MinWidth || a.height < MinHeight {
		return a.tooSmall()
	}
	header := a.header()
	var body string
	if a.roomShown() {
		body = a.room.panel.View()
	} else {
		body = a.current().View()
	}
	if a.dialog != nil {
		body = lipgloss.Place(a.width, a.bodyHeight(), lipgloss.Center, lipgloss.Center, a.dialog.View(a.width))
	}
	body = display.FitBlock(body, a.width, a.bodyHeight())
	if n := lipgloss.Height(body); n < a.bodyHeight() {
		body += strings.Repeat("\n", a.bodyHeight()-n)
	}
	out := header + "\n" + body + "\n" + a.joinLine() + a.statusLine() + "\n" + a.helpView()
	return display.FitBlock(out, a.width, a.height)
}

func (a *App) tooSmall() string {
	msg := fmt.Sprintf("Terminal too small — make it at least %d×%d (now %d×%d).", MinWidth, MinHeight, a.width, a.height)
	if a.open != nil && a.open.unsaved() {
		msg += " Your work is kept."
	}
	return display.FitBlock(strings.Join(display.Wrap(msg, a.width), "\n"), a.width, a.height)
}
