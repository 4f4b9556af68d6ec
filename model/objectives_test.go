package model

import (
	"slices"
	"testing"
)

func TestObjectiveMissing(t *testing.T) {
	tests := []struct {
		o    Objective
		want []string
	}{
		{Objective{Title: "Engage customers"}, []string{"sponsor", "metric", "target"}},
		{Objective{Sponsor: " ", Metric: "\t", Target: "\n"}, []string{"sponsor", "metric", "target"}},
		{Objective{Sponsor: "Head of marketing"}, []string{"metric", "target"}},
		{Objective{Metric: "questions answered in a day"}, []string{"sponsor", "target"}},
		{Objective{Sponsor: "CFO", Metric: "support calls", Target: "-10% by June"}, nil},
	}
	for _, tt := range tests {
		if got := tt.o.Missing(); !slices.Equal(got, tt.want) {
			t.Errorf("%+v: Missing = %q, want %q", tt.o, got, tt.want)
		}
	}
}

func TestObjectivesRanked(t *testing.T) {
	tests := []struct {
		votes []int
		want  []int
	}{
		{nil, []int{}},
		{[]int{0}, []int{0}},
		{[]int{2, 7, 4}, []int{1, 2, 0}},
		{[]int{3, 5, 3, 5, 0}, []int{1, 3, 0, 2, 4}},
		{[]int{0, 0, 0}, []int{0, 1, 2}},
	}
	for _, tt := range tests {
		var o Objectives
		for _, v := range tt.votes {
			o.Items = append(o.Items, Objective{Votes: v})
		}
		if got := o.Ranked(); !slices.Equal(got, tt.want) {
			t.Errorf("votes %v ranked %v, want %v", tt.votes, got, tt.want)
		}
	}
}
