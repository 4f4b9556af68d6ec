package home

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/roundtable/roundtable/model/store"
	"github.com/roundtable/roundtable/ui/screentest"
)

func TestMain(m *testing.M) { screentest.Main(m) }

var now = time.Date(2026, 3, 14, 10, 0, 0, 0, time.UTC)

func listOf(n int) *Model {
	m := New(screentest.Context(func() time.Time { return now }), nil, nil)
	entries := make([]store.Entry, n)
	for i := range entries {
		entries[i] = store.Entry{ID: fmt.Sprintf("s-%d", i), Title: fmt.Sprintf("Session %d", i), Organisation: "Acme",
			Workshop: "default", Updated: now.Add(-time.Duration(i) * time.Hour), Done: i % 7, Total: 6}
	}
	m.Update(listedMsg{entries: entries})
	m.SetSize(160, 40)
	return m
}

func TestAgoSaysWhenInWords(t *testing.T) {
	for d, want := range map[time.Duration]string{
		10 * time.Second: "just now", 5 * time.Minute: "5 min ago", 3 * time.Hour: "3 h ago",
		30 * time.Hour: "yesterday", 72 * time.Hour: "3 days ago",
	} {
		if got := Ago(now.Add(-d), now); got != want {
			t.Errorf("%v ago: %q, want %q", d, got, want)
		}
	}
	if got := Ago(time.Date(2025, 1, 2, 12, 0, 0, 0, time.UTC), now); got != "2025-01-02" {
		t.Errorf("an old date: %q", got)
	}
}

func TestSessionCountReadsAsASentence(t *testing.T) {
	for n, want := range map[int]string{1: "Sessions  1 session\n", 2: "Sessions  2 sessions\n"} {
		if got := listOf(n).View(); !strings.HasPrefix(got, want) {
			t.Errorf("with %d sessions the list starts %q, want %q", n, got[:min(len(got), 30)], want)
		}
	}
}

// TestNoCountBeforeTheListIsRead: while the files are read, the screen says
// so instead of claiming there are no sessions.
func TestNoCountBeforeTheListIsRead(t *testing.T) {
	m := New(screentest.Context(func() time.Time { return now }), nil, nil)
	m.SetSize(80, 20)
	v := m.View()
	if !strings.Contains(v, "Looking for sessions…") || strings.Contains(v, "0 sessions") || strings.Contains(v, "No sessions yet") {
		t.Errorf("before the list is read the screen shows:\n%s", v)
	}
	m.Update(listedMsg{})
	if v := m.View(); !strings.Contains(v, "0 sessions") || !strings.Contains(v, "No sessions yet") {
		t.Errorf("an empty list shows:\n%s", v)
	}
}
