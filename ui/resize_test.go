package ui

import (
	"strings"
	"testing"
)

// A terminal resized to 80×24 shows every step as one started at 80×24
// does: each screen lays itself out in its own share of the terminal, not
// in the whole of it with its bottom lines cut off.
func TestAResizedStepLooksAsIfStartedAtThatSize(t *testing.T) {
	for _, step := range []string{"1", "2", "3", "4", "5", "6"} {
		a := opened(t, 100, 30)
		a.keys(step)
		a.size(80, 24)
		b := opened(t, 80, 24)
		b.keys(step)
		// The two sessions differ only in their ids.
		got := strings.ReplaceAll(a.screen(), a.sess().ID, "ID")
		want := strings.ReplaceAll(b.screen(), b.sess().ID, "ID")
		if got != want {
			t.Errorf("step %s after a resize:\n%s\nstarted at 80×24:\n%s", step, got, want)
		}
	}
}
