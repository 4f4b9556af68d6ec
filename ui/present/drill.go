package present

import (
	"fmt"
	"slices"
	"strings"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/theme"
)

// drill draws the clock in block digits, the newest inject the room has
// been given as a banner, and the messages sent so far to each audience.
// Injects held or still to come never show.
func (r room) drill(m *Model) []string {
	runs := r.s.Drill.Runs
	if len(runs) == 0 {
		return []string{r.ink.muted.Paint(display.Fit("The drill has not started yet.", r.w))}
	}
	run := runs[len(runs)-1]
	sc, scOK := r.s.Workshop.Drill.ScenarioByID(run.Scenario)
	clockRun := run
	if live, ok := m.clockRun(); ok && len(m.read.Drill.Runs) == len(runs) {
		clockRun = live
	}
	clock := run.Clock
	if !run.Ended {
		clock = m.clockNow(clockRun)
	}

	var out []string
	state := "PAUSED"
	switch {
	case run.Ended:
		state = "FINISHED"
	case clockRun.Running() && m.followed():
		state = "RUNNING"
	}
	title := display.OneLine(sc.Title)
	if !scOK {
		title = display.OneLine(run.Scenario)
	}
	caption := state + fmt.Sprintf(" · ×%d", max(run.Speed, 1))
	if sc.Minutes > 0 {
		caption += " · of " + model.ClockText(sc.Minutes*60)
	}
	text := model.ClockText(clock)
	// The biggest clock that leaves room for the banner and the messages.
	scale := 0
	for s := 4; s >= 1; s-- {
		if bigWidth(text, s) <= r.w && fontRows*s <= max(r.h*2/5, 5) {
			scale = s
			break
		}
	}
	out = append(out, r.ink.heading.Paint(display.Fit(title, r.w)))
	if scale > 0 && r.h >= 12 {
		for _, l := range bigText(text, scale) {
			out = append(out, r.ink.title.Paint(center(l, r.w)))
		}
		out = append(out, r.stateInk(state).Paint(center(caption, r.w)))
	} else {
		out = append(out, display.Fit(r.ink.title.Paint(text)+"  "+r.stateInk(state).Paint(caption), r.w))
	}
	out = append(out, "")

	msgH := min(len(r.s.Workshop.Drill.Audiences)+2, max((r.h-len(out))/3, 2))
	bannerH := max(r.h-len(out)-msgH, 0)
	out = append(out, r.banner(run, sc, clock, bannerH)...)
	sub := r
	sub.h = r.h - len(out)
	return append(out, sub.messages(run)...)
}

func (r room) stateInk(state string) theme.Ink {
	switch state {
	case "RUNNING":
		return r.ink.good
	case "PAUSED":
		return r.ink.warn
	}
	return r.ink.muted
}

// banner is the newest inject the room has been given, boxed, with its
// time, channel and speaker.
func (r room) banner(run model.DrillRun, sc model.Scenario, clock, h int) []string {
	latest, ok := run.Latest()
	if !ok || latest.Index >= len(sc.Injects) {
		if h <= 0 {
			return nil
		}
		return []string{r.ink.muted.Paint(display.Fit("No inject yet.", r.w)), ""}
	}
	in := sc.Injects[latest.Index]
	tag := "INJECT"
	if clock-latest.At < 60 {
		tag = "NEW INJECT"
	}
	head := fmt.Sprintf("%s %d of %d at %s · %s · %s", tag, latest.Index+1, len(sc.Injects), model.ClockText(latest.At),
		display.OneLine(in.Channel), display.OneLine(in.Speaker))
	inner := max(r.w-4, 1)
	body := wrapped(string(in.Text), inner, max(h-4, 1))
	if h < 4 || r.w < 10 {
		return []string{r.ink.bad.Paint(display.Fit("! "+head+": "+display.OneLine(string(in.Text)), r.w))}
	}
	line := func(s string) string {
		return r.ink.bad.Paint("│ ") + display.Pad(s, inner) + r.ink.bad.Paint(" │")
	}
	out := []string{r.ink.bad.Paint("╭" + strings.Repeat("─", r.w-2) + "╮"), line(r.ink.bad.Paint(display.Fit(head, inner)))}
	for _, l := range body {
		out = append(out, line(r.ink.heading.Paint(l)))
	}
	out = append(out, r.ink.bad.Paint("╰"+strings.Repeat("─", r.w-2)+"╯"))
	return out
}

// messages counts the messages sent so far to each audience, with the
// newest one's first words.
func (r room) messages(run model.DrillRun) []string {
	if r.h <= 0 {
		return nil
	}
	auds := slices.Clone(r.s.Workshop.Drill.Audiences)
	for _, msg := range run.Messages {
		if !slices.Contains(auds, msg.Audience) {
			auds = append(auds, msg.Audience)
		}
	}
	out := []string{r.ink.heading.Paint(display.Fit("Messages sent: "+display.Count(len(run.Messages), "message", "messages"), r.w))}
	labelW := 0
	for _, a := range auds {
		labelW = max(labelW, display.Width(display.OneLine(a)))
	}
	labelW = min(labelW, r.w/3)
	for n, a := range auds {
		if len(out) >= r.h-1 && n < len(auds)-1 {
			out = append(out, r.more(len(auds)-n, "audience", "audiences"))
			break
		}
		count := 0
		var newest *model.Message
		for i := range run.Messages {
			if run.Messages[i].Audience == a {
				count++
				newest = &run.Messages[i]
			}
		}
		line := "  " + display.Pad(display.OneLine(a), labelW) + "  " + r.ink.heading.Paint(fmt.Sprintf("%3d", count))
		if newest != nil {
			line += r.ink.muted.Paint("  newest at " + model.ClockText(newest.At) + ": " + display.OneLine(string(newest.Text)))
		}
		out = append(out, display.Fit(line, r.w))
	}
	return out
}
