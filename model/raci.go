package model

// Letter is what a role does for an activity: Responsible, Accountable,
// Consulted or Informed. The empty letter means no involvement.
type Letter string

// The RACI letters.
const (
	Responsible Letter = "R"
	Accountable Letter = "A"
	Consulted   Letter = "C"
	Informed    Letter = "I"
)

// RACIMatrix says who does what: activities as rows, roles as columns.
type RACIMatrix struct {
	Roles      []Role     `toml:"roles"`
	Activities []Activity `toml:"activities"`
}

// Role is a job in the organisation, not a person: people move jobs, so each
// role names the person who fills it now and a backup.
type Role struct {
	// ID never changes once made, so renaming a role keeps every cell,
	// risk owner, drill duty and action that points at it.
	ID     string `toml:"id"`
	Name   string `toml:"name"`
	Person string `toml:"person"`
	Backup string `toml:"backup"`
}

// Activity is a row of the RACI grid.
type Activity struct {
	Name string `toml:"name"`
	// Area groups activities whose decisions belong together (content,
	// plumbing, strategy, support, cost …).
	Area string `toml:"area"`
	// Key activities are named in the plan's executive summary.
	Key bool `toml:"key"`
	// Cells maps a role ID to its letter for this activity.
	Cells map[string]Letter `toml:"cells"`
}
