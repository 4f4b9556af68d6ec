package model

// Listen is what the room found out in the listening step.
type Listen struct {
	Poll      []PollRow      `toml:"poll"`
	Inventory []Conversation `toml:"inventory"`
	Experts   []Expert       `toml:"experts"`
}

// PollRow is one platform of the show-of-hands poll.
type PollRow struct {
	Platform string `toml:"platform"`
	// Reads is how many in the room read or use the platform.
	Reads int `toml:"reads"`
	// Creates is how many contribute or create on it.
	Creates int `toml:"creates"`
}

// Conversation is one place where people talk about the company.
type Conversation struct {
	Place  string `toml:"place"`
	Who    string `toml:"who"`
	Tone   string `toml:"tone"`
	Volume string `toml:"volume"`
	// Surprise is set when the room did not know about the conversation.
	Surprise bool `toml:"surprise"`
	Notes    Text `toml:"notes"`
}

// Expert is someone inside the company who already knows the ground.
type Expert struct {
	Name       string `toml:"name"`
	Department string `toml:"department"`
	Knows      Text   `toml:"knows"`
}
