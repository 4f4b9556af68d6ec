package model

import (
	"cmp"
	"slices"
	"strings"
)

// Objectives is what the room wants from social media, ranked by votes, and
// how it will organise to get there.
type Objectives struct {
	Items []Objective `toml:"items"`
	// VotesPerParticipant is how many dots each participant may place.
	VotesPerParticipant int `toml:"votes_per_participant"`
	// Model is the ID of the organisational model chosen.
	Model string `toml:"model"`
}

// Objective is one goal, in Groundswell's POST order: people (audience),
// objective, strategy, and technology chosen last.
type Objective struct {
	Title string `toml:"title"`
	// Catalogue is the ID of the catalogue objective it was picked from.
	Catalogue  string `toml:"catalogue"`
	Audience   string `toml:"audience"`
	Strategy   Text   `toml:"strategy"`
	Technology string `toml:"technology"`
	// Sponsor is the business sponsor: a person with a budget.
	Sponsor string `toml:"sponsor"`
	Metric  string `toml:"metric"`
	Target  string `toml:"target"`
	// Due is a date as YYYY-MM-DD.
	Due   string `toml:"due"`
	Votes int    `toml:"votes"`
	Notes Text   `toml:"notes"`
}

// Missing names what the objective still lacks, in the order the room
// should fill it: a sponsor with a budget and a metric first, because
// without them nobody pays and nobody can tell success, then the metric's
// target, without which the metric measures nothing.
func (o Objective) Missing() []string {
	var missing []string
	if strings.TrimSpace(o.Sponsor) == "" {
		missing = append(missing, "sponsor")
	}
	if strings.TrimSpace(o.Metric) == "" {
		missing = append(missing, "metric")
	}
	if strings.TrimSpace(o.Target) == "" {
		missing = append(missing, "target")
	}
	return missing
}

// Ranked returns the indices of the objectives by votes, most first; ties
// keep the order the room wrote them in.
func (o Objectives) Ranked() []int {
	idx := make([]int, len(o.Items))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		return cmp.Compare(o.Items[b].Votes, o.Items[a].Votes)
	})
	return idx
}
