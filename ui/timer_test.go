package ui

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

// clocked is an opened harness whose clock the test moves by hand.
func clocked(t *testing.T, w, hh int) (*harness, func(time.Duration)) {
	t.Helper()
	h := opened(t, w, hh)
	now := fixedNow
	h.app.ctx.Now = func() time.Time { return now }
	return h, func(d time.Duration) { now = now.Add(d) }
}

// timerTicks takes the timer ticks the app asked for out of the queue.
func (h *harness) timerTicks() []scheduled {
	var out, rest []scheduled
	for _, tk := range h.ticks {
		if _, ok := tk.msg.(timerTickMsg); ok {
			out = append(out, tk)
		} else {
			rest = append(rest, tk)
		}
	}
	h.ticks = rest
	return out
}

// tick delivers the pending timer ticks and reports how many there were.
func (h *harness) tick() int {
	ticks := h.timerTicks()
	for _, tk := range ticks {
		h.send(tk.msg)
	}
	return len(ticks)
}

func header(h *harness) string { return strings.Split(h.screen(), "\n")[0] }

func TestStepTimerCountsDownPausesAndExtends(t *testing.T) {
	h, advance := clocked(t, 100, 30)
	box := h.sess().Workshop.Steps[0].Timebox
	if box != 25 {
		t.Fatalf("the default workshop's first step has a %d-minute timebox; this test expects 25", box)
	}
	if got := header(h); !strings.Contains(got, "t: start the 25-min timer") {
		t.Fatalf("the step should offer its timebox: %q", got)
	}
	if len(h.timerTicks()) != 0 {
		t.Fatal("no tick before the timer runs")
	}

	h.keys("t")
	h.wantScreen("25:00 left", "Timer started: 25 minutes")
	ticks := h.timerTicks()
	if len(ticks) != 1 || ticks[0].after > time.Second+10*time.Millisecond {
		t.Fatalf("a running timer ticks about once a second: %+v", ticks)
	}
	h.ticks = append(h.ticks, ticks...)
	advance(90 * time.Second)
	if h.tick() != 1 || !strings.Contains(header(h), "23:30 left") {
		t.Fatalf("after 90 s: %q", header(h))
	}
	if n := len(h.timerTicks()); n != 1 {
		t.Fatalf("each tick asks for the next: %d", n)
	}

	// Pausing stops the clock and the ticks.
	h.keys("t")
	h.wantScreen("23:30 left (paused, t resumes)", "Timer paused with 23:30 left")
	advance(10 * time.Minute)
	h.wantScreen("23:30 left (paused")
	if len(h.timerTicks()) != 0 {
		t.Fatal("a paused timer must not tick")
	}

	// Resumed, it warns in the last two minutes and then counts the overrun.
	h.keys("t")
	h.wantScreen("23:30 left", "Timer resumed")
	advance(22 * time.Minute)
	h.tick()
	if got := header(h); !strings.Contains(got, "! 01:30 left") {
		t.Fatalf("the last two minutes should warn: %q", got)
	}
	advance(2 * time.Minute)
	h.tick()
	if got := header(h); !strings.Contains(got, "over by 00:30") {
		t.Fatalf("after the timebox: %q", got)
	}

	// T adds five minutes.
	h.keys("T")
	h.wantScreen("04:30 left", "Five more minutes")
}

func TestStepTimerBelongsToItsStep(t *testing.T) {
	h, advance := clocked(t, 100, 30)
	h.keys("t")
	advance(5 * time.Minute)
	h.keys("]")
	second := h.sess().Workshop.Steps[1].Timebox
	if got := header(h); !strings.Contains(got, "Step 2 of") || !strings.Contains(got, "start the "+strconv.Itoa(second)+"-min timer") {
		t.Fatalf("the next step should offer its own timebox: %q", got)
	}
	advance(3 * time.Minute)
	h.tick()
	h.keys("[")
	if got := header(h); !strings.Contains(got, "20:00 left (paused, t resumes)") {
		t.Fatalf("leaving a step pauses its timer: %q", got)
	}
	// Before a timer starts, T lengthens the timebox it offers.
	h.keys("]", "T")
	if got := header(h); !strings.Contains(got, "start the "+strconv.Itoa(second+5)+"-min timer") {
		t.Fatalf("T before starting: %q", got)
	}
}

func TestTimerKeysTypeIntoFields(t *testing.T) {
	h, _ := clocked(t, 100, 30)
	// The listening step's inventory: a opens a form whose first field
	// takes the letters.
	h.keys("tab", "a", "tT")
	if h.app.timer.byStep[0] != nil && h.app.timer.byStep[0].started {
		t.Fatal("t in a text field started the timer")
	}
	h.wantScreen("tT")
	h.keys("esc")
}

func TestTimerFitsNarrowHeaders(t *testing.T) {
	h, _ := clocked(t, 100, 30)
	h.keys("t")
	for _, w := range []int{40, 50, 60, 80} {
		h.size(w, 24)
		head := header(h)
		checkFits(t, h.app.View(), w, 24, "timer header")
		if !strings.Contains(head, "25:00") {
			t.Fatalf("at %d columns the time left is cut: %q", w, head)
		}
	}
}

func TestAOneMinuteTimeboxSaysMinute(t *testing.T) {
	h, _ := clocked(t, 100, 30)
	h.sess().Workshop.Steps[0].Timebox = 1
	h.keys("t")
	h.wantScreen("Timer started: 1 minute for this step.")
}
