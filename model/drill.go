package model

import "time"

// Drill holds every run of the crisis drill; the last run is the current
// one. Earlier runs are kept so a rerun can be compared with them.
type Drill struct {
	// Report is the number, counted from 1, of the run the room chose for
	// the plan to report; 0 leaves it to the program (see Reported).
	Report int        `toml:"report"`
	Runs   []DrillRun `toml:"runs"`
}

// DrillRun is one rehearsal of a crisis scenario.
type DrillRun struct {
	// Scenario is the ID of the scenario in the workshop's drill catalogue.
	Scenario string `toml:"scenario"`
	// Speed compresses scenario time: 1 is real time, 4 runs a 60-minute
	// scenario in 15 minutes.
	Speed int `toml:"speed"`
	// Assignments fill the scenario's duties with RACI roles.
	Assignments []DutyAssignment `toml:"assignments"`
	// Clock is the scenario time reached, in seconds. A loaded drill is
	// always paused at this clock.
	Clock int `toml:"clock"`
	// RunningSince is when the clock last started, from RunningFrom, while
	// it runs, and zero while it is paused: the projector works the
	// running clock out from them (DrillRun.ClockAt) between saves.
	RunningSince time.Time `toml:"running_since"`
	RunningFrom  int       `toml:"running_from"`
	// Injects records what happened to each inject of the scenario, by index.
	Injects  []InjectState `toml:"injects"`
	Log      []LogEntry    `toml:"log"`
	Messages []Message     `toml:"messages"`
	// Checklist is the room's verdict on each fire-drill item, by item ID.
	Checklist map[string]Check `toml:"checklist"`
	Ended     bool             `toml:"ended"`
	Review    AfterAction      `toml:"review"`
}

// DutyAssignment fills one drill duty with a RACI role and a backup role.
type DutyAssignment struct {
	Duty   string `toml:"duty"`
	Role   string `toml:"role"`
	Backup string `toml:"backup"`
}

// InjectStatus is what the facilitator did with an inject.
type InjectStatus string

// The states of an inject.
const (
	InjectPending  InjectStatus = "pending"
	InjectHeld     InjectStatus = "held"
	InjectReleased InjectStatus = "released"
	InjectSkipped  InjectStatus = "skipped"
)

// InjectState is the state of one inject of the running scenario.
type InjectState struct {
	Index  int          `toml:"index"`
	Status InjectStatus `toml:"status"`
	// At is the clock, in seconds, when the inject reached the room.
	At int `toml:"at"`
}

// LogKind says what a log entry records.
type LogKind string

// The kinds of drill log entries.
const (
	LogDecision LogKind = "decision"
	LogNote     LogKind = "note"
	// LogSkipped is written by the program when the facilitator skips an
	// inject, so results show it skipped rather than left unanswered.
	LogSkipped LogKind = "skipped"
)

// LogEntry is a decision or note taken during the drill.
type LogEntry struct {
	// At is the drill clock in seconds.
	At   int     `toml:"at"`
	Kind LogKind `toml:"kind"`
	Text Text    `toml:"text"`
	// Inject is the index of the inject the entry answers, or -1.
	Inject int `toml:"inject"`
}

// Message is a public or internal message drafted during the drill.
type Message struct {
	// At is the drill clock in seconds.
	At       int    `toml:"at"`
	Audience string `toml:"audience"`
	Phase    string `toml:"phase"`
	// Sender is the ID of the RACI role that sends the message.
	Sender string `toml:"sender"`
	Text   Text   `toml:"text"`
	// Inject is the index of the inject the message answers, or -1.
	Inject int `toml:"inject"`
	// Checks is the fire-drill verdict on this message, by item ID.
	Checks map[string]Check `toml:"checks"`
}

// Check is a verdict on one fire-drill item.
type Check struct {
	Met bool `toml:"met"`
	// Confirmed is set once the room, not only the program, has decided.
	Confirmed bool `toml:"confirmed"`
	// Why explains a verdict the program proposed.
	Why string `toml:"why"`
}

// AfterAction is the hot wash at the end of a drill.
type AfterAction struct {
	WentWell Text `toml:"went_well"`
	Failed   Text `toml:"failed"`
}
