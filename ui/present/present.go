// Package present is the room's view of a session (`roundtable present`):
// read-only, with no key help, status line or editing, it follows the
// session the facilitator's Roundtable has open through its file and draws
// the step the facilitator is on for a room to read from the back: the
// step's title, the question for the room, and the step's content, large.
//
// The file is the only thing the two programs share. The view reads it
// again whenever it changes (the folder is watched, and also looked at
// twice a second where notices do not arrive), works a running drill clock
// out from when it started, and asks the system whether the facilitator's
// program still holds the session. It never writes, creates or locks a
// file.
package present

import (
	"errors"
	"io/fs"
	"os"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/model/store"
	"github.com/roundtable/roundtable/ui/common"
)

// tallJoin is the least height at which the way to join the live room is
// drawn large, with its QR code, rather than as a line.
const tallJoin = 40

// pollEvery is how often the view asks whether the facilitator still has
// the session open, and looks at the file where notices do not arrive.
const pollEvery = 500 * time.Millisecond

// A running drill clock is redrawn when its next second is due, at least
// every tickEvery and at most every minTick.
const (
	tickEvery = 200 * time.Millisecond
	minTick   = 20 * time.Millisecond
)

// Model is the room's view of one session file.
type Model struct {
	ctx           common.Context
	path          string
	width, height int
	// colour is whether the terminal shows colours; without, filled
	// blocks are drawn in shades. dark is whether its background is dark,
	// for the QR code to read dark on light.
	colour, dark bool
	// qr is the QR code of the live room's address qrFor, drawn once.
	qr    []string
	qrFor string

	// read is the session as last read; shown is what the room sees: the
	// same, or what it saw when the facilitator froze the view.
	read, shown *model.Session
	// step is the step the room sees.
	step int
	// file is the file last read, kept open so the facilitator's program
	// can tell that a projector follows it.
	file *store.Followed

	// readErr is the last read's error when it failed; gone is set when
	// the file is no longer there.
	readErr error
	gone    bool

	// facilitated is whether the facilitator's program holds the session,
	// known once the system has told; seen is set once it has held it, and
	// seenAt is when it last did, where a clock left running stops.
	facilitated, known, seen bool
	seenAt                   time.Time

	loading, again bool
	watch          *watcher
	ticking        bool

	// schedule delivers msg after d; tests replace it to drive time.
	schedule func(d time.Duration, msg tea.Msg) tea.Cmd
}

// Messages the view sends itself.
type (
	// readMsg brings the file read and, as the read found it, whether the
	// facilitator holds the session: a short visit is seen in its saves.
	readMsg struct {
		followed *store.Followed
		err      error
		held     bool
		heldErr  error
	}
	pollMsg struct {
		held    bool
		heldErr error
		info    os.FileInfo
		statErr error
	}
	pollDueMsg struct{}
	tickMsg    struct{}
)

// New is the room's view of the session file at path.
func New(ctx common.Context, path string) *Model {
	return &Model{ctx: ctx, path: path, colour: lipgloss.ColorProfile() != termenv.Ascii, dark: lipgloss.HasDarkBackground(), schedule: func(d time.Duration, msg tea.Msg) tea.Cmd {
		return tea.Tick(d, func(time.Time) tea.Msg { return msg })
	}}
}

// Init reads the file, starts watching its folder and asks after the
// facilitator.
func (m *Model) Init() tea.Cmd {
	m.loading = true
	return tea.Batch(m.readCmd(), startWatching(m.path), m.pollCmd())
}

// Close lets go of the file and the watch.
func (m *Model) Close() {
	m.file.Close()
	m.file = nil
	m.watch.close()
	m.watch = nil
}

func (m *Model) readCmd() tea.Cmd {
	path := m.path
	return func() tea.Msg {
		f, err := store.Follow(path)
		held, heldErr := store.Facilitated(path)
		return readMsg{followed: f, err: err, held: held, heldErr: heldErr}
	}
}

func (m *Model) pollCmd() tea.Cmd {
	path := m.path
	return func() tea.Msg {
		held, heldErr := store.Facilitated(path)
		info, statErr := os.Stat(path)
		return pollMsg{held: held, heldErr: heldErr, info: info, statErr: statErr}
	}
}

// Update follows the file; q and ctrl+c close the view.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
	case tea.KeyMsg:
		switch msg.String() {
		case "q", "ctrl+c":
			return m, tea.Quit
		}
	case readMsg:
		return m, m.readDone(msg)
	case watchStartedMsg:
		m.watch = msg.w
		if m.watch == nil {
			return m, nil
		}
		return m, m.watch.next()
	case changedMsg:
		return m, tea.Batch(m.reread(), m.watch.next())
	case pollMsg:
		return m, m.polled(msg)
	case pollDueMsg:
		return m, m.pollCmd()
	case tickMsg:
		m.ticking = false
		return m, m.keepTicking()
	}
	return m, nil
}

// reread reads the file again, once more after the read under way if one is.
func (m *Model) reread() tea.Cmd {
	if m.loading {
		m.again = true
		return nil
	}
	m.loading = true
	return m.readCmd()
}

func (m *Model) readDone(msg readMsg) tea.Cmd {
	m.loading = false
	m.facilitator(msg.held, msg.heldErr)
	var cmd tea.Cmd
	if m.again {
		m.again = false
		cmd = m.reread()
	}
	if msg.err != nil {
		// The last view stays; a file that is gone says so.
		m.gone = errors.Is(msg.err, fs.ErrNotExist)
		if !m.gone {
			m.readErr = msg.err
		}
		return cmd
	}
	m.gone, m.readErr = false, nil
	m.file.Close()
	m.file = msg.followed
	m.show(msg.followed.Session)
	return tea.Batch(cmd, m.keepTicking())
}

// show takes a newly read session: the room sees it, unless the
// facilitator froze the view, which then stays as the room saw it.
func (m *Model) show(s *model.Session) {
	m.read = s
	switch {
	case !s.Projector.Frozen:
		m.shown, m.step = s, s.Step
	case m.shown == nil:
		// Frozen before the view started: the step the room saw, as it is now.
		m.shown, m.step = s, s.Projector.FrozenStep
	}
}

func (m *Model) polled(msg pollMsg) tea.Cmd {
	next := m.schedule(pollEvery, pollDueMsg{})
	m.facilitator(msg.held, msg.heldErr)
	switch {
	case errors.Is(msg.statErr, fs.ErrNotExist):
		m.gone = true
	case msg.statErr == nil && m.changedOnDisk(msg.info):
		// Where the folder's notices do not arrive, this finds the change.
		return tea.Batch(next, m.reread())
	}
	return next
}

// facilitator takes what the system said of the session's lock.
func (m *Model) facilitator(held bool, err error) {
	if err != nil {
		return
	}
	m.known, m.facilitated = true, held
	if held {
		m.seen, m.seenAt = true, m.ctx.Now()
	}
}

// changedOnDisk reports whether the file at the path is not the one last read.
func (m *Model) changedOnDisk(info os.FileInfo) bool {
	if m.file == nil {
		return true
	}
	last := m.file.Info
	return !os.SameFile(last, info) || !last.ModTime().Equal(info.ModTime()) || last.Size() != info.Size()
}

// keepTicking redraws a running drill clock while the room sees one, as
// soon as its next second is due, so a fast clock shows every second.
func (m *Model) keepTicking() tea.Cmd {
	if m.ticking || !m.clockRuns() {
		return nil
	}
	m.ticking = true
	run, _ := m.clockRun()
	speed := time.Duration(max(run.Speed, 1))
	elapsed := max(m.ctx.Now().Sub(run.RunningSince), 0)
	// The clock shows whole seconds of scenario time: the next one comes
	// when the elapsed time times the speed passes the next whole second.
	next := (elapsed*speed/time.Second + 1) * time.Second / speed
	return m.schedule(min(max(next-elapsed, minTick), tickEvery), tickMsg{})
}

// clockRuns reports whether the room sees a drill clock that runs.
func (m *Model) clockRuns() bool {
	run, ok := m.clockRun()
	return ok && run.Running() && m.stepKind() == model.StepDrill && m.followed()
}

// followed reports whether the facilitator's program is, as far as the
// system tells, still there to follow.
func (m *Model) followed() bool {
	return !m.gone && (!m.known || m.facilitated)
}

// clockRun is the drill run whose clock the room sees: the newest read's,
// even while the view is frozen, so the clock never stands still on the
// wall while the drill goes on.
func (m *Model) clockRun() (model.DrillRun, bool) {
	s := m.read
	if s == nil || len(s.Drill.Runs) == 0 {
		return model.DrillRun{}, false
	}
	return s.Drill.Runs[len(s.Drill.Runs)-1], true
}

// clockNow is the drill clock the room sees: the facilitator's, worked
// out from when it started, or where it was when the facilitator left.
func (m *Model) clockNow(run model.DrillRun) int {
	sc, _ := m.read.Workshop.Drill.ScenarioByID(run.Scenario)
	now := m.ctx.Now()
	if !m.followed() {
		if !m.seen {
			return run.Clock
		}
		now = m.seenAt
	}
	return run.ClockAt(sc, now)
}

func (m *Model) currentStep() (model.Step, bool) {
	if m.shown == nil || len(m.shown.Workshop.Steps) == 0 {
		return model.Step{}, false
	}
	return m.shown.Workshop.Steps[min(max(m.step, 0), len(m.shown.Workshop.Steps)-1)], true
}

func (m *Model) stepKind() model.StepKind {
	st, _ := m.currentStep()
	return st.Kind
}
