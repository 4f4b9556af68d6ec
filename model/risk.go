package model

// Treatment is what the company chooses to do about a risk.
type Treatment string

// The treatments of a risk.
const (
	Mitigate Treatment = "mitigate"
	Accept   Treatment = "accept"
	Transfer Treatment = "transfer"
	Avoid    Treatment = "avoid"
)

// RiskStatus is where a risk stands.
type RiskStatus string

// The statuses of a risk.
const (
	RiskOpen       RiskStatus = "open"
	RiskInProgress RiskStatus = "in progress"
	RiskClosed     RiskStatus = "closed"
)

// Risk is one entry of the risk register.
type Risk struct {
	Title    string `toml:"title"`
	Category string `toml:"category"`
	// Likelihood and Impact run from 1 to 5; 0 means not scored yet.
	Likelihood int `toml:"likelihood"`
	Impact     int `toml:"impact"`
	// Owner is the ID of the RACI role that owns the risk.
	Owner      string    `toml:"owner"`
	Treatment  Treatment `toml:"treatment"`
	Mitigation Text      `toml:"mitigation"`
	// ResidualLikelihood and ResidualImpact score the risk once mitigated.
	ResidualLikelihood int        `toml:"residual_likelihood"`
	ResidualImpact     int        `toml:"residual_impact"`
	Status             RiskStatus `toml:"status"`
	// Review is the date of the next review as YYYY-MM-DD.
	Review string `toml:"review"`
	Notes  Text   `toml:"notes"`
}
