package model

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

// RoleCodes gives each role a short, unique code from the initials of its
// name (its ID without one): the column headers of the RACI grid, on screen
// and in the plan, so both read the same. A code is at most three terminal
// cells wide. A column in a finding shows its code's first two cells and
// "!", so those two are unique too: "Customer support" is CS and "Chief
// social media officer" CMO, not a second CS!.
func RoleCodes(roles []Role) []string {
	codes := make([]string, len(roles))
	seen, seen2 := map[string]bool{}, map[string]bool{}
	for i, r := range roles {
		name := r.Name
		if name == "" {
			name = r.ID
		}
		var initials []rune
		for _, w := range strings.Fields(name) {
			if smallWords[strings.ToLower(w)] {
				continue
			}
			// A word's first letter or digit: brackets, marks and control
			// characters make no header.
			if i := strings.IndexFunc(w, letterOrDigit); i >= 0 {
				initials = append(initials, []rune(strings.ToUpper(w[i:]))[0])
			}
		}
		if len(initials) < 2 {
			initials = []rune(strings.ToUpper(strings.Map(func(r rune) rune {
				if letterOrDigit(r) {
					return r
				}
				return -1
			}, name)) + "??")
		}
		code := ""
		try := func(c string) bool {
			c = FirstCells(c, 3)
			if seen[c] || seen2[FirstCells(c, 2)] {
				return false
			}
			code = c
			return true
		}
		// The initials as they come, then two of them and the one after
		// the second, then an initial and a digit, then a number.
		done := try(string(initials[:min(3, len(initials))]))
		for a := 0; a < len(initials) && !done; a++ {
			for b := a + 1; b < len(initials) && !done; b++ {
				done = try(string(initials[a]) + string(initials[b:min(b+2, len(initials))]))
			}
		}
		for _, x := range initials {
			for n := 2; n < 10 && !done; n++ {
				done = try(string(x) + strconv.Itoa(n))
			}
		}
		for n := 10; n < 100 && !done; n++ {
			done = try(strconv.Itoa(n))
		}
		if !done {
			code = "#" + strconv.Itoa(i+1)
		}
		seen[code], seen2[FirstCells(code, 2)] = true, true
		codes[i] = code
	}
	return codes
}

func letterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// smallWords carry no meaning in an initial: "Head of IT" is HIT, not HOI.
var smallWords = map[string]bool{"of": true, "the": true, "and": true, "for": true, "&": true, "a": true, "an": true}

// FirstCells keeps the leading runes of s that fit in width terminal cells,
// as a code must fit its column: a CJK initial takes two.
func FirstCells(s string, width int) string {
	w := 0
	for i, r := range s {
		rw := ansi.StringWidth(string(r))
		if w+rw > width {
			return s[:i]
		}
		w += rw
	}
	return s
}
