package model

import "time"

// Running reports whether the run's clock was running when it was last
// written down.
func (r DrillRun) Running() bool { return !r.RunningSince.IsZero() && !r.Ended }

// StartClock writes down that the clock started at wall time at from the
// clock value from, so a reader of the file can follow it.
func (r *DrillRun) StartClock(at time.Time, from int) {
	r.RunningSince, r.RunningFrom = at.UTC(), from
}

// StopClock writes down that the clock stopped at clock.
func (r *DrillRun) StopClock(clock int) {
	r.Clock = clock
	r.RunningSince, r.RunningFrom = time.Time{}, 0
}

// ClockAt is the clock the facilitator's screen shows at wall time now:
// the clock written down while paused; while running, measured from when
// it last started, as the screen measures it. A clock that started before
// the scenario's end stops there, as the facilitator's does; one started at
// or after the end runs on into overtime.
func (r DrillRun) ClockAt(sc Scenario, now time.Time) int {
	if !r.Running() {
		return r.Clock
	}
	clock := DrillClock(r.RunningFrom, now.Sub(r.RunningSince), r.Speed)
	if end := sc.Minutes * 60; end > 0 && r.RunningFrom < end {
		clock = min(clock, end)
	}
	return max(clock, r.Clock)
}
