// Package modeltest makes sessions for tests and benchmarks: random ones full
// of hostile text, to prove that what is saved comes back unchanged, and one
// large, realistic one that every performance budget is measured on.
package modeltest

import (
	"math"
	"math/rand/v2"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/roundtable/roundtable/model"
)

// Random returns a session with something in every field and every list,
// drawn from r. Its text is valid UTF-8 but otherwise hostile: line breaks,
// carriage returns, tabs, control characters, TOML delimiters, backslashes,
// quotes at the very end, emoji, right-to-left text and, now and then, a
// 10,000-character string. Times are UTC and whole seconds, and a list or map
// with nothing in it is nil, as the session file gives them back.
func Random(r *rand.Rand) *model.Session {
	g := gen{r}
	s := &model.Session{
		SchemaVersion: model.SchemaVersion,
		ID:            g.str(),
		Step:          g.int(),
		Meta: model.Meta{
			Title:        g.str(),
			Organisation: g.str(),
			Facilitator:  g.str(),
			Date:         g.str(),
			Workshop:     g.str(),
			Created:      g.time(),
			Updated:      g.time(),
		},
	}
	s.Participants = list(g, func() model.Participant {
		return model.Participant{Name: g.str(), Department: g.str(), RoleTitle: g.str()}
	})
	s.Listen = model.Listen{
		Poll: list(g, func() model.PollRow {
			return model.PollRow{Platform: g.str(), Reads: g.int(), Creates: g.int()}
		}),
		Inventory: list(g, func() model.Conversation {
			return model.Conversation{Place: g.str(), Who: g.str(), Tone: g.str(), Volume: g.str(),
				Surprise: g.bool(), Notes: g.text()}
		}),
		Experts: list(g, func() model.Expert {
			return model.Expert{Name: g.str(), Department: g.str(), Knows: g.text()}
		}),
	}
	s.Objectives = model.Objectives{
		Items: list(g, func() model.Objective {
			return model.Objective{Title: g.str(), Catalogue: g.str(), Audience: g.str(), Strategy: g.text(),
				Technology: g.str(), Sponsor: g.str(), Metric: g.str(), Target: g.str(), Due: g.str(),
				Votes: g.int(), Notes: g.text()}
		}),
		VotesPerParticipant: g.int(),
		Model:               g.str(),
	}
	s.RACI = model.RACIMatrix{
		Roles: list(g, func() model.Role {
			return model.Role{ID: g.str(), Name: g.str(), Person: g.str(), Backup: g.str()}
		}),
		Activities: list(g, func() model.Activity {
			return model.Activity{Name: g.str(), Area: g.str(), Key: g.bool(),
				Cells: dict(g, func() model.Letter { return g.letter() })}
		}),
	}
	s.Risks = list(g, func() model.Risk {
		return model.Risk{Title: g.str(), Category: g.str(), Likelihood: g.int(), Impact: g.int(),
			Owner: g.str(), Treatment: model.Treatment(g.str()), Mitigation: g.text(),
			ResidualLikelihood: g.int(), ResidualImpact: g.int(), Status: model.RiskStatus(g.str()),
			Review: g.str(), Notes: g.text()}
	})
	s.Drill.Report = g.int()
	s.Drill.Runs = list(g, func() model.DrillRun {
		return model.DrillRun{
			Scenario: g.str(),
			Speed:    g.int(),
			Assignments: list(g, func() model.DutyAssignment {
				return model.DutyAssignment{Duty: g.str(), Role: g.str(), Backup: g.str()}
			}),
			Clock:        g.int(),
			RunningSince: g.time(),
			RunningFrom:  g.int(),
			Injects: list(g, func() model.InjectState {
				return model.InjectState{Index: g.int(), Status: model.InjectStatus(g.str()), At: g.int()}
			}),
			Log: list(g, func() model.LogEntry {
				return model.LogEntry{At: g.int(), Kind: model.LogKind(g.str()), Text: g.text(), Inject: g.int()}
			}),
			Messages: list(g, func() model.Message {
				return model.Message{At: g.int(), Audience: g.str(), Phase: g.str(), Sender: g.str(),
					Text: g.text(), Inject: g.int(), Checks: dict(g, g.check)}
			}),
			Checklist: dict(g, g.check),
			Ended:     g.bool(),
			Review:    model.AfterAction{WentWell: g.text(), Failed: g.text()},
		}
	})
	s.Assessment = list(g, func() model.Rating {
		return model.Rating{Practice: g.str(), IT: g.int(), Business: g.int(), Notes: g.text()}
	})
	s.Actions = list(g, func() model.ActionItem {
		return model.ActionItem{ID: g.int(), Text: g.text(), Owner: g.str(), Due: g.str(),
			Source: model.StepKind(g.str()), Status: model.ActionStatus(g.str()), Note: g.text(), Finding: g.str(),
			Reviewed: g.str(), History: list(g, func() model.StatusChange {
				return model.StatusChange{On: g.str(), Status: model.ActionStatus(g.str())}
			})}
	})
	s.Projector = model.Projector{Frozen: g.bool(), FrozenStep: g.int(),
		Focus: model.Focus{Kind: model.FocusKind(g.str()), Index: g.int(), Title: g.str()},
		Join:  model.RoomJoin{URL: g.str(), Code: g.str(), Locked: g.bool()}}
	s.Parking = list(g, func() model.ParkingNote {
		return model.ParkingNote{Text: g.text(), From: g.str()}
	})
	s.Room = list(g, func() model.RoomRecord {
		return model.RoomRecord{Activity: g.str(), Anonymous: g.bool(), Closed: g.time(), Answered: g.int(),
			Ballots: list(g, func() model.RoomBallot {
				return model.RoomBallot{Name: g.str(), Department: g.str(), Answers: list(g, g.str)}
			})}
	})
	s.Workshop = g.workshop()
	return s
}

func (g gen) workshop() model.Workshop {
	return model.Workshop{
		Name:        g.str(),
		Title:       g.str(),
		Version:     g.str(),
		Description: g.text(),
		Duration:    g.int(),
		Steps: list(g, func() model.Step {
			return model.Step{Kind: model.StepKind(g.str()), Title: g.str(), Timebox: g.int(), Prompts: g.strs()}
		}),
		Listen: model.ListenCatalogue{Platforms: g.strs(), Places: g.strs(), Voices: g.strs()},
		Objectives: model.ObjectiveCatalogue{
			Objectives: list(g, func() model.CatalogueObjective {
				return model.CatalogueObjective{ID: g.str(), Title: g.str(), Description: g.text(), Source: g.str()}
			}),
			Models: list(g, func() model.OrgModel {
				return model.OrgModel{ID: g.str(), Name: g.str(), Description: g.text()}
			}),
			VotesPerParticipant: g.int(),
		},
		RACI: model.RACICatalogue{
			Roles: list(g, func() model.RoleTemplate {
				return model.RoleTemplate{ID: g.str(), Name: g.str(), Description: g.text()}
			}),
			Activities: list(g, func() model.ActivityTemplate {
				return model.ActivityTemplate{Name: g.str(), Area: g.str(), Key: g.bool(), Description: g.text(),
					Suggested: dict(g, func() model.Letter { return g.letter() })}
			}),
		},
		Risks: model.RiskCatalogue{
			Categories: g.strs(),
			Catalogue: list(g, func() model.RiskTemplate {
				return model.RiskTemplate{Title: g.str(), Category: g.str(), Likelihood: g.int(), Impact: g.int(),
					Mitigation: g.text(), Owner: g.str()}
			}),
		},
		Drill: model.DrillCatalogue{
			Duties: list(g, func() model.Duty {
				return model.Duty{ID: g.str(), Name: g.str(), Description: g.text(), Role: g.str()}
			}),
			Scenarios: list(g, func() model.Scenario {
				return model.Scenario{ID: g.str(), Title: g.str(), Summary: g.text(), Minutes: g.int(),
					Injects: list(g, func() model.Inject {
						return model.Inject{Minute: g.int(), Channel: g.str(), Speaker: g.str(), Text: g.text(), Good: g.text()}
					})}
			}),
			Checklist: list(g, func() model.ChecklistItem {
				return model.ChecklistItem{ID: g.str(), Title: g.str(), Description: g.text()}
			}),
			Audiences: g.strs(),
			Phases:    g.strs(),
			Phrases: model.DrillPhrases{Acknowledge: g.strs(), Issue: g.strs(), Source: g.strs(), Compassion: g.strs(),
				Action: g.strs(), Time: g.strs(), Page: g.strs(), Coordinate: g.strs()},
		},
		Assessment: model.AssessmentCatalogue{
			Practices: list(g, func() model.Practice {
				return model.Practice{ID: g.str(), Title: g.str(), Explanation: g.text()}
			}),
		},
	}
}

// gen draws the pieces of a random session.
type gen struct{ r *rand.Rand }

// hostile are pieces of text that have broken text formats before: TOML's
// own delimiters and escapes, line ends of every system, control characters,
// invisible and direction-changing characters, and multi-rune emoji.
var hostile = []string{
	"\n", "\r\n", "\r", "\t", "\x00", "\x01", "\x08", "\x0c", "\x1b[31m", "\x7f", "\u0085", "\u2028", "\u2029",
	"\ufeff", "\u200b", "\u202e", "\u200f", "\uFFFD", "\U0010FFFF", "\uE000",
	`"""`, `""`, `"`, `'''`, `'`, `\`, `\\`, `\n`, `\u0041`, `\"""`, `"\`,
	"#", "# not a comment", "[table]", "[[risks]]", "key = \"value\"", "=", ".", "a.b", "{ x = 1 }",
	"😀", "👍🏽", "👨‍👩‍👧", "🇪🇺", "مرحبا بالعالم", "שלום עולם", "日本語のテキスト", "ẞtraße", "e\u0301", "Ω",
	" ", "  ", "\t\t", "-", "--- ", "| cell |", "<script>alert(1)</script>", "*bold*", "`code`",
}

var words = strings.Fields(`the owner of the company page answers customer posts within a day and agrees
	wording with legal before anything about a product recall goes out; IT runs the platform accounts,
	security and archiving while marketing and support own what is said`)

func (g gen) bool() bool { return g.r.IntN(2) == 0 }

// int is mostly a small count or score, sometimes an extreme.
func (g gen) int() int {
	switch g.r.IntN(12) {
	case 0:
		return math.MaxInt64
	case 1:
		return math.MinInt64
	case 2:
		return -g.r.IntN(1000)
	case 3:
		return 0
	}
	return g.r.IntN(100)
}

// time is a UTC time in whole seconds between 1970 and 2200.
func (g gen) time() time.Time {
	return time.Unix(g.r.Int64N(7258118400), 0).UTC()
}

func (g gen) letter() model.Letter {
	if g.r.IntN(5) == 0 {
		return model.Letter(g.str())
	}
	return []model.Letter{model.Responsible, model.Accountable, model.Consulted, model.Informed}[g.r.IntN(4)]
}

func (g gen) check() model.Check {
	return model.Check{Met: g.bool(), Confirmed: g.bool(), Why: g.str()}
}

// str is a short hostile string; one in forty is 10,000 characters long.
func (g gen) str() string {
	var b strings.Builder
	switch g.r.IntN(40) {
	case 0:
		for n := 0; n < 10000; {
			p := g.piece()
			n += utf8.RuneCountInString(p)
			b.WriteString(p)
		}
		return model.Clean(string([]rune(b.String())[:10000]))
	case 1:
		return ""
	}
	for range 1 + g.r.IntN(6) {
		b.WriteString(g.piece())
	}
	// Quotes and backslashes at the very end meet the closing delimiter.
	switch g.r.IntN(6) {
	case 0:
		b.WriteString(`"`)
	case 1:
		b.WriteString(`""`)
	case 2:
		b.WriteString(`\`)
	}
	return model.Clean(b.String())
}

// text is free text of several lines, hostile like str.
func (g gen) text() model.Text {
	var lines []string
	for range 1 + g.r.IntN(4) {
		lines = append(lines, g.str())
	}
	sep := "\n"
	if g.r.IntN(4) == 0 {
		sep = "\r\n"
	}
	return model.Text(strings.Join(lines, sep))
}

func (g gen) piece() string {
	switch g.r.IntN(4) {
	case 0:
		return hostile[g.r.IntN(len(hostile))]
	case 1:
		return string(g.rune())
	default:
		return words[g.r.IntN(len(words))] + " "
	}
}

// rune is any valid rune, weighted towards the ranges that break things.
func (g gen) rune() rune {
	for {
		var r rune
		switch g.r.IntN(5) {
		case 0:
			r = rune(g.r.IntN(0x80))
		case 1:
			r = rune(0x80 + g.r.IntN(0x780))
		case 2:
			r = rune(0x0590 + g.r.IntN(0x170)) // Hebrew and Arabic
		case 3:
			r = rune(0x1F300 + g.r.IntN(0x300)) // emoji
		default:
			r = rune(g.r.IntN(utf8.MaxRune + 1))
		}
		if utf8.ValidRune(r) {
			return r
		}
	}
}

func (g gen) strs() []string {
	return list(g, g.str)
}

// list makes 0 to 4 items, nil when there are none.
func list[T any](g gen, item func() T) []T {
	n := g.r.IntN(5)
	if n == 0 {
		return nil
	}
	out := make([]T, n)
	for i := range out {
		out[i] = item()
	}
	return out
}

// dict makes 0 to 4 entries under hostile keys, nil when there are none.
func dict[T any](g gen, value func() T) map[string]T {
	n := g.r.IntN(5)
	if n == 0 {
		return nil
	}
	out := make(map[string]T, n)
	for range n {
		out[g.str()] = value()
	}
	return out
}
