package plan

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"unicode"

	"github.com/roundtable/roundtable/model"
)

// The CSV files are RFC 4180: fields quoted where needed, records ended by
// CRLF, UTF-8 text. They start with a UTF-8 byte-order mark because Excel,
// the spreadsheet most readers of the plan use, reads a file without one in
// the local code page and garbles every accent and dash; LibreOffice, Numbers
// and Google Sheets skip the mark.
const bom = "\uFEFF"

// RACICSV writes the RACI matrix: one row per activity, one column per
// role, each cell R, A, C, I or empty.
func RACICSV(s *model.Session) []byte {
	p := &planner{s: s}
	roles := p.roles()
	head := []string{"Activity", "Area", "Key activity"}
	for _, r := range roles {
		head = append(head, csvText(roleHeader(r)))
	}
	rows := [][]string{head}
	for _, a := range s.RACI.Activities {
		row := []string{csvText(a.Name), csvText(a.Area), yes(a.Key)}
		for _, r := range roles {
			l := a.Cells[r.ID]
			if !l.Valid() {
				l = ""
			}
			row = append(row, string(l))
		}
		rows = append(rows, row)
	}
	return writeCSV(rows)
}

// roleHeader names a role's column: its name, or its ID without one.
func roleHeader(r model.Role) string {
	if strings.TrimSpace(r.Name) != "" {
		return r.Name
	}
	return r.ID
}

// RisksCSV writes the risk register, one risk a row, in register order.
func RisksCSV(s *model.Session) []byte {
	rows := [][]string{{"Risk", "Category", "Likelihood", "Impact", "Score", "Band", "Owner role", "Treatment",
		"Mitigation", "Residual likelihood", "Residual impact", "Residual score", "Status", "Review", "Notes"}}
	for _, r := range s.Risks {
		rows = append(rows, []string{csvText(r.Title), csvText(r.Category), csvScore(r.Likelihood),
			csvScore(r.Impact), csvScore(r.Score()), r.Band().String(), csvText(s.RoleName(r.Owner)),
			csvText(string(r.Treatment)), csvText(string(r.Mitigation)), csvScore(r.ResidualLikelihood),
			csvScore(r.ResidualImpact), csvScore(r.ResidualScore()), csvText(string(r.Status)),
			csvText(r.Review), csvText(string(r.Notes))})
	}
	return writeCSV(rows)
}

// csvScore leaves a score that is not given blank: a 0 in a spreadsheet
// reads as a risk scored as harmless, and sums and sorts as one.
func csvScore(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// ActionsCSV writes the action items, one a row, in the order agreed.
func ActionsCSV(s *model.Session) []byte {
	p := &planner{s: s}
	rows := [][]string{{"Action", "Owner role", "Due", "Source step", "Status"}}
	for _, a := range s.Actions {
		rows = append(rows, []string{csvText(string(a.Text)), csvText(s.RoleName(a.Owner)), csvText(a.Due),
			csvText(p.stepName(a.Source)), csvText(string(a.State()))})
	}
	return writeCSV(rows)
}

// stepName names the step of kind k as the workshop does, in plain text.
func (p *planner) stepName(k model.StepKind) string {
	for _, st := range p.s.Workshop.Steps {
		if st.Kind == k && strings.TrimSpace(st.Title) != "" {
			return st.Title
		}
	}
	if k.Valid() {
		return k.Label()
	}
	return string(k)
}

func yes(b bool) string {
	if b {
		return "yes"
	}
	return ""
}

func writeCSV(rows [][]string) []byte {
	var b bytes.Buffer
	b.WriteString(bom)
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	// Writing to memory cannot fail.
	_ = w.WriteAll(rows)
	return b.Bytes()
}

// csvText keeps user text for a spreadsheet cell: line breaks become CRLF
// inside the quoted field, other control characters are dropped, and text
// a spreadsheet would run as a formula is prefixed with an apostrophe, which
// spreadsheets read as "this is text": text starting with a tab or a
// carriage return, and text whose first visible character, after any white
// space and line breaks, is = + - or @ (spreadsheets skip those first).
func csvText(s string) string {
	guard := strings.HasPrefix(s, "\t") || strings.HasPrefix(s, "\r")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r == '\r':
			return '\n'
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
	if visible := strings.TrimLeftFunc(s, invisible); guard || visible != "" && strings.ContainsRune("=+-@", rune(visible[0])) {
		return "'" + s
	}
	return s
}

// invisible is white space, a line break or a format character: nothing a
// reader of the cell would see before its first character.
func invisible(r rune) bool { return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) }

// CSVFile is one spreadsheet of a session, with the file name it is
// exported under.
type CSVFile struct {
	Name string
	Data []byte
}

// CSVFiles returns the session's spreadsheets: the RACI matrix, the risk
// register and the action items, named after the session like the plan.
func CSVFiles(s *model.Session) []CSVFile {
	base := slug(s.ID)
	return []CSVFile{
		{Name: base + "-raci.csv", Data: RACICSV(s)},
		{Name: base + "-risks.csv", Data: RisksCSV(s)},
		{Name: base + "-actions.csv", Data: ActionsCSV(s)},
	}
}
