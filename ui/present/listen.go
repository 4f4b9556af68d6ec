package present

import (
	"strconv"
	"strings"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/display"
)

// Poll bars are drawn in two textures, so they tell apart without colour.
const (
	readCell   = "█"
	createCell = "▒"
)

// listen is the poll as large bars with their counts, then where people
// talk, surprises marked, and the room's own experts.
func (r room) listen() []string {
	s := r.s
	var inv []model.Conversation
	for _, c := range s.Listen.Inventory {
		if strings.TrimSpace(c.Place) != "" {
			inv = append(inv, c)
		}
	}
	var experts []model.Expert
	for _, e := range s.Listen.Experts {
		if strings.TrimSpace(e.Name) != "" {
			experts = append(experts, e)
		}
	}
	// The poll comes first: two lines a platform where the lists still
	// fit below, else one, the lists taking what is left.
	listNeed := 0
	if len(inv)+len(experts) > 0 {
		listNeed = len(inv) + len(experts) + 3
		if r.w >= 100 {
			listNeed = max(len(inv), len(experts)) + 2
		}
	}
	pollOne, pollTwo := 1+len(s.Listen.Poll), 1+2*len(s.Listen.Poll)
	rest := min(listNeed, max(r.h-pollOne, r.h/3))
	if r.h-pollTwo >= min(listNeed, 6) {
		rest = min(listNeed, r.h-pollTwo)
	}
	out := r.poll(r.h - rest)
	if rest == 0 {
		return out
	}
	if len(out) > 0 {
		out = append(out, "")
	}
	room := r.h - len(out)
	if r.w >= 100 {
		lw := r.w*3/5 - 2
		sub := r
		sub.w = lw
		left := sub.capped(sub.inventory(inv), room, "place", "places")
		sub.w = r.w - lw - 4
		right := sub.capped(sub.experts(experts), room, "expert", "experts")
		return append(out, columns(left, right, lw, 4)...)
	}
	// Stacked, each list gets its share of the space.
	invH := room
	if len(experts) > 0 {
		invH = max(room*(len(inv)+1)/(len(inv)+len(experts)+2), min(room, 2))
	}
	left := r.capped(r.inventory(inv), invH, "place", "places")
	return append(append(out, left...), r.capped(r.experts(experts), room-len(left), "expert", "experts")...)
}

// capped keeps a list with its heading to h lines, the last saying how
// many are left out.
func (r room) capped(lines []string, h int, one, many string) []string {
	if len(lines) <= h {
		return lines
	}
	if h <= 1 {
		return lines[:max(h, 0)]
	}
	return append(lines[:h-1:h-1], r.more(len(lines)-h+1, one, many))
}

// poll draws each platform's hands, two lines each where there is room.
func (r room) poll(h int) []string {
	rows := r.s.Listen.Poll
	if len(rows) == 0 || h < 2 {
		return nil
	}
	labelW := 0
	most := 1
	for _, p := range rows {
		labelW = max(labelW, display.Width(display.OneLine(p.Platform)))
		most = max(most, p.Reads, p.Creates)
	}
	labelW = min(labelW, max(r.w/4, 6))
	countW := len(strconv.Itoa(most)) + 8
	barW := max(r.w-labelW-2-countW, 1)
	legend := r.ink.bar.Paint(readCell) + r.ink.muted.Paint(" read or use   ") + r.ink.barAlt.Paint(createCell) + r.ink.muted.Paint(" create or contribute")
	out := []string{display.Fit(legend, r.w)}
	shown := rows
	twoLines := 1+2*len(rows) <= h
	// A blank line between platforms where the screen is tall.
	gap := twoLines && 1+3*len(rows) <= h && r.h >= 30
	if !twoLines && 1+len(rows) > h {
		shown = rows[:max(h-2, 0)]
	}
	for _, p := range shown {
		label := display.Pad(display.OneLine(p.Platform), labelW) + "  "
		reads := r.ink.bar.Paint(bar(p.Reads, most, barW, readCell)) + " " + r.ink.heading.Paint(strconv.Itoa(p.Reads)) + r.ink.muted.Paint(" read")
		creates := r.ink.barAlt.Paint(bar(p.Creates, most, barW, createCell)) + " " + r.ink.heading.Paint(strconv.Itoa(p.Creates)) + r.ink.muted.Paint(" create")
		if twoLines {
			out = append(out, display.Fit(r.ink.heading.Paint(label)+reads, r.w), display.Fit(strings.Repeat(" ", labelW+2)+creates, r.w))
			if gap {
				out = append(out, "")
			}
			continue
		}
		half := max((barW-2)/2, 1)
		reads = r.ink.bar.Paint(bar(p.Reads, most, half, readCell)) + " " + strconv.Itoa(p.Reads)
		creates = r.ink.barAlt.Paint(bar(p.Creates, most, half, createCell)) + " " + strconv.Itoa(p.Creates)
		out = append(out, display.Fit(r.ink.heading.Paint(label)+display.Pad(reads, half+len(strconv.Itoa(most))+2)+" "+creates, r.w))
	}
	if len(shown) < len(rows) {
		out = append(out, r.more(len(rows)-len(shown), "platform", "platforms"))
	}
	return out
}

// inventory lists where people talk; a place the room did not know of is
// starred and says so.
func (r room) inventory(inv []model.Conversation) []string {
	if len(inv) == 0 {
		return nil
	}
	surprises := 0
	for _, c := range inv {
		if c.Surprise {
			surprises++
		}
	}
	head := "Where people talk about us"
	if surprises > 0 {
		head += " · ★ " + display.Count(surprises, "surprise", "surprises")
	}
	out := []string{r.ink.heading.Paint(display.Fit(head, r.w))}
	for _, c := range inv {
		var facts []string
		for _, f := range []string{c.Who, c.Tone, c.Volume} {
			if f = display.OneLine(f); strings.TrimSpace(f) != "" {
				facts = append(facts, f)
			}
		}
		line := "  " + display.OneLine(c.Place)
		if len(facts) > 0 {
			line += r.ink.muted.Paint(" — " + strings.Join(facts, ", "))
		}
		if c.Surprise {
			line = r.ink.warn.Paint("★ ") + display.OneLine(c.Place) + r.ink.warn.Paint(" (we did not know)")
			if len(facts) > 0 {
				line += r.ink.muted.Paint(" — " + strings.Join(facts, ", "))
			}
		}
		out = append(out, display.Fit(line, r.w))
	}
	return out
}

// experts names the people in the company who already know the places.
func (r room) experts(experts []model.Expert) []string {
	if len(experts) == 0 {
		return nil
	}
	out := []string{r.ink.heading.Paint(display.Fit("Our experts", r.w))}
	for _, e := range experts {
		line := "  " + display.OneLine(e.Name)
		if d := display.OneLine(e.Department); strings.TrimSpace(d) != "" {
			line += r.ink.muted.Paint(" · " + d)
		}
		if k := display.OneLine(string(e.Knows)); strings.TrimSpace(k) != "" {
			line += r.ink.muted.Paint(": " + k)
		}
		out = append(out, display.Fit(line, r.w))
	}
	return out
}
