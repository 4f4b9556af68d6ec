package plan

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/roundtable/roundtable/model"
)

// ICS writes the session's dated action items, and the review dates of its
// open risks, as an RFC 5545 calendar of to-dos. Each to-do's UID stays
// the same from one export to the next, so a calendar that imports the
// file again updates what it has rather than adding it twice; the same
// session gives the same bytes.
func ICS(s *model.Session) []byte {
	var w icsWriter
	stamp := s.Meta.Updated.UTC()
	if stamp.IsZero() {
		stamp = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	w.line("BEGIN:VCALENDAR")
	w.line("VERSION:2.0")
	w.line("PRODID:-//Roundtable//Roundtable plan//EN")
	w.line("CALSCALE:GREGORIAN")
	w.property("X-WR-CALNAME", "Actions: "+Span{Text: s.Meta.Title, Typed: true}.Plain())
	uid := slug(s.ID)
	numbers := map[int]int{}
	for _, a := range s.Actions {
		numbers[a.ID]++
	}
	for i, a := range s.Actions {
		if !model.IsDate(a.Due) {
			continue
		}
		// An action numbered like no other keeps its number's UID; one
		// from before numbering, or numbered twice by hand, its place.
		id := "action-" + strconv.Itoa(a.ID)
		if a.ID <= 0 || numbers[a.ID] > 1 {
			id = "action-at-" + strconv.Itoa(i+1)
		}
		w.line("BEGIN:VTODO")
		w.property("UID", uid+"-"+id+"@roundtable")
		w.line("DTSTAMP:" + stamp.Format("20060102T150405Z"))
		w.property("SUMMARY", Span{Text: string(a.Text), Typed: true}.Plain())
		w.line("DUE;VALUE=DATE:" + strings.ReplaceAll(a.Due, "-", ""))
		w.line("STATUS:" + icsStatus(a.State()))
		if a.State() == model.ActionDone {
			w.line("PERCENT-COMPLETE:100")
		}
		w.line("SEQUENCE:" + strconv.Itoa(len(a.History)))
		w.property("DESCRIPTION", describeAction(s, a))
		w.line("CATEGORIES:Roundtable," + icsText(stepName(s, a.Source)))
		w.line("END:VTODO")
	}
	seen := map[string]int{}
	for _, r := range s.Risks {
		if r.Status == model.RiskClosed || !model.IsDate(r.Review) {
			continue
		}
		sum := sha256.Sum256([]byte(r.Title))
		id := "risk-" + hex.EncodeToString(sum[:6])
		// Two risks of the same title are told apart by their order.
		seen[id]++
		if n := seen[id]; n > 1 {
			id += "-" + strconv.Itoa(n)
		}
		title := Span{Text: r.Title, Typed: true}.Plain()
		if title == "" {
			title = "untitled risk"
		}
		w.line("BEGIN:VTODO")
		w.property("UID", uid+"-"+id+"@roundtable")
		w.line("DTSTAMP:" + stamp.Format("20060102T150405Z"))
		w.property("SUMMARY", "Review the risk: "+title)
		w.line("DUE;VALUE=DATE:" + strings.ReplaceAll(r.Review, "-", ""))
		w.line("STATUS:NEEDS-ACTION")
		desc := "Risk owner: " + ownerName(s, r.Owner) + ". Score " + strconv.Itoa(r.Score()) + " (" + r.Band().String() + ")."
		w.property("DESCRIPTION", desc)
		w.line("CATEGORIES:Roundtable," + icsText(stepName(s, model.StepRisks)))
		w.line("END:VTODO")
	}
	w.line("END:VCALENDAR")
	return w.b.Bytes()
}

// ICSFileName is the name of the calendar file of a session.
func ICSFileName(s *model.Session) string {
	return slug(s.ID) + "-actions.ics"
}

// describeAction says who owns the action and where it came from.
func describeAction(s *model.Session, a model.ActionItem) string {
	out := "Owner role: " + ownerName(s, a.Owner) + ". Source step: " + stepName(s, a.Source) + "."
	if note := (Span{Text: string(a.Note), Typed: true}).Plain(); note != "" {
		out += " Note: " + note
	}
	return out
}

// ownerName names a role and the person who fills it, in plain text.
func ownerName(s *model.Session, id string) string {
	if strings.TrimSpace(id) == "" {
		return "not named yet"
	}
	r, ok := s.RACI.RoleByID(id)
	if !ok {
		return Span{Text: id, Typed: true}.Plain() + " (not in the RACI grid)"
	}
	out := Span{Text: r.Name, Typed: true}.Plain()
	if out == "" {
		out = Span{Text: id, Typed: true}.Plain()
	}
	if person := (Span{Text: r.Person, Typed: true}).Plain(); person != "" {
		out += " (" + person + ")"
	}
	return out
}

// stepName names a step kind as the workshop does, in plain text.
func stepName(s *model.Session, k model.StepKind) string {
	p := &planner{s: s}
	return Span{Text: p.stepName(k), Typed: true}.Plain()
}

// icsStatus is RFC 5545's name for an action's status.
func icsStatus(st model.ActionStatus) string {
	switch st {
	case model.ActionInProgress:
		return "IN-PROCESS"
	case model.ActionDone:
		return "COMPLETED"
	case model.ActionDropped:
		return "CANCELLED"
	}
	return "NEEDS-ACTION"
}

// icsWriter writes content lines: CRLF after each, folded past 75 octets
// as RFC 5545 section 3.1 asks, never inside a character.
type icsWriter struct {
	b bytes.Buffer
}

// property writes NAME:value with the value escaped as TEXT.
func (w *icsWriter) property(name, value string) {
	w.line(name + ":" + icsText(value))
}

func (w *icsWriter) line(l string) {
	const limit = 75
	width := limit
	for len(l) > width {
		cut := width
		for cut > 0 && !utf8.RuneStart(l[cut]) {
			cut--
		}
		w.b.WriteString(l[:cut])
		w.b.WriteString("\r\n ")
		l = l[cut:]
		// A continuation line starts with the space, which counts.
		width = limit - 1
	}
	w.b.WriteString(l)
	w.b.WriteString("\r\n")
}

// icsText escapes a TEXT value: backslash, semicolon and comma, and any
// line break as \n; the text given is already on one line without
// control characters.
func icsText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', ';', ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
