package pick

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/form"
	"github.com/roundtable/roundtable/ui/theme"
)

var sponsor = Pick{Key: "sponsor", Label: "Sponsor", Options: []string{"Ana", " ", "Tom", "Ana"}, None: "(nobody yet)"}

func press(f *form.Form, p Pick, keys ...tea.KeyType) {
	for _, k := range keys {
		f.Update(tea.KeyMsg{Type: k})
		p.Sync(f)
	}
}

func TestPickOrType(t *testing.T) {
	f := form.New(theme.New(theme.Dark), sponsor.Fields("Tom")...)
	if f.Len() != 1 || sponsor.Value(f) != "Tom" {
		t.Fatalf("a listed value is chosen: %d fields, %q", f.Len(), sponsor.Value(f))
	}
	// Blanks and repeats are dropped: nobody, Ana, Tom, type another.
	press(f, sponsor, tea.KeyRight)
	if f.Len() != 2 || sponsor.Value(f) != "" {
		t.Fatalf("type another should open a line: %d fields, %q", f.Len(), sponsor.Value(f))
	}
	press(f, sponsor, tea.KeyTab)
	f.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("The board")})
	if got := sponsor.Value(f); got != "The board" {
		t.Fatalf("typed value = %q", got)
	}
	press(f, sponsor, tea.KeyShiftTab, tea.KeyRight)
	if f.Len() != 1 || sponsor.Value(f) != "" {
		t.Fatalf("leaving type another hides the line: %d fields, %q", f.Len(), sponsor.Value(f))
	}

	f = form.New(theme.New(theme.Dark), sponsor.Fields("Someone else")...)
	if f.Len() != 2 || sponsor.Value(f) != "Someone else" {
		t.Fatalf("an unlisted value opens typed: %d fields, %q", f.Len(), sponsor.Value(f))
	}
	plain := Pick{Key: "who", Label: "Who"}
	f = form.New(theme.New(theme.Dark), plain.Fields("x")...)
	if !f.Typing() || plain.Value(f) != "x" {
		t.Fatal("without options it is a plain line")
	}
}

func TestTypingOnTheChoiceStartsSomeoneNew(t *testing.T) {
	s := &model.Session{Participants: []model.Participant{{Name: "Ana Silva"}, {Name: "Tom Berg"}}}
	p := People("person", "Person", s, "a name")
	f := form.New(theme.New(theme.Dark), p.Fields("tom berg")...)
	if f.Len() != 1 || p.Value(f) != "Tom Berg" {
		t.Fatalf("a name in another case is the participant: %d fields, %q", f.Len(), p.Value(f))
	}
	// l still chooses; a capital letter starts the typed line.
	Update(f, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("l")}, p)
	if p.Value(f) == "Tom Berg" || f.Len() != 2 {
		t.Fatalf("l should move the choice to someone new: %q, %d fields", p.Value(f), f.Len())
	}
	f = form.New(theme.New(theme.Dark), p.Fields("")...)
	for _, r := range "Lea Moss" {
		Update(f, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}}, p)
	}
	if got := p.Value(f); got != "Lea Moss" || !f.Typing() {
		t.Fatalf("typed on the choice: %q (typing %v)", got, f.Typing())
	}
	f = form.New(theme.New(theme.Dark), p.Fields("")...)
	Update(f, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("ANA SILVA")}, p)
	if got := p.Value(f); got != "Ana Silva" {
		t.Fatalf("a participant typed in capitals is that participant: %q", got)
	}
}
