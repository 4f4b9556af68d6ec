package model

import (
	"slices"
	"time"
)

// ParkingNote is a question or idea the room set aside for later, so the
// discussion can move on without losing it.
type ParkingNote struct {
	Text Text `toml:"text"`
	// From is who raised it, blank when it came in anonymously.
	From string `toml:"from"`
}

// RoomRecord is one activity the live room ran from the participants'
// phones, kept so the plan's readers know which answers the room gave
// itself. An anonymous one keeps only how many answered, never who.
type RoomRecord struct {
	// Activity is the kind: poll, dots, ratings or submissions.
	Activity  string    `toml:"activity"`
	Anonymous bool      `toml:"anonymous"`
	Closed    time.Time `toml:"closed"`
	// Answered is how many phones answered.
	Answered int `toml:"answered"`
	// Ballots are the answers of a named activity, one per person.
	Ballots []RoomBallot `toml:"ballots"`
}

// RoomBallot is one person's answer in a named activity, in words.
type RoomBallot struct {
	Name       string   `toml:"name"`
	Department string   `toml:"department"`
	Answers    []string `toml:"answers"`
}

// Clone returns a deep copy of the record.
func (r RoomRecord) Clone() RoomRecord {
	c := r
	c.Ballots = slices.Clone(r.Ballots)
	for i := range c.Ballots {
		c.Ballots[i].Answers = slices.Clone(r.Ballots[i].Answers)
	}
	return c
}
