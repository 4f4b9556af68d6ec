package ui

import (
	"fmt"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/common"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/theme"
)

// The step timer counts down a step's timebox for the facilitator. It lives
// beside the open session, not in it: it is how the room is run, not what the
// room decided, and writing a clock to the session file every second would
// bury the room's own changes and its undo history. After a crash the step
// simply offers its timebox again.

// timerExtension is what one press of the extend key adds.
const timerExtension = 5 * time.Minute

// timerWarning is when the time left turns to a warning.
const timerWarning = 2 * time.Minute

// timerKeys are the root's timer keys. No step screen may use t or T.
var timerKeys = struct{ Toggle, Extend key.Binding }{
	Toggle: key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "start/pause step timer")),
	Extend: key.NewBinding(key.WithKeys("T"), key.WithHelp("T", "timer +5 min")),
}

// stepTimer is the countdown of one step.
type stepTimer struct {
	// box is the timebox with its extensions.
	box time.Duration
	// used is the time run before the current stretch.
	used time.Duration
	// since is when the current stretch began; zero while paused.
	since   time.Time
	started bool
}

func (t *stepTimer) running() bool { return !t.since.IsZero() }

// left is the time remaining at now; below zero the step has overrun.
func (t *stepTimer) left(now time.Time) time.Duration {
	used := t.used
	if t.running() {
		used += now.Sub(t.since)
	}
	return t.box - used
}

func (t *stepTimer) pause(now time.Time) {
	if t.running() {
		t.used += now.Sub(t.since)
		t.since = time.Time{}
	}
}

func (t *stepTimer) resume(now time.Time) {
	t.since, t.started = now, true
}

// timerTickMsg redraws the running timer; gen tells it from ticks of a
// timer paused or replaced since.
type timerTickMsg struct{ gen int }

// stepTimers are the timers of the open session's steps: t starts and
// pauses the one of the step on screen, T lengthens it, and the header
// shows it (View).
type stepTimers struct {
	styles *theme.Styles
	// now and schedule are the root's clock and scheduler.
	now      func() time.Time
	schedule func(d time.Duration, msg tea.Msg) tea.Cmd

	steps []model.Step
	// step is the index of the step on screen, or -1 without steps.
	step   int
	byStep map[int]*stepTimer
	// gen tells the tick of the running timer from stale ones.
	gen int
}

// open offers every step of a session just opened its timebox again.
func (t *stepTimers) open(steps []model.Step, step int) {
	t.steps, t.byStep = steps, nil
	t.gen++
	t.at(step)
}

// close forgets the timers with their session.
func (t *stepTimers) close() {
	t.steps, t.byStep = nil, nil
	t.gen++
}

// at puts the room on step i and stops the clock of every other step:
// time spent looking at another step is not time spent on this one.
func (t *stepTimers) at(i int) {
	t.step = -1
	if n := len(t.steps); n > 0 {
		t.step = min(max(i, 0), n-1)
	}
	now := t.now()
	for j, st := range t.byStep {
		if j != t.step {
			st.pause(now)
		}
	}
}

// timer is the timer of step i, offered from its timebox on first use.
func (t *stepTimers) timer(i int) *stepTimer {
	if t.byStep == nil {
		t.byStep = map[int]*stepTimer{}
	}
	st, ok := t.byStep[i]
	if !ok {
		st = &stepTimer{box: time.Duration(t.steps[i].Timebox) * time.Minute}
		t.byStep[i] = st
	}
	return st
}

// Update answers the timer keys and the ticks of the running timer.
func (t *stepTimers) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if t.step < 0 {
			return nil
		}
		switch {
		case key.Matches(msg, timerKeys.Toggle):
			return t.toggle()
		case key.Matches(msg, timerKeys.Extend):
			return t.extend()
		}
	case timerTickMsg:
		if msg.gen != t.gen || t.step < 0 {
			return nil
		}
		t.at(t.step)
		if st := t.timer(t.step); st.running() {
			return t.nextTick(st)
		}
	}
	return nil
}

func (t *stepTimers) toggle() tea.Cmd {
	st, now := t.timer(t.step), t.now()
	t.gen++
	switch {
	case st.running():
		st.pause(now)
		return common.Status("Timer paused with " + clock(st.left(now)) + " left; t resumes it.")
	case st.box <= 0:
		return common.Status("This step has no timebox; T gives it 5 minutes.")
	}
	said := "Timer started: " + display.Count(int(st.box/time.Minute), "minute", "minutes") + " for this step."
	if st.started {
		said = "Timer resumed."
	}
	st.resume(now)
	return tea.Batch(common.Status(said), t.nextTick(st))
}

func (t *stepTimers) extend() tea.Cmd {
	st := t.timer(t.step)
	st.box += timerExtension
	if !st.started {
		return common.Status("The timebox is now " + display.Count(int(st.box/time.Minute), "minute", "minutes") + "; t starts the timer.")
	}
	return common.Status("Five more minutes: " + clock(st.left(t.now())) + " left.")
}

// nextTick wakes the root when the shown time next changes, about once a
// second and only while a timer runs.
func (t *stepTimers) nextTick(st *stepTimer) tea.Cmd {
	left := st.left(t.now())
	d := left % time.Second
	if d <= 0 {
		d += time.Second
	}
	// A few milliseconds late, so the tick lands after the second turns.
	return t.schedule(d+5*time.Millisecond, timerTickMsg{gen: t.gen})
}

// clock writes a duration as mm:ss, counting whole seconds up.
func clock(d time.Duration) string {
	if d < 0 {
		d = -d
	}
	s := int((d + time.Second - 1) / time.Second)
	return fmt.Sprintf("%02d:%02d", s/60, s%60)
}

// View is the timer of the step on screen for the header, long or short,
// styled: an offer to start, the time left, paused, nearly out, or over.
func (t *stepTimers) View(short bool) string {
	if t.step < 0 {
		return ""
	}
	st := t.styles
	timer, ok := t.byStep[t.step]
	if !ok || !timer.started {
		box := t.steps[t.step].Timebox
		if ok {
			box = int(timer.box / time.Minute)
		}
		if box <= 0 {
			return ""
		}
		if short {
			return st.Muted.Render(" · ") + st.Key.Render("t") + st.Muted.Render(fmt.Sprintf(" %d-min timer", box))
		}
		return st.Muted.Render(" · ") + st.Key.Render("t") + st.Muted.Render(fmt.Sprintf(": start the %d-min timer", box))
	}
	left := timer.left(t.now())
	var text string
	style := st.Heading
	switch {
	case left <= 0:
		text, style = "over by "+clock(left), st.Bad
		if short {
			text = "over " + clock(left)
		}
	case left <= timerWarning:
		text, style = "! "+clock(left)+" left", st.Warn
	default:
		text = clock(left) + " left"
	}
	if !timer.running() {
		if short {
			text += " ⏸"
		} else {
			text += " (paused, t resumes)"
		}
		if left > timerWarning {
			style = st.Muted
		}
	}
	if short {
		text = display.OneLine(text)
	}
	return st.Muted.Render(" · ") + style.Render(text)
}
