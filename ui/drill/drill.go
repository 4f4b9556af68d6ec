// Package drill is the crisis drill step: the room sets up a scenario and
// its duties, runs it against a clock while injects arrive, logs decisions
// and drafts messages that are checked against the seed's fire drill, and
// ends with measured results and a hot wash.
//
// The clock is measured, not counted: while it runs, the scenario time is
// the clock at the last resume plus the real time since, times the speed.
// A tick that delivers an inject, a pause, and a tick half a minute after
// the last write put the clock into the session as a bookkeeping edit
// (common.EditMsg.NoUndo): it takes no undo entry and does not put off the
// autosave. Logged entries and messages carry the clock too. Leaving the
// step or quitting stops the clock and writes it down (Flush), so the file
// holds the clock as shown, a crash loses at most that half-minute of real
// time (times the speed), and a loaded drill comes back paused there.
package drill

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/form"
	"github.com/roundtable/roundtable/ui/frame"
	"github.com/roundtable/roundtable/ui/keys"
)

// tickEvery is how often a running clock redraws and looks for injects.
const tickEvery = 250 * time.Millisecond

type mode int

const (
	modeSetup mode = iota
	modeLive
	modeResults
)

type pane int

const (
	paneEvents pane = iota
	paneMessages
	paneChecklist
	paneCount
)

// resultsPane is a pane of the results: the figures and hot wash, then
// the drill record again for the hot wash, then every run.
type resultsPane int

const (
	resSummary resultsPane = iota
	resTimeline
	resMessages
	resRuns
	resPaneCount
)

// formKind says what the open form is for.
type formKind int

const (
	formNone formKind = iota
	formLog
	formMessage
	formReview
	formAction
	formEditLog
	formEditMessage
)

// Messages the screen sends itself.
type (
	tickMsg   struct{ seq int }
	finishMsg struct{}
	// startMsg starts the run laid out in the set-up, once the room has
	// said so; backMsg goes back to the last run's results instead.
	startMsg struct{}
	backMsg  struct{}
)

// Model is the crisis drill screen.
type Model struct {
	ctx           common.Context
	sess          *model.Session
	rev           int
	width, height int

	// wantSetup shows the set-up for a new run although runs exist.
	wantSetup bool
	setup     *form.Form
	// setupFor is the run count and rev the set-up form was laid out for.
	setupRuns int

	// The live clock of run runIdx. It is the screen's own while the run
	// is on screen, so undoing a change never winds the clock back.
	runIdx      int
	running     bool
	clock       int
	anchorClock int
	anchorWall  time.Time
	seq         int
	// dirty marks a clock not yet written to the session.
	dirty bool
	// clockSaved is when the running clock was last written down.
	clockSaved time.Time
	// overtime is set once the room runs on past the scenario's end.
	overtime bool
	// startPending is set between pressing start and the run appearing.
	startPending bool

	pane    pane
	scroll  int
	msgSel  int
	check   int
	lastAud string
	lastPh  string
	// selectNewest selects the newest message when it arrives.
	selectNewest bool

	// The open form or dialog; formKind says what the form is for.
	frame.Frame
	formKind formKind
	// editing is the log entry or message the open form changes: its
	// place and its clock, which stays.
	editing, editingAt int

	resPane       resultsPane
	resultsScroll int
	// runSel is the run selected in the list of runs.
	runSel int

	// schedule delivers msg after d; tests replace it to drive time.
	schedule func(d time.Duration, msg tea.Msg) tea.Cmd

	cache viewCache
	inked *inkSet
}

// New makes the drill screen.
func New(ctx common.Context) common.StepScreen {
	return newModel(ctx)
}

func newModel(ctx common.Context) *Model {
	return &Model{ctx: ctx, Frame: frame.New(ctx.Styles, 1), runIdx: -1, schedule: func(d time.Duration, msg tea.Msg) tea.Cmd {
		return tea.Tick(d, func(time.Time) tea.Msg { return msg })
	}}
}

// SetSession shows sess at revision rev. A run that is new to the screen
// comes up paused at its saved clock; leaving the drill step pauses it.
func (m *Model) SetSession(sess *model.Session, rev int) {
	m.sess, m.rev = sess, rev
	if sess == nil {
		return
	}
	last := len(sess.Drill.Runs) - 1
	switch {
	case last < 0:
		m.running, m.runIdx, m.clock = false, -1, 0
	case m.startPending && last > m.runIdx:
		m.startPending, m.wantSetup = false, false
		m.runIdx, m.clock = last, sess.Drill.Runs[last].Clock
		m.msgSel, m.check, m.pane, m.scroll, m.overtime = 0, 0, paneEvents, 0, false
		m.runSel = last
	case last != m.runIdx:
		m.running, m.runIdx, m.clock = false, last, sess.Drill.Runs[last].Clock
		m.msgSel, m.check, m.pane, m.scroll, m.overtime = 0, 0, paneEvents, 0, false
		m.runSel = last
	}
	if run, ok := m.run(); ok {
		if run.Ended {
			m.running = false
			m.clock = run.Clock
		}
		if m.selectNewest || m.msgSel >= len(run.Messages) {
			m.msgSel = max(len(run.Messages)-1, 0)
			m.selectNewest = false
		}
	}
	if step, ok := sess.CurrentStep(); ok && step.Kind != model.StepDrill && m.running {
		m.pause()
	}
	// An undo or redo brings back the session with the clock written down
	// then, but never winds the screen's clock back: the clock is written
	// down again, or a quit would save a clock the room never saw and the
	// projector would follow one that is not running.
	if run, ok := m.run(); ok && !m.startPending && m.mode() == modeLive && m.clockDiffers(run) {
		m.dirty = true
	}
}

// clockDiffers reports whether the run's clock in the session is not the
// one on screen: another paused clock, or another start of a running one.
func (m *Model) clockDiffers(run *model.DrillRun) bool {
	if m.running {
		return !run.Running() || !run.RunningSince.Equal(m.anchorWall) || run.RunningFrom != m.anchorClock
	}
	return run.Clock != m.clock || run.Running()
}

// SetSize gives the screen its space.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(width, 0), max(height, 0)
	if m.setup != nil {
		m.setup.SetSize(max(m.width, 1), max(m.height-setupHead, 1))
	}
	m.Frame.SetHead(m.formHead())
	m.Frame.SetSize(width, height)
}

func (m *Model) hasRuns() bool { return m.sess != nil && len(m.sess.Drill.Runs) > 0 }

// run returns the current run: the last one.
func (m *Model) run() (*model.DrillRun, bool) {
	if m.sess == nil || m.runIdx < 0 || m.runIdx >= len(m.sess.Drill.Runs) {
		return nil, false
	}
	return &m.sess.Drill.Runs[m.runIdx], true
}

func (m *Model) scenario() (model.Scenario, bool) {
	run, ok := m.run()
	if !ok {
		return model.Scenario{}, false
	}
	return m.sess.Workshop.Drill.ScenarioByID(run.Scenario)
}

func (m *Model) mode() mode {
	run, ok := m.run()
	switch {
	case !ok || m.wantSetup:
		return modeSetup
	case run.Ended:
		return modeResults
	}
	return modeLive
}

// Update handles keys, ticks and the screen's own messages.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m.sess == nil {
		return m, nil
	}
	var cmds []tea.Cmd
	if m.dirty {
		cmds = append(cmds, m.saveClock(""))
	}
	switch msg := msg.(type) {
	case tickMsg:
		cmds = append(cmds, m.tick(msg))
	case finishMsg:
		cmds = append(cmds, m.finish())
	case startMsg:
		if m.mode() == modeSetup {
			cmds = append(cmds, m.start())
		}
	case backMsg:
		if m.hasRuns() {
			m.wantSetup = false
		}
	default:
		cmds = append(cmds, m.Frame.Update(msg, m.SetSize, m.key))
	}
	return m, tea.Batch(cmds...)
}

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	if cmd, ok := m.DialogKey(msg); ok {
		return cmd
	}
	if m.Form != nil {
		return m.formKey(msg)
	}
	switch m.mode() {
	case modeSetup:
		return m.setupKey(msg)
	case modeLive:
		return m.liveKey(msg)
	}
	return m.resultsKey(msg)
}

// edit sends a change of the current run; Apply finds the run again by
// index and scenario and does nothing if either changed meanwhile.
func (m *Model) edit(label string, noUndo bool, fn func(s *model.Session, run *model.DrillRun, sc model.Scenario)) tea.Cmd {
	run, ok := m.run()
	if !ok {
		return nil
	}
	idx, id := m.runIdx, run.Scenario
	// Every entry of a live drill writes the clock down with it.
	clock := -1
	if m.mode() == modeLive {
		clock = m.now()
		m.clockSaved = m.ctx.Now()
	}
	e := common.EditMsg{Label: label, NoUndo: noUndo, Apply: func(s *model.Session) {
		if idx >= len(s.Drill.Runs) || s.Drill.Runs[idx].Scenario != id {
			return
		}
		r := &s.Drill.Runs[idx]
		sc, _ := s.Workshop.Drill.ScenarioByID(id)
		fn(s, r, sc)
		if clock > r.Clock && !r.Ended {
			r.Clock = clock
			r.Deliver(sc, clock)
		}
		r.SyncChecklist(s.Workshop.Drill.Checklist)
	}}
	return func() tea.Msg { return e }
}

// now is the live clock: measured from the last resume while running.
func (m *Model) now() int {
	if !m.running {
		return m.clock
	}
	speed := 1
	if run, ok := m.run(); ok {
		speed = run.Speed
	}
	return model.DrillClock(m.anchorClock, m.ctx.Now().Sub(m.anchorWall), speed)
}

func (m *Model) resume() tea.Cmd {
	m.running = true
	m.anchorClock, m.anchorWall = m.clock, m.ctx.Now()
	m.seq++
	return m.schedule(tickEvery, tickMsg{seq: m.seq})
}

func (m *Model) pause() {
	m.clock = m.now()
	m.running = false
	m.dirty = true
	m.seq++
}

// tick moves the clock on, pauses it at the scenario's end, delivers
// injects and writes the clock down.
func (m *Model) tick(t tickMsg) tea.Cmd {
	if t.seq != m.seq || !m.running || m.mode() != modeLive {
		return nil
	}
	m.clock = m.now()
	sc, _ := m.scenario()
	end := sc.Minutes * 60
	if end > 0 && m.clock >= end && !m.overtime {
		m.clock = end
		m.pause()
		m.overtime = true
		return tea.Batch(m.saveClock("Scenario time is up: f finishes the drill, space runs on"))
	}
	run, _ := m.run()
	next := m.schedule(tickEvery, tickMsg{seq: m.seq})
	if arrivals := run.Arrivals(sc, m.clock); len(arrivals) > 0 {
		return tea.Batch(m.saveClock("Inject "+itoa(arrivals[len(arrivals)-1].Index+1)+" has arrived"), next)
	}
	// Between events the clock is written down now and then, not on every
	// tick: enough for a crash to resume close by, without a save a tick.
	if m.ctx.Now().Sub(m.clockSaved) >= clockSaveEvery {
		return tea.Batch(m.saveClock(""), next)
	}
	return next
}

// clockSaveEvery is how often a running clock is written down between
// events; a quit, a pause and every entry write it at once.
const clockSaveEvery = 30 * time.Second

// Flush hands the root the clock to write down before the last save, or
// before the room moves to another step. A running clock stops here, as
// the label tells the room: the clock saved is the one it was told, and a
// second flush once the program has stopped adds no time.
func (m *Model) Flush() (common.EditMsg, bool) {
	if m.sess == nil || m.mode() != modeLive || (!m.running && !m.dirty) {
		return common.EditMsg{}, false
	}
	label := ""
	if m.running {
		m.pause()
		label = "Drill paused at " + model.ClockText(m.clock) + "; space on its step runs it on"
	}
	msg, ok := m.saveClock(label)().(common.EditMsg)
	return msg, ok
}

// saveClock writes the clock, whether it runs and since when, and the
// injects due by it to the session, without an undo entry.
func (m *Model) saveClock(label string) tea.Cmd {
	clock := m.now()
	running, since, from := m.running, m.anchorWall, m.anchorClock
	m.dirty = false
	m.clockSaved = m.ctx.Now()
	return m.edit(label, true, func(_ *model.Session, r *model.DrillRun, sc model.Scenario) {
		r.StopClock(clock)
		if running {
			r.StartClock(since, from)
		}
		r.Deliver(sc, clock)
	})
}

func (m *Model) finish() tea.Cmd {
	if m.running {
		m.pause()
	}
	clock := m.clock
	m.dirty = false
	m.resultsScroll = 0
	return m.edit("Drill finished at "+model.ClockText(clock), false, func(_ *model.Session, r *model.DrillRun, sc model.Scenario) {
		r.StopClock(max(r.Clock, clock))
		r.Deliver(sc, clock)
		r.Ended = true
	})
}

// moveKey reports -1 or +1 for up and down keys.
func moveKey(msg tea.KeyMsg) int {
	switch {
	case keyMatches(msg, keys.Move.Up):
		return -1
	case keyMatches(msg, keys.Move.Down):
		return 1
	}
	return 0
}

func editCmd(label string, fn func(*model.Session)) tea.Cmd {
	e := common.EditMsg{Label: label, Apply: fn}
	return func() tea.Msg { return e }
}
