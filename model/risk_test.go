package model

import (
	"slices"
	"testing"
)

func TestBandOf(t *testing.T) {
	tests := []struct {
		score int
		want  Band
	}{
		{-3, BandNone}, {0, BandNone},
		{1, BandLow}, {4, BandLow},
		{5, BandMedium}, {9, BandMedium},
		{10, BandHigh}, {16, BandHigh}, {19, BandHigh},
		{20, BandCritical}, {25, BandCritical}, {99, BandCritical},
	}
	for _, tt := range tests {
		if got := BandOf(tt.score); got != tt.want {
			t.Errorf("BandOf(%d) = %v, want %v", tt.score, got, tt.want)
		}
	}
}

// TestHeatMap checks every cell of the 5×5 map the risks screen draws:
// rows are likelihood 5 down to 1, columns impact 1 to 5.
func TestHeatMap(t *testing.T) {
	want := [5]string{
		"MHHCC", // likelihood 5
		"LMHHC", // 4
		"LMMHH", // 3
		"LLMMH", // 2
		"LLLLM", // 1
	}
	letter := map[Band]byte{BandLow: 'L', BandMedium: 'M', BandHigh: 'H', BandCritical: 'C'}
	for row, cells := range want {
		l := 5 - row
		for i := range 5 {
			r := Risk{Likelihood: l, Impact: i + 1}
			if got := letter[r.Band()]; got != cells[i] {
				t.Errorf("likelihood %d impact %d: score %d band %v, want %c", l, i+1, r.Score(), r.Band(), cells[i])
			}
		}
	}
}

func TestRiskScore(t *testing.T) {
	tests := []struct {
		l, i, want int
	}{
		{3, 4, 12}, {1, 1, 1}, {5, 5, 25},
		{0, 4, 0}, {4, 0, 0}, {6, 2, 0}, {2, 6, 0}, {-1, -1, 0},
	}
	for _, tt := range tests {
		r := Risk{Likelihood: tt.l, Impact: tt.i, ResidualLikelihood: tt.l, ResidualImpact: tt.i}
		if got := r.Score(); got != tt.want {
			t.Errorf("Score(%d×%d) = %d, want %d", tt.l, tt.i, got, tt.want)
		}
		if got := r.ResidualScore(); got != tt.want {
			t.Errorf("ResidualScore(%d×%d) = %d, want %d", tt.l, tt.i, got, tt.want)
		}
	}
	r := Risk{Likelihood: 5, Impact: 4, ResidualLikelihood: 2, ResidualImpact: 2}
	if r.Band() != BandCritical || r.ResidualBand() != BandLow {
		t.Errorf("bands = %v then %v, want critical then low", r.Band(), r.ResidualBand())
	}
	if got := (Risk{Likelihood: 5, Impact: 4}).ResidualBand(); got != BandNone {
		t.Errorf("unscored residual band = %v", got)
	}
}

func TestBandWords(t *testing.T) {
	tests := []struct {
		b       Band
		word    string
		serious bool
	}{
		{BandNone, "unscored", false},
		{BandLow, "low", false},
		{BandMedium, "medium", false},
		{BandHigh, "high", true},
		{BandCritical, "critical", true},
		{Band(9), "unscored", false},
	}
	for _, tt := range tests {
		if got := tt.b.String(); got != tt.word {
			t.Errorf("Band(%d).String() = %q, want %q", int(tt.b), got, tt.word)
		}
		if got := tt.b.Serious(); got != tt.serious {
			t.Errorf("%v.Serious() = %v", tt.b, got)
		}
	}
}

func TestRiskFlags(t *testing.T) {
	tests := []struct {
		name string
		r    Risk
		want []string
	}{
		{"a medium risk is never flagged", Risk{Likelihood: 3, Impact: 3}, nil},
		{"an unscored risk is never flagged", Risk{}, nil},
		{"a high risk with nothing", Risk{Likelihood: 2, Impact: 5}, []string{"no owner", "no mitigation"}},
		{"blank text is nothing", Risk{Likelihood: 4, Impact: 4, Owner: "  ", Mitigation: " \n\t"}, []string{"no owner", "no mitigation"}},
		{"owned but unplanned", Risk{Likelihood: 5, Impact: 5, Owner: "it"}, []string{"no mitigation"}},
		{"planned but unowned", Risk{Likelihood: 5, Impact: 4, Mitigation: "Keep a status page ready"}, []string{"no owner"}},
		{"owned and planned", Risk{Likelihood: 5, Impact: 5, Owner: "it", Mitigation: "Load test before launch"}, nil},
		{"a closed risk is done", Risk{Likelihood: 5, Impact: 5, Status: RiskClosed}, nil},
	}
	for _, tt := range tests {
		if got := tt.r.Flags(); !slices.Equal(got, tt.want) {
			t.Errorf("%s: flags = %q, want %q", tt.name, got, tt.want)
		}
	}
}
