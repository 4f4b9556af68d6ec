package plan

import (
	"strconv"

	"github.com/roundtable/roundtable/model"
)

// Document is the plan as a document: its blocks in reading order. Every
// rendering of the plan starts from it — the Markdown that is shared, the
// review step's preview in the terminal — so they all say the same thing.
// What a participant typed is kept as typed, in spans marked as theirs, and
// each renderer cleans and escapes it for its own target.
type Document struct {
	Blocks []Block
}

// Block is one of *Heading, *Paragraph, *List, *Table, *Poll, *RACIGrid,
// *HeatMap and *Timeline. The last four are the plan's pictures: they carry
// their figures, and a renderer that cannot draw them writes them as the
// tables the Markdown shows.
type Block interface{ block() }

// Heading opens a part of the plan: level 1 is the plan's title, 2 a
// section, 3 a part of one.
type Heading struct {
	Level int
	Text  Text
}

// Paragraph is a line of running text.
type Paragraph struct {
	Text Text
}

// List is a bullet list, or a list counted from 1 when Numbered.
type List struct {
	Numbered bool
	Items    []Text
}

// Table has a row of column names and rows of as many cells; a cell may be
// empty.
type Table struct {
	Head []Text
	Rows [][]Text
	// Lead is how many columns, from the first, name a row (a number and a
	// title, say); a renderer that lays the rows out one under another
	// heads each with them.
	Lead int
}

// Poll is the show-of-hands poll: for each platform, how many hands went
// up for reading or using it and for contributing to it.
type Poll struct {
	Rows []PollRow
	// Room is how many people were recorded in the room, 0 when nobody
	// was: what the bars are measured against.
	Room int
}

// PollRow is one platform's show of hands.
type PollRow struct {
	Platform       Text
	Reads, Creates int
}

// RACIGrid is the RACI matrix: activities down, roles across, a letter or
// nothing in each cell.
type RACIGrid struct {
	Roles      []RACIRole
	Activities []RACIActivity
}

// RACIRole is a column of the grid: the short code that heads it, as on
// the RACI screen, and the role's name.
type RACIRole struct {
	Code, Name Text
}

// RACIActivity is a row of the grid.
type RACIActivity struct {
	Name, Area Text
	Key        bool
	// Letters has one letter per role of the grid, in its order; an empty
	// letter is a blank cell.
	Letters []model.Letter
}

// HeatMap places the open, scored risks of the register on the 5×5 grid of
// likelihood and impact.
type HeatMap struct {
	// Cells[l-1][i-1] is the cell of likelihood l and impact i.
	Cells [5][5]HeatCell
}

// HeatCell is one cell of the heat map.
type HeatCell struct {
	Band model.Band
	// Risks are the register numbers, from 1, of the risks in the cell.
	Risks []int
}

// Timeline is what happened in a drill run by drill clock: what reached the
// room and what the team logged, an inject before the answers to it at the
// same second.
type Timeline struct {
	Events []Event
	// Messages are the run's drafted messages, by drill clock, so that a
	// picture can set them on the same axis; the plan lists them in full
	// in the table that follows.
	Messages []MessageMark
	// End is the drill clock the run reached, in seconds.
	End int
}

// Event is a row of the timeline.
type Event struct {
	// At is the drill clock in seconds.
	At           int
	Kind         EventKind
	What, Detail Text
}

// EventKind says what an event of the timeline is.
type EventKind int

// The kinds of event.
const (
	InjectReleased EventKind = iota
	InjectSkipped
	Decision
	Note
)

// MessageMark is when a message was drafted, and for whom.
type MessageMark struct {
	At       int
	Audience Text
}

func (*Heading) block()   {}
func (*Paragraph) block() {}
func (*List) block()      {}
func (*Table) block()     {}
func (*Poll) block()      {}
func (*RACIGrid) block()  {}
func (*HeatMap) block()   {}
func (*Timeline) block()  {}

// Text is a run of inline spans.
type Text []Span

// Span is a piece of inline text.
type Span struct {
	Text string
	// Typed marks what a participant typed or a file holds: any bytes at
	// all, line breaks included. A renderer shows it as Plain gives it and
	// escapes it for its target. Otherwise the span is the plan's own
	// words: plain text that needs no escaping in Markdown.
	Typed bool
	// Strong is set in bold.
	Strong bool
}

// Plain is the span as every rendering shows it: typed text on one line,
// its line breaks as " / ", runs of white space as one space, with no
// space at either end and no invisible control or direction override.
func (s Span) Plain() string {
	if !s.Typed {
		return s.Text
	}
	return clean(s.Text, false)
}

// words are the plan's own words.
func words(s string) Span { return Span{Text: s} }

// typed is text someone typed.
func typed(s string) Span { return Span{Text: s, Typed: true} }

// number is an integer in figures.
func number(n int) Span { return Span{Text: strconv.Itoa(n)} }

// typedOr is the typed text s, or fallback when nothing printable is left
// of it.
func typedOr(s string, fallback Span) Span {
	if visible(s) {
		return typed(s)
	}
	return fallback
}

// strong sets a span in bold.
func strong(s Span) Span {
	s.Strong = true
	return s
}
