package risks

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/roundtable/roundtable/model"
	"github.com/roundtable/roundtable/ui/display"
	"github.com/roundtable/roundtable/ui/form"
	"github.com/roundtable/roundtable/ui/pick"
)

// formHead is the title line above an open form.
const formHead = 1

var (
	scale       = []string{"0", "1", "2", "3", "4", "5"}
	likelihoods = []string{"not scored", "1 rare", "2 unlikely", "3 possible", "4 likely", "5 almost certain"}
	impacts     = []string{"not scored", "1 minor", "2 moderate", "3 serious", "4 major", "5 severe"}
	treatments  = []string{"", string(model.Mitigate), string(model.Accept), string(model.Transfer), string(model.Avoid)}
	statuses    = []string{string(model.RiskOpen), string(model.RiskInProgress), string(model.RiskClosed)}
)

// open shows the form for risk i, or for a new risk when i is -1.
func (m *Model) open(i int) {
	r := model.Risk{Status: model.RiskOpen}
	if i >= 0 && i < len(m.risks()) {
		r = m.risks()[i]
	}
	m.editing = i
	roles := m.sess.RACI.Roles
	owners := make([]string, 0, len(roles)+2)
	names := make([]string, 0, len(roles)+2)
	owners, names = append(owners, ""), append(names, "(nobody yet)")
	for _, role := range roles {
		owners = append(owners, role.ID)
		names = append(names, display.OneLine(m.sess.RoleName(role.ID)))
	}
	if r.Owner != "" && !contains(owners, r.Owner) {
		// Keep an owner whose role has gone, so saving changes nothing
		// the room did not touch.
		owners, names = append(owners, r.Owner), append(names, "? "+display.OneLine(r.Owner)+" (no longer in the grid)")
	}
	m.category = pick.Pick{Key: "category", Label: "Category", Options: m.sess.Workshop.Risks.Categories,
		None: "(none)", Placeholder: "a category of your own"}
	status := string(r.Status)
	if status == "" {
		status = string(model.RiskOpen)
	}
	fields := []form.Field{{Key: "title", Label: "Risk", Value: r.Title, Required: true, Placeholder: "what could go wrong"}}
	fields = append(fields, m.category.Fields(r.Category)...)
	fields = append(fields,
		form.Field{Key: "likelihood", Label: "Likelihood", Kind: form.Choice, Value: itoa(clampScale(r.Likelihood)), Options: scale, Labels: likelihoods},
		form.Field{Key: "impact", Label: "Impact", Kind: form.Choice, Value: itoa(clampScale(r.Impact)), Options: scale, Labels: impacts, Inline: true},
		form.Field{Key: "owner", Label: "Owner role", Kind: form.Choice, Value: r.Owner, Options: owners, Labels: names},
		form.Field{Key: "treatment", Label: "Treatment", Kind: form.Choice, Value: string(r.Treatment), Options: treatments,
			Labels: []string{"(not chosen)", "mitigate", "accept", "transfer", "avoid"}},
		form.Field{Key: "mitigation", Label: "Mitigation", Kind: form.Paragraph, Value: string(r.Mitigation), Placeholder: "what the company will do, and by when"},
		form.Field{Key: "rlikelihood", Label: "Residual likelihood", Kind: form.Choice, Value: itoa(clampScale(r.ResidualLikelihood)), Options: scale, Labels: likelihoods},
		form.Field{Key: "rimpact", Label: "Residual impact", Kind: form.Choice, Value: itoa(clampScale(r.ResidualImpact)), Options: scale, Labels: impacts, Inline: true},
		form.Field{Key: "status", Label: "Status", Kind: form.Choice, Value: status, Options: statuses},
		form.Field{Key: "review", Label: "Review date", Value: r.Review, Placeholder: "YYYY-MM-DD", Validate: form.Date},
	)
	m.OpenForm("", fields...)
}

func (m *Model) formTitle() string {
	if m.editing < 0 {
		return m.ctx.Styles.Title.Render("Add a risk")
	}
	return m.ctx.Styles.Title.Render("Edit risk")
}

func (m *Model) formKey(msg tea.KeyMsg) tea.Cmd {
	ev, cmd := m.Form.Update(msg)
	m.category.Sync(m.Form)
	switch ev.Kind {
	case form.Cancel:
		m.CloseForm()
		return nil
	case form.Submit:
		done := m.submit()
		m.CloseForm()
		return done
	}
	return cmd
}

// submit turns the form into one edit of the session. Fields the form does
// not show (notes) are kept as they are.
func (m *Model) submit() tea.Cmd {
	f := m.Form
	num := func(k string) int { n, _ := strconv.Atoi(f.Value(k)); return n }
	r := model.Risk{
		Title:              model.Clean(f.Value("title")),
		Category:           model.Clean(strings.TrimSpace(m.category.Value(f))),
		Likelihood:         num("likelihood"),
		Impact:             num("impact"),
		Owner:              f.Value("owner"),
		Treatment:          model.Treatment(f.Value("treatment")),
		Mitigation:         model.Text(model.Clean(f.Value("mitigation"))),
		ResidualLikelihood: num("rlikelihood"),
		ResidualImpact:     num("rimpact"),
		Status:             model.RiskStatus(f.Value("status")),
		Review:             f.Value("review"),
	}
	title := display.OneLine(r.Title)
	if m.editing < 0 {
		m.goSel, m.goRev = len(m.risks()), m.rev
		return edit("added risk "+title, func(s *model.Session) { s.Risks = append(s.Risks, r) })
	}
	at, was := m.editing, m.risks()[m.editing].Title
	return edit("changed risk "+title, func(s *model.Session) {
		if at < len(s.Risks) && s.Risks[at].Title == was {
			r.Notes = s.Risks[at].Notes
			s.Risks[at] = r
		}
	})
}

// clampScale keeps a hand-edited score on the form's 0–5 scale.
func clampScale(n int) int { return min(max(n, 0), 5) }

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func matches(msg tea.KeyMsg, b key.Binding) bool { return key.Matches(msg, b) }

func itoa(n int) string { return strconv.Itoa(n) }
