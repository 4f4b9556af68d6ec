package model

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
