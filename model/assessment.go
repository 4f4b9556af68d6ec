package model

// Rating is one practice of the self-assessment, rated from 1 to 5 by IT and
// by the business side by side; 0 means not rated yet.
type Rating struct {
	// Practice is the ID of the practice in the workshop's catalogue.
	Practice string `toml:"practice"`
	IT       int    `toml:"it"`
	Business int    `toml:"business"`
	Notes    Text   `toml:"notes"`
}

// Gap is how far apart the two sides are, or 0 while either has not rated.
func (r Rating) Gap() int {
	if r.IT == 0 || r.Business == 0 {
		return 0
	}
	if r.IT > r.Business {
		return r.IT - r.Business
	}
	return r.Business - r.IT
}
