package model

import (
	"strconv"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestRoleCodesStayDistinctWhenFlagged: a column in a finding shows the
// first two cells of its code and "!", so those must differ from column to
// column as well as the whole codes.
func TestRoleCodesStayDistinctWhenFlagged(t *testing.T) {
	var roles []Role
	for _, name := range []string{"Customer support", "Chief social media officer", "Marketing", "Market research",
		"Head of IT", "Head of IT security", "PR", "P R", "", "Ünïcödé team", "社交媒体 团队", "CEO", "CEO office", "CEO office"} {
		roles = append(roles, Role{ID: "id" + strconv.Itoa(len(roles)), Name: name})
	}
	for i := range 30 {
		roles = append(roles, Role{ID: "h" + strconv.Itoa(i), Name: "Head of channel " + strconv.Itoa(i)})
	}
	codes := RoleCodes(roles)
	whole, flagged := map[string]int{}, map[string]int{}
	for i, c := range codes {
		if w := ansi.StringWidth(c); w < 1 || w > 3 {
			t.Errorf("role %q has the code %q, %d cells wide", roles[i].Name, c, w)
		}
		if j, ok := whole[c]; ok {
			t.Errorf("%q and %q share the code %q", roles[j].Name, roles[i].Name, c)
		}
		f := FirstCells(c, 2) + "!"
		if j, ok := flagged[f]; ok {
			t.Errorf("flagged, %q and %q both read %q", roles[j].Name, roles[i].Name, f)
		}
		whole[c], flagged[f] = i, i
	}
	if codes[0] != "CS" || codes[1] != "CMO" {
		t.Errorf("customer support and the social media officer are %q and %q, want CS and CMO", codes[0], codes[1])
	}
}
