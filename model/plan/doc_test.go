package plan

import (
	"slices"
	"strings"
	"testing"

	"github.com/roundtable/roundtable/model"
)

// texts is every piece of text in the document, pictures included.
func texts(d *Document) []Text {
	var out []Text
	for _, b := range d.Blocks {
		switch b := b.(type) {
		case *Heading:
			out = append(out, b.Text)
		case *Paragraph:
			out = append(out, b.Text)
		case *List:
			out = append(out, b.Items...)
		case *Table:
			out = append(out, b.Head...)
			for _, r := range b.Rows {
				out = append(out, r...)
			}
		case *Poll:
			for _, r := range b.Rows {
				out = append(out, r.Platform)
			}
		case *RACIGrid:
			for _, r := range b.Roles {
				out = append(out, r.Code, r.Name)
			}
			for _, a := range b.Activities {
				out = append(out, a.Name, a.Area)
			}
		case *Timeline:
			for _, e := range b.Events {
				out = append(out, e.What, e.Detail)
			}
			for _, m := range b.Messages {
				out = append(out, m.Audience)
			}
		}
	}
	return out
}

// TestTypedTextIsMarkedTyped: whatever a participant typed reaches the
// document only in typed spans, which every renderer escapes for its
// target; the plan's own words hold nothing Markdown would read inside a
// line.
func TestTypedTextIsMarkedTyped(t *testing.T) {
	const mark = "Qx<b>&|*_`"
	for _, s := range []*model.Session{everywhere(sample(t), mark), everywhere(sampleOf(t, "self-assessment"), mark)} {
		typedSpans := 0
		for _, txt := range texts(Build(s)) {
			for _, sp := range txt {
				switch {
				case sp.Typed:
					typedSpans++
				case strings.Contains(sp.Text, "Qx"):
					t.Errorf("typed text in the plan's own words: %q", sp.Text)
				case strings.ContainsAny(sp.Text, "\\`*_[]<>|~&@$"):
					t.Errorf("the plan's own words %q hold what Markdown reads as structure", sp.Text)
				}
			}
		}
		if typedSpans < 200 {
			t.Errorf("only %d typed spans in a plan with text in every field", typedSpans)
		}
	}
}

func TestPicturesCarryTheirFigures(t *testing.T) {
	s := sample(t)
	d := Build(s)
	var heat *HeatMap
	var poll *Poll
	var grid *RACIGrid
	var timeline *Timeline
	for _, b := range d.Blocks {
		switch b := b.(type) {
		case *HeatMap:
			heat = b
		case *Poll:
			poll = b
		case *RACIGrid:
			grid = b
		case *Timeline:
			timeline = b
		}
	}
	if heat == nil || poll == nil || grid == nil || timeline == nil {
		t.Fatalf("the sample plan lacks a picture: heat map %v, poll %v, RACI grid %v, timeline %v", heat != nil, poll != nil, grid != nil, timeline != nil)
	}
	for i, r := range s.Risks {
		in := slices.Contains(heat.Cells[max(r.Likelihood, 1)-1][max(r.Impact, 1)-1].Risks, i+1)
		if open := r.Status != model.RiskClosed && r.Score() > 0; in != open {
			t.Errorf("risk %d (%s, %d×%d) on the heat map: %v", i+1, r.Status, r.Likelihood, r.Impact, in)
		}
	}
	if c := heat.Cells[3][4]; c.Band != model.BandCritical || heat.Cells[0][0].Band != model.BandLow {
		t.Errorf("the cells' bands are %v and %v", c.Band, heat.Cells[0][0].Band)
	}
	if len(poll.Rows) != len(s.Listen.Poll) || poll.Rows[0].Reads != s.Listen.Poll[0].Reads || poll.Room != len(s.Participants) {
		t.Errorf("the poll is %+v", poll)
	}
	if len(grid.Activities) != len(s.RACI.Activities) || len(grid.Roles) != len(s.RACI.Roles) {
		t.Fatalf("the grid is %d × %d", len(grid.Activities), len(grid.Roles))
	}
	for i, a := range s.RACI.Activities {
		for j, r := range s.RACI.Roles {
			if got := grid.Activities[i].Letters[j]; got != a.Cells[r.ID] {
				t.Errorf("%s × %s is %q, want %q", a.Name, r.Name, got, a.Cells[r.ID])
			}
		}
	}
	run := s.Drill.Runs[0]
	if len(timeline.Messages) != len(run.Messages) || timeline.End != run.Clock {
		t.Errorf("the timeline has %d messages ending at %d; the run %d at %d", len(timeline.Messages), timeline.End, len(run.Messages), run.Clock)
	}
	kinds := map[EventKind]int{}
	for i, e := range timeline.Events {
		kinds[e.Kind]++
		if i > 0 && e.At < timeline.Events[i-1].At {
			t.Errorf("event %d at %d comes after one at %d", i, e.At, timeline.Events[i-1].At)
		}
	}
	if kinds[InjectReleased] == 0 || kinds[Decision] == 0 {
		t.Errorf("the timeline's events by kind: %v", kinds)
	}
}

func TestPlainIsWhatTheReaderSees(t *testing.T) {
	for _, s := range nasty {
		if got, want := typed(s).Plain(), normal(s); got != want {
			t.Errorf("%q reads %q, want %q", s, got, want)
		}
	}
	if got := words("R = responsible").Plain(); got != "R = responsible" {
		t.Errorf("the plan's own words read %q", got)
	}
}
