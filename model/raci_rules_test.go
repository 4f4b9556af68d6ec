package model

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// row is one activity of a test grid: its letters are one character per role
// in role order, '.' for an empty cell.
type row struct {
	name, area, letters string
}

// grid builds a matrix whose roles are named after their IDs in capitals.
func grid(roleIDs string, rows ...row) RACIMatrix {
	var m RACIMatrix
	ids := strings.Fields(roleIDs)
	for _, id := range ids {
		m.Roles = append(m.Roles, Role{ID: id, Name: strings.ToUpper(id)})
	}
	for _, r := range rows {
		a := Activity{Name: r.name, Area: r.area}
		for i, ch := range r.letters {
			if ch != '.' {
				if a.Cells == nil {
					a.Cells = map[string]Letter{}
				}
				a.Cells[ids[i]] = Letter(string(ch))
			}
		}
		m.Activities = append(m.Activities, a)
	}
	return m
}

// brief is a finding without its message, for comparing lists.
type brief struct {
	Kind     FindingKind
	Activity int
	Role     string
}

func briefs(fs []Finding) []brief {
	out := []brief{}
	for _, f := range fs {
		out = append(out, brief{f.Kind, f.Activity, f.Role})
	}
	return out
}

func TestFindings(t *testing.T) {
	tests := []struct {
		name string
		m    RACIMatrix
		want []brief
	}{
		{"a clean grid has no findings", grid("it mkt pr",
			row{"Run the blog platform", "plumbing", "ARI"},
			row{"Write blog posts", "content", "IAR"},
			row{"Answer the press", "crisis", "CRA"},
			row{"Brief the press", "crisis", "IAR"},
		), []brief{}},
		{"no A on a row", grid("it mkt",
			row{"Write posts", "", "RR"},
			row{"Host the blog", "", "AR"},
		), []brief{{NoAccountable, 0, ""}}},
		{"two A on a row", grid("it mkt pr",
			row{"Write posts", "", "AAR"},
		), []brief{{ManyAccountable, 0, ""}}},
		{"three A on a row is still one finding", grid("it mkt pr",
			row{"Write posts", "", "AAA"},
		), []brief{{ManyAccountable, 0, ""}, {NoResponsible, 0, ""}}},
		{"no R on a row", grid("it mkt",
			row{"Write posts", "", "AC"},
		), []brief{{NoResponsible, 0, ""}}},
		{"an A that also does the work is not missing an R", grid("it",
			row{"Host the blog", "", "A"},
		), []brief{{NoResponsible, 0, ""}}},
		{"three C is the limit", grid("a b c d e",
			row{"Pick a vendor", "", "ARCCC"},
		), []brief{}},
		{"four C inflate", grid("a b c d e f",
			row{"Pick a vendor", "", "ARCCCC"},
		), []brief{{ConsultInflation, 0, ""}}},
		{"a role with no letter", grid("it mkt legal",
			row{"Write posts", "", "AR."},
		), []brief{{UnassignedRole, -1, "legal"}}},
		{"a role with only I is assigned", grid("it mkt legal",
			row{"Write posts", "", "ARI"},
		), []brief{}},
		{"an activity with no cells", grid("it mkt",
			row{"Write posts", "", "AR"},
			row{"Moderate the forum", "", ".."},
		), []brief{{NoAccountable, 1, ""}, {NoResponsible, 1, ""}}},
		{"letters of a deleted role are ignored", RACIMatrix{
			Roles: []Role{{ID: "it", Name: "IT"}},
			Activities: []Activity{{Name: "Host the blog", Cells: map[string]Letter{
				"it": Responsible, "gone": Accountable,
			}}},
		}, []brief{{NoAccountable, 0, ""}}},
		{"an unknown letter counts as empty", grid("it mkt pr",
			row{"Write posts", "", "AR."},
			row{"Host the blog", "", "XAx"},
		), []brief{{NoResponsible, 1, ""}, {UnassignedRole, -1, "pr"}}},
		{"a repeated role is reported once", RACIMatrix{
			Roles:      []Role{{ID: "it"}, {ID: "mkt"}, {ID: "mkt"}},
			Activities: []Activity{{Name: "Host the blog", Cells: map[string]Letter{"it": Accountable}}},
		}, []brief{{NoResponsible, 0, ""}, {UnassignedRole, -1, "mkt"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := briefs(tt.m.Findings())
			if !slices.Equal(got, tt.want) {
				t.Errorf("findings = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestFindingsAccountableOverload(t *testing.T) {
	// overloaded builds n activities where "lead" is accountable for the
	// first a of them and "staff" for the rest; "staff" does all the work.
	overloaded := func(n, a int) RACIMatrix {
		m := RACIMatrix{Roles: []Role{{ID: "lead", Name: "Head of digital"}, {ID: "staff", Name: "Staff"}}}
		for i := range n {
			cells := map[string]Letter{"lead": Accountable, "staff": Responsible}
			if i >= a {
				cells = map[string]Letter{"lead": Informed, "staff": Accountable}
			}
			m.Activities = append(m.Activities, Activity{Name: fmt.Sprintf("Task %d", i+1), Cells: cells})
		}
		return m
	}
	tests := []struct {
		n, a int
		want bool
	}{
		{3, 3, false}, // a tiny grid may have one lead
		{4, 4, true},
		{9, 3, false}, // a third of nine is three
		{9, 4, true},
		{12, 4, false}, // a third of twelve is four
		{12, 5, true},
		{200, 66, false},
		{200, 67, true},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d of %d", tt.a, tt.n), func(t *testing.T) {
			var got []Finding
			for _, f := range overloaded(tt.n, tt.a).Findings() {
				if f.Kind == AccountableOverload && f.Role == "lead" {
					got = append(got, f)
				}
			}
			if (len(got) > 0) != tt.want {
				t.Fatalf("overload findings = %v, want one: %v", got, tt.want)
			}
			if tt.want {
				f := got[0]
				if f.Role != "lead" || f.Activity != -1 {
					t.Errorf("finding points at role %q activity %d, want lead and -1", f.Role, f.Activity)
				}
				want := fmt.Sprintf("Head of digital is accountable for %d of %d activities", tt.a, tt.n)
				if !strings.Contains(f.Message, want) {
					t.Errorf("message %q does not say %q", f.Message, want)
				}
			}
		})
	}
}

func TestAccountableLimit(t *testing.T) {
	for n, want := range map[int]int{0: 3, 1: 3, 9: 3, 11: 3, 12: 4, 30: 10, 200: 66} {
		if got := AccountableLimit(n); got != want {
			t.Errorf("AccountableLimit(%d) = %d, want %d", n, got, want)
		}
	}
}

func TestFindingsAccountabilityWithoutOwnership(t *testing.T) {
	// The seed's case: IT answers for the site staying up during a
	// promotion that marketing planned without it.
	promotion := func(itOnPlan byte, areas ...string) RACIMatrix {
		planArea, upArea := "campaign", "campaign"
		if len(areas) == 2 {
			planArea, upArea = areas[0], areas[1]
		}
		return grid("it mkt",
			row{"Plan the promotion", planArea, string(itOnPlan) + "A"},
			row{"Keep the site up during the promotion", upArea, "AR"},
		)
	}
	tests := []struct {
		name string
		m    RACIMatrix
		want []brief
	}{
		{"IT shut out of the plan", promotion('.'), []brief{{NoResponsible, 0, ""}, {AccountabilityWithoutOwnership, 1, "it"}}},
		{"being informed is not ownership", promotion('I'), []brief{{NoResponsible, 0, ""}, {AccountabilityWithoutOwnership, 1, "it"}}},
		{"consulted IT owns the decision", promotion('C'), []brief{{NoResponsible, 0, ""}}},
		{"responsible IT owns the decision", promotion('R'), []brief{}},
		{"areas match whatever the case and spaces", promotion('.', "Campaign ", "campaign"), []brief{{NoResponsible, 0, ""}, {AccountabilityWithoutOwnership, 1, "it"}}},
		{"different areas do not compare", promotion('.', "content", "plumbing"), []brief{{NoResponsible, 0, ""}}},
		{"activities without an area do not compare", promotion('.', "", ""), []brief{{NoResponsible, 0, ""}}},
		{"the only activity of its area passes", grid("it mkt",
			row{"Keep the site up", "plumbing", "AR"},
			row{"Write posts", "content", "IA"},
		), []brief{{NoResponsible, 1, ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := briefs(tt.m.Findings())
			if !slices.Equal(got, tt.want) {
				t.Errorf("findings = %v, want %v", got, tt.want)
			}
		})
	}
	for _, f := range promotion('.').Findings() {
		if f.Kind != AccountabilityWithoutOwnership {
			continue
		}
		for _, want := range []string{"IT", `"Keep the site up during the promotion"`, "campaign"} {
			if !strings.Contains(f.Message, want) {
				t.Errorf("message %q does not name %s", f.Message, want)
			}
		}
	}
}

func TestFindingsOrder(t *testing.T) {
	m := grid("it mkt pr legal hr cs",
		row{"Host the blog", "", "......"},
		row{"Write posts", "", "AACCC."},
		row{"Answer critics", "", "CCACCR"},
	)
	got := briefs(m.Findings())
	want := []brief{
		{NoAccountable, 0, ""},
		{NoResponsible, 0, ""},
		{ManyAccountable, 1, ""},
		{NoResponsible, 1, ""},
		{ConsultInflation, 2, ""},
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings = %v\nwant %v", got, want)
	}
	m.Set(0, "hr", Informed)
	m.Set(1, "legal", "")
	m.Roles = append(m.Roles, Role{ID: "ops", Name: "Operations"}, Role{ID: "cfo", Name: "Finance"})
	got = briefs(m.Findings())
	want = []brief{
		{NoAccountable, 0, ""},
		{NoResponsible, 0, ""},
		{ManyAccountable, 1, ""},
		{NoResponsible, 1, ""},
		{ConsultInflation, 2, ""},
		{UnassignedRole, -1, "ops"},
		{UnassignedRole, -1, "cfo"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("after edits findings = %v\nwant %v", got, want)
	}
}

func TestFindingsFollowEdits(t *testing.T) {
	m := grid("it mkt pr", row{"Answer a viral complaint", "crisis", "..."})
	steps := []struct {
		do   func()
		want []FindingKind
	}{
		{func() {}, []FindingKind{NoAccountable, NoResponsible, UnassignedRole, UnassignedRole, UnassignedRole}},
		{func() { m.Set(0, "pr", Accountable) }, []FindingKind{NoResponsible, UnassignedRole, UnassignedRole}},
		{func() { m.Set(0, "mkt", Responsible) }, []FindingKind{UnassignedRole}},
		{func() { m.Set(0, "it", Accountable) }, []FindingKind{ManyAccountable}},
		{func() { m.Set(0, "it", Consulted) }, nil},
		{func() { m.Set(0, "pr", "") }, []FindingKind{NoAccountable, UnassignedRole}},
		{func() { m.Set(0, "pr", Accountable) }, nil},
	}
	for i, st := range steps {
		st.do()
		var got []FindingKind
		for _, f := range m.Findings() {
			got = append(got, f.Kind)
		}
		if !slices.Equal(got, st.want) {
			t.Errorf("after edit %d findings = %v, want %v", i, got, st.want)
		}
	}
}

func TestFindingMessages(t *testing.T) {
	m := RACIMatrix{
		Roles: []Role{{ID: "it", Name: "IT operations"}, {ID: "mkt", Name: "Marketing"}, {ID: "x9"},
			{ID: "pr", Name: "PR"}, {ID: "legal", Name: "Legal"}, {ID: "hr", Name: "HR"}},
		Activities: []Activity{
			{Name: "Run the community forum", Cells: map[string]Letter{"it": Accountable, "mkt": Accountable, "x9": Responsible}},
			{Cells: map[string]Letter{"x9": Accountable, "it": Consulted, "mkt": Consulted, "pr": Consulted, "legal": Consulted}},
		},
	}
	want := map[FindingKind][]string{
		ManyAccountable:  {`"Run the community forum"`, "IT operations and Marketing", "2 accountable roles"},
		NoResponsible:    {"activity 2"},
		ConsultInflation: {"Activity 2", "4 roles", "IT operations, Marketing, PR and Legal", "meeting", "at most 3"},
		UnassignedRole:   {"HR"},
	}
	got := map[FindingKind]bool{}
	for _, f := range m.Findings() {
		got[f.Kind] = true
		if strings.Count(f.Message, ". ") > 0 || !strings.HasSuffix(f.Message, ".") || strings.Contains(f.Message, "\n") {
			t.Errorf("%s: %q is not one sentence", f.Kind, f.Message)
		}
		for _, s := range want[f.Kind] {
			if !strings.Contains(f.Message, s) {
				t.Errorf("%s: %q does not contain %q", f.Kind, f.Message, s)
			}
		}
	}
	for k := range want {
		if !got[k] {
			t.Errorf("no %s finding", k)
		}
	}
	// A role without a name is named by its ID.
	m = grid("it", row{"Host", "", "."})
	m.Roles[0].Name = ""
	f := m.Findings()
	if last := f[len(f)-1]; last.Kind != UnassignedRole || !strings.HasPrefix(last.Message, "it has no letter") {
		t.Errorf("unnamed role finding = %+v", last)
	}
}

func TestCellSetAccountable(t *testing.T) {
	m := grid("it mkt pr", row{"Host the blog", "", "..."}, row{"Write posts", "", "AAR"})
	if got := m.Cell(0, "it"); got != "" {
		t.Errorf("empty cell = %q", got)
	}
	m.Set(0, "it", Responsible)
	if got := m.Cell(0, "it"); got != Responsible {
		t.Errorf("cell after Set = %q, want R", got)
	}
	if m.Activities[0].Cells == nil {
		t.Fatal("Set did not make the row's cells")
	}
	m.Set(0, "it", "")
	if got, n := m.Cell(0, "it"), len(m.Activities[0].Cells); got != "" || n != 0 {
		t.Errorf("cleared cell = %q with %d cells left", got, n)
	}
	m.Set(0, "mkt", "") // clearing an empty cell of a nil row is harmless
	for _, bad := range []Letter{"r", "X", "RA"} {
		m.Set(0, "mkt", bad)
		if got := m.Cell(0, "mkt"); got != "" {
			t.Errorf("Set stored the letter %q", got)
		}
	}
	for _, i := range []int{-1, 2, 99} {
		m.Set(i, "it", Accountable)
		if got := m.Cell(i, "it"); got != "" {
			t.Errorf("Cell(%d) = %q for a row that does not exist", i, got)
		}
		if got := m.Accountable(i); got != nil {
			t.Errorf("Accountable(%d) = %v", i, got)
		}
	}
	if got := m.Accountable(1); !slices.Equal(got, []string{"it", "mkt"}) {
		t.Errorf("Accountable(1) = %v, want [it mkt]", got)
	}
	m.Activities[1].Cells["gone"] = Accountable
	if got := m.Accountable(1); !slices.Equal(got, []string{"it", "mkt"}) {
		t.Errorf("Accountable counts a deleted role: %v", got)
	}
	if r, ok := m.RoleByID("pr"); !ok || r.Name != "PR" {
		t.Errorf("RoleByID(pr) = %+v, %v", r, ok)
	}
	if _, ok := m.RoleByID("gone"); ok {
		t.Error("RoleByID found a deleted role")
	}
}

func TestApplySuggested(t *testing.T) {
	templates := []ActivityTemplate{
		{Name: "Host the blog platform", Suggested: map[string]Letter{"it": Accountable, "mkt": Consulted, "ghost": Informed}},
		{Name: "Write blog posts", Suggested: map[string]Letter{"it": Informed, "mkt": Accountable, "pr": "Z"}},
		{Name: "Approve spending", Suggested: map[string]Letter{"cfo": Accountable}},
	}
	m := grid("it mkt pr",
		row{" host the BLOG platform", "plumbing", "..."},
		row{"Write blog posts", "content", ".R."},
		row{"Moderate comments", "content", "..."},
	)
	if got := m.ApplySuggested(templates); got != 3 {
		t.Errorf("changed = %d, want 3", got)
	}
	want := []map[string]Letter{
		{"it": Accountable, "mkt": Consulted},
		{"it": Informed, "mkt": Responsible},
		nil,
	}
	for i, w := range want {
		for _, r := range m.Roles {
			if got := m.Cell(i, r.ID); got != w[r.ID] {
				t.Errorf("row %d role %s = %q, want %q", i, r.ID, got, w[r.ID])
			}
		}
	}
	if _, ok := m.Activities[0].Cells["ghost"]; ok {
		t.Error("a suggestion for a role the grid lacks was applied")
	}
	if got := m.ApplySuggested(templates); got != 0 {
		t.Errorf("second apply changed %d cells, want 0", got)
	}
}

// TestApplySuggestedKeepsTheRoomsOneA: a row where the room already gave
// another role the A gets the suggested R, C and I but no second A.
func TestApplySuggestedKeepsTheRoomsOneA(t *testing.T) {
	templates := []ActivityTemplate{
		{Name: "Decide who owns each relationship", Suggested: map[string]Letter{"it": Accountable, "mkt": Responsible, "pr": Consulted}},
	}
	m := grid("it mkt pr", row{"Decide who owns each relationship", "strategy", "..A"})
	if got := m.ApplySuggested(templates); got != 1 {
		t.Errorf("changed = %d, want 1 (the R)", got)
	}
	if got := m.Accountable(0); len(got) != 1 || got[0] != "pr" {
		t.Errorf("accountable after the suggestion: %v, want only pr", got)
	}
	for _, f := range m.Findings() {
		if f.Kind == ManyAccountable {
			t.Errorf("the suggestion made a finding: %s", f.Message)
		}
	}
}
