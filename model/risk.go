package model

import "strings"

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

// Band is where a score falls on the 5×5 heat map.
type Band int

// The bands of the 5×5 heat map. A score is likelihood × impact, each 1–5:
// 1–4 is low (watch it), 5–9 medium (plan for it), 10–16 high (act on it,
// with an owner), 20–25 critical (act now). No product of two numbers from
// 1 to 5 falls between 16 and 20.
const (
	BandNone Band = iota
	BandLow
	BandMedium
	BandHigh
	BandCritical
)

// String names the band as the heat map's legend does.
func (b Band) String() string {
	switch b {
	case BandLow:
		return "low"
	case BandMedium:
		return "medium"
	case BandHigh:
		return "high"
	case BandCritical:
		return "critical"
	}
	return "unscored"
}

// Serious reports whether a risk in the band needs an owner and a
// mitigation before the room moves on.
func (b Band) Serious() bool {
	return b == BandHigh || b == BandCritical
}

// BandOf places a score on the heat map; 0 or less is unscored.
func BandOf(score int) Band {
	switch {
	case score <= 0:
		return BandNone
	case score < 5:
		return BandLow
	case score < 10:
		return BandMedium
	case score < 20:
		return BandHigh
	}
	return BandCritical
}

// score multiplies a likelihood and an impact, or gives 0 while either is
// outside 1–5, so a half-scored risk never looks low.
func score(likelihood, impact int) int {
	if likelihood < 1 || likelihood > 5 || impact < 1 || impact > 5 {
		return 0
	}
	return likelihood * impact
}

// Score is likelihood × impact, or 0 while the risk is not fully scored.
func (r Risk) Score() int { return score(r.Likelihood, r.Impact) }

// Band is where the risk falls on the heat map before treatment.
func (r Risk) Band() Band { return BandOf(r.Score()) }

// ResidualScore is the score expected once the risk is treated, or 0 while
// that is not scored.
func (r Risk) ResidualScore() int { return score(r.ResidualLikelihood, r.ResidualImpact) }

// ResidualBand is where the treated risk falls on the heat map.
func (r Risk) ResidualBand() Band { return BandOf(r.ResidualScore()) }

// Flags names what a serious risk still lacks: "no owner", "no mitigation".
// Other risks, and closed ones, are never flagged: the register asks for
// owners and plans where the danger is.
func (r Risk) Flags() []string {
	if !r.Band().Serious() || r.Status == RiskClosed {
		return nil
	}
	var flags []string
	if strings.TrimSpace(r.Owner) == "" {
		flags = append(flags, "no owner")
	}
	if strings.TrimSpace(string(r.Mitigation)) == "" {
		flags = append(flags, "no mitigation")
	}
	return flags
}
