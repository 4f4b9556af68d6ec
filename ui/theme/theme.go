// Package theme holds Roundtable's colours and the one set of styles every
// screen draws with, so no screen picks a colour of its own.
package theme

import (
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/roundtable/roundtable/model"
)

// Theme is the palette for one kind of terminal background.
type Theme struct {
	Text      lipgloss.Color
	Muted     lipgloss.Color
	Accent    lipgloss.Color
	AccentBg  lipgloss.Color
	Selection lipgloss.Color
	Good      lipgloss.Color
	Warn      lipgloss.Color
	Bad       lipgloss.Color
	Border    lipgloss.Color
}

// Dark is the palette for dark terminals and most projectors' dark themes.
var Dark = Theme{
	Text:      "252",
	Muted:     "245",
	Accent:    "111",
	AccentBg:  "24",
	Selection: "237",
	Good:      "114",
	Warn:      "221",
	Bad:       "204",
	Border:    "240",
}

// Light is the palette for light terminals; colours are darker so they read
// on white and on a washed-out projector.
var Light = Theme{
	Text:      "235",
	Muted:     "242",
	Accent:    "25",
	AccentBg:  "153",
	Selection: "254",
	Good:      "28",
	Warn:      "130",
	Bad:       "160",
	Border:    "249",
}

// For returns the palette for a dark or a light background. The caller
// decides the background once, before the program starts.
func For(dark bool) Theme {
	if dark {
		return Dark
	}
	return Light
}

// Styles is every style the screens use. Meaning never rests on colour
// alone: selection also has a marker and bold, bands and flags also have
// words, so a NO_COLOR terminal loses nothing.
type Styles struct {
	Theme Theme

	Title      lipgloss.Style
	Heading    lipgloss.Style
	Text       lipgloss.Style
	Muted      lipgloss.Style
	Selected   lipgloss.Style
	Marker     lipgloss.Style
	Good       lipgloss.Style
	Warn       lipgloss.Style
	Bad        lipgloss.Style
	Key        lipgloss.Style
	StepDone   lipgloss.Style
	StepNow    lipgloss.Style
	StepLater  lipgloss.Style
	StatusOK   lipgloss.Style
	StatusBusy lipgloss.Style
	StatusErr  lipgloss.Style
	Dialog     lipgloss.Style
	Label      lipgloss.Style
	LabelFocus lipgloss.Style
	FieldError lipgloss.Style
	Bar        lipgloss.Style
	BarAlt     lipgloss.Style
}

// New builds the styles for a theme.
func New(t Theme) *Styles {
	s := lipgloss.NewStyle
	return &Styles{
		Theme:      t,
		Title:      s().Bold(true).Foreground(t.Accent),
		Heading:    s().Bold(true).Foreground(t.Text),
		Text:       s().Foreground(t.Text),
		Muted:      s().Foreground(t.Muted),
		Selected:   s().Bold(true).Foreground(t.Text).Background(t.Selection),
		Marker:     s().Bold(true).Foreground(t.Accent),
		Good:       s().Foreground(t.Good),
		Warn:       s().Foreground(t.Warn),
		Bad:        s().Bold(true).Foreground(t.Bad),
		Key:        s().Bold(true).Foreground(t.Accent),
		StepDone:   s().Foreground(t.Muted),
		StepNow:    s().Bold(true).Reverse(true).Foreground(t.Accent),
		StepLater:  s().Foreground(t.Text),
		StatusOK:   s().Foreground(t.Good),
		StatusBusy: s().Foreground(t.Warn),
		StatusErr:  s().Bold(true).Foreground(t.Bad),
		Dialog:     s().Border(lipgloss.RoundedBorder()).BorderForeground(t.Accent).Padding(0, 1),
		Label:      s().Foreground(t.Muted),
		LabelFocus: s().Bold(true).Foreground(t.Accent),
		FieldError: s().Foreground(t.Bad),
		Bar:        s().Foreground(t.Accent),
		BarAlt:     s().Foreground(t.Good),
	}
}

// Band is how a risk band is drawn wherever risks are placed on the heat
// map: low good, medium a warning, high bad, critical bad and reversed;
// unscored is muted. The band's word or letter always goes with it.
func (s *Styles) Band(b model.Band) lipgloss.Style {
	switch b {
	case model.BandLow:
		return s.Good
	case model.BandMedium:
		return s.Warn
	case model.BandHigh:
		return s.Bad
	case model.BandCritical:
		return s.Bad.Reverse(true)
	}
	return s.Muted
}

// Letter is how a RACI letter is drawn wherever a grid is shown: the
// accountable role stands out, the responsible ones read as good, the
// consulted as a warning and the informed muted. The letter itself always
// goes with it.
func (s *Styles) Letter(l model.Letter) lipgloss.Style {
	return [...]lipgloss.Style{s.Marker, s.Good, s.Warn, s.Muted}[letterSlot(l)]
}

// letterSlot orders the letters as Letter and LetterInks keep them.
func letterSlot(l model.Letter) int {
	switch l {
	case model.Accountable:
		return 0
	case model.Responsible:
		return 1
	case model.Consulted:
		return 2
	}
	return 3
}

// LetterInks paint the RACI letters as Letter draws them, for a screen
// that paints a whole grid.
type LetterInks [4]Ink

// LetterInks captures the letters' styles once.
func (s *Styles) LetterInks() LetterInks {
	var k LetterInks
	for i, l := range []model.Letter{model.Accountable, model.Responsible, model.Consulted, model.Informed} {
		k[i] = InkOf(s.Letter(l))
	}
	return k
}

// Of is the ink of letter l.
func (k LetterInks) Of(l model.Letter) Ink { return k[letterSlot(l)] }

// Ink paints one line of text in a style for the cost of two string joins.
// lipgloss's Render measures and rebuilds the text every call, which
// dominates the time to lay out a page of a thousand rows.
type Ink struct{ before, after string }

// InkOf captures what style writes around a line of text. Only colour and
// emphasis carry over; widths and padding do not.
func InkOf(style lipgloss.Style) Ink {
	const mark = "\uE000"
	out := style.Render(mark)
	before, after, found := strings.Cut(out, mark)
	if !found {
		return Ink{}
	}
	return Ink{before: before, after: after}
}

// Write writes s in the ink's style to w, for a page drawn piece by piece.
func (i Ink) Write(w io.StringWriter, s string) {
	_, _ = w.WriteString(i.before)
	_, _ = w.WriteString(s)
	_, _ = w.WriteString(i.after)
}

// Paint returns s in the ink's style.
func (i Ink) Paint(s string) string {
	if i.before == "" && i.after == "" {
		return s
	}
	return i.before + s + i.after
}
