package ui

import (
	"fmt"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/ui/display"
)

// The step timer counts down a step's timebox for the facilitator. It lives
// in the root, not in the session: it is how the room is run, not what the
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

// currentStep is the index of the step on screen, or -1 without steps.
func (a *App) currentStep() int {
	n := len(a.sess.Workshop.Steps)
	if n == 0 {
		return -1
	}
	return min(max(a.sess.Step, 0), n-1)
}

// timer is the timer of step i, offered from its timebox on first use.
func (a *App) timer(i int) *stepTimer {
	if a.timers == nil {
		a.timers = map[int]*stepTimer{}
	}
	t, ok := a.timers[i]
	if !ok {
		t = &stepTimer{box: time.Duration(a.sess.Workshop.Steps[i].Timebox) * time.Minute}
		a.timers[i] = t
	}
	return t
}

// pauseOtherTimers stops the clock of every step but the one on screen:
// time spent looking at another step is not time spent on this one.
func (a *App) pauseOtherTimers() {
	now, cur := a.ctx.Now(), a.currentStep()
	for i, t := range a.timers {
		if i != cur {
			t.pause(now)
		}
	}
}

func (a *App) toggleTimer() tea.Cmd {
	i := a.currentStep()
	if i < 0 {
		return nil
	}
	t, now := a.timer(i), a.ctx.Now()
	a.timerGen++
	switch {
	case t.running():
		t.pause(now)
		a.setStatus("Timer paused with " + clock(t.left(now)) + " left; t resumes it.")
		return nil
	case t.box <= 0:
		a.setStatus("This step has no timebox; T gives it 5 minutes.")
		return nil
	case t.started:
		a.setStatus("Timer resumed.")
	default:
		a.setStatus("Timer started: " + display.Count(int(t.box/time.Minute), "minute", "minutes") + " for this step.")
	}
	t.resume(now)
	return a.nextTimerTick(t)
}

func (a *App) extendTimer() tea.Cmd {
	i := a.currentStep()
	if i < 0 {
		return nil
	}
	t := a.timer(i)
	t.box += timerExtension
	if !t.started {
		a.setStatus("The timebox is now " + display.Count(int(t.box/time.Minute), "minute", "minutes") + "; t starts the timer.")
		return nil
	}
	a.setStatus("Five more minutes: " + clock(t.left(a.ctx.Now())) + " left.")
	return nil
}

// nextTimerTick wakes the root when the shown time next changes, about
// once a second and only while a timer runs.
func (a *App) nextTimerTick(t *stepTimer) tea.Cmd {
	left := t.left(a.ctx.Now())
	d := left % time.Second
	if d <= 0 {
		d += time.Second
	}
	// A few milliseconds late, so the tick lands after the second turns.
	return a.schedule(d+5*time.Millisecond, timerTickMsg{gen: a.timerGen})
}

func (a *App) timerTick(msg timerTickMsg) tea.Cmd {
	if msg.gen != a.timerGen || a.sess == nil || a.active != stepScreen {
		return nil
	}
	a.pauseOtherTimers()
	i := a.currentStep()
	if i < 0 {
		return nil
	}
	t := a.timer(i)
	if !t.running() {
		return nil
	}
	return a.nextTimerTick(t)
}

// clock writes a duration as mm:ss, counting whole seconds up.
func clock(d time.Duration) string {
	if d < 0 {
		d = -d
	}
	s := int((d + time.Second - 1) / time.Second)
	return fmt.Sprintf("%02d:%02d", s/60, s%60)
}

// timerView is the step timer for the header, long or short, styled: an
// offer to start, the time left, paused, nearly out, or over.
func (a *App) timerView(i int, short bool) string {
	st := a.ctx.Styles
	t, ok := a.timers[i]
	if !ok || !t.started {
		box := a.sess.Workshop.Steps[i].Timebox
		if ok {
			box = int(t.box / time.Minute)
		}
		if box <= 0 {
			return ""
		}
		if short {
			return st.Muted.Render(" · ") + st.Key.Render("t") + st.Muted.Render(fmt.Sprintf(" %d-min timer", box))
		}
		return st.Muted.Render(" · ") + st.Key.Render("t") + st.Muted.Render(fmt.Sprintf(": start the %d-min timer", box))
	}
	left := t.left(a.ctx.Now())
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
	if !t.running() {
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
