package workshops

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/roundtable/roundtable/model"
)

// maxTemplateSize keeps a hostile file from costing seconds and gigabytes
// in the TOML decoder; real templates are a few dozen kilobytes.
const maxTemplateSize = 4 << 20

// tooLarge is the size of a file refused as too large to be a template.
type tooLarge int64

func (n tooLarge) Error() string {
	return fmt.Sprintf("the file is %d bytes; a workshop template may be at most %d (4 MiB)", int64(n), maxTemplateSize)
}

// maxUnknownKeys is how many unknown keys are reported one by one; past it
// the file is probably not a template at all and a count says enough.
const maxUnknownKeys = 20

// Problem is one thing wrong with a template, at a line (and column, for
// TOML syntax) of its file.
type Problem struct {
	File      string
	Line, Col int
	Message   string
}

// String reads "file:line:col: message", leaving out what is unknown. It
// is one line without control characters, so a hostile file cannot drive
// the terminal it is printed on.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		b.WriteString(":" + strconv.Itoa(p.Line))
		if p.Col > 0 {
			b.WriteString(":" + strconv.Itoa(p.Col))
		}
	}
	b.WriteString(": " + p.Message)
	return strings.Map(printable, strings.ToValidUTF8(b.String(), "\uFFFD"))
}

// printable turns a control character into a visible mark.
func printable(r rune) rune {
	if r < 0x20 || (r >= 0x7f && r < 0xa0) {
		return '\uFFFD'
	}
	return r
}

// Parse reads a template, refusing it when Validate finds any problem.
func Parse(file string, data []byte) (model.Workshop, error) {
	w, problems := check(file, data)
	if len(problems) > 0 {
		return model.Workshop{}, errProblems(problems)
	}
	w.Drill.Phrases = CompletePhrases(w.Drill.Phrases)
	return w, nil
}

// Validate reports every problem of a template, each with its line. An
// empty result means the template can be used.
func Validate(file string, data []byte) []Problem {
	_, problems := check(file, data)
	return problems
}

// ValidateFile reads and checks the template at file, refusing a file too
// large to be a template before reading it. A file that cannot be read is
// one problem.
func ValidateFile(file string) []Problem {
	data, err := readTemplate(file)
	if err != nil {
		return []Problem{{File: file, Message: readProblem(err)}}
	}
	return Validate(file, data)
}

// readProblem says what went wrong reading a template, without repeating
// the file name the Problem already carries.
func readProblem(err error) string {
	var perr *fs.PathError
	if errors.As(err, &perr) {
		return "cannot read the file: " + perr.Err.Error()
	}
	return err.Error()
}

var (
	lineInError = regexp.MustCompile(`line (\d+)`)
	// typeError is how the decoder reports a value of the wrong type, such
	// as timebox = "ten".
	typeError = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]*)"\): (?:incompatible types: )?(.*)$`)
	typeTypes = regexp.MustCompile(`^TOML value has type (\S+); destination has type (\S+)$`)
)

// typeMismatch says in plain words what the decoder's "TOML value has
// type X; destination has type Y" means.
func typeMismatch(detail string) string {
	m := typeTypes.FindStringSubmatch(detail)
	if m == nil {
		return detail
	}
	return "it is " + typeWord(m[1]) + " but must be " + typeWord(m[2])
}

func typeWord(t string) string {
	switch {
	case t == "string":
		return "text in quotes"
	case strings.HasPrefix(t, "int") || strings.HasPrefix(t, "uint") || t == "integer":
		return "a whole number"
	case strings.HasPrefix(t, "float"):
		return "a decimal number"
	case t == "bool":
		return "true or false"
	case t == "slice" || t == "array" || strings.HasPrefix(t, "[]"):
		return "a list [ … ]"
	case t == "map" || t == "struct" || strings.HasPrefix(t, "map["):
		return "a table"
	}
	return t
}

func check(file string, data []byte) (model.Workshop, []Problem) {
	if len(data) > maxTemplateSize {
		return model.Workshop{}, []Problem{{File: file, Message: tooLarge(len(data)).Error()}}
	}
	var w model.Workshop
	md, err := toml.Decode(string(data), &w)
	if err != nil {
		p := Problem{File: file, Message: err.Error()}
		var perr toml.ParseError
		if errors.As(err, &perr) {
			p.Line, p.Col = model.Position(data, perr.Position.Start)
			p.Message = perr.Message
		} else if m := typeError.FindStringSubmatch(err.Error()); m != nil {
			p.Line, _ = strconv.Atoi(m[1])
			if t := typeTypes.FindStringSubmatch(m[3]); t != nil {
				if line := newLocator(data).wrongType(data, m[2], t[1]); line > 0 {
					p.Line = line
				}
			}
			p.Message = fmt.Sprintf("the key %q has the wrong type: %s", m[2], typeMismatch(m[3]))
		} else if m := lineInError.FindStringSubmatch(err.Error()); m != nil {
			p.Line, _ = strconv.Atoi(m[1])
		}
		return model.Workshop{}, []Problem{p}
	}
	c := &checker{file: file, src: newLocator(data)}
	var unknown []string
	more := 0
	for _, k := range md.Undecoded() {
		// A misspelt table is one problem, not one more for every key in it.
		name := k.String()
		if slices.ContainsFunc(unknown, func(u string) bool { return strings.HasPrefix(name, u+".") }) {
			continue
		}
		if len(unknown) == maxUnknownKeys {
			more++
			continue
		}
		unknown = append(unknown, name)
		c.problem(c.src.key(k), "unknown key %q; see workshops/README.md for the keys a template may have", name)
	}
	if more > 0 {
		c.problem(0, "%d more unknown keys; is this a workshop template?", more)
	}
	c.workshop(w)
	return w, c.problems
}

// checker collects the problems of one template.
type checker struct {
	file     string
	src      locator
	problems []Problem
}

func (c *checker) problem(line int, format string, args ...any) {
	c.problems = append(c.problems, Problem{File: c.file, Line: line, Message: fmt.Sprintf(format, args...)})
}

func (c *checker) workshop(w model.Workshop) {
	if strings.TrimSpace(w.Name) == "" {
		c.problem(c.src.keyIn("name", 0), "the template has no name; add name = \"…\" at the top")
	}
	if strings.TrimSpace(w.Title) == "" {
		c.problem(c.src.keyIn("title", 0), "the template has no title; add title = \"…\" at the top")
	}
	if len(w.Steps) == 0 {
		c.problem(1, "the template has no steps; add a [[steps]] table for each step, in order")
	}
	kinds := map[model.StepKind]bool{}
	for i, st := range w.Steps {
		at := c.src.table("steps", i)
		if !st.Kind.Valid() {
			c.problem(c.src.keyAfter("kind", at), "step %d has the kind %q; the kinds are %s", i+1, st.Kind, kindList())
			continue
		}
		if kinds[st.Kind] {
			c.problem(at, "step %d repeats the kind %q; each kind may appear once", i+1, st.Kind)
		}
		kinds[st.Kind] = true
		if strings.TrimSpace(st.Title) == "" {
			c.problem(at, "step %d has no title", i+1)
		}
		if st.Timebox < 0 {
			c.problem(c.src.keyAfter("timebox", at), "step %d has a negative timebox", i+1)
		}
	}
	c.catalogues(w, kinds)
}

func kindList() string {
	names := make([]string, len(model.StepKinds))
	for i, k := range model.StepKinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

// catalogues checks each catalogue a step of the template draws from.
func (c *checker) catalogues(w model.Workshop, kinds map[model.StepKind]bool) {
	empty := func(kind model.StepKind, what, table string) {
		c.problem(c.src.tableOrStep(table, kind), "the %s step has an empty catalogue: add at least one %s", kind, what)
	}
	if kinds[model.StepListen] && len(w.Listen.Platforms) == 0 {
		empty(model.StepListen, "platform (listen.platforms)", "listen")
	}
	if kinds[model.StepObjectives] {
		if len(w.Objectives.Objectives) == 0 {
			empty(model.StepObjectives, "objective ([[objectives.objective]])", "objectives")
		}
		if len(w.Objectives.Models) == 0 {
			empty(model.StepObjectives, "organisational model ([[objectives.model]])", "objectives")
		}
	}
	c.unique("objectives.objective", len(w.Objectives.Objectives), func(i int) string { return w.Objectives.Objectives[i].ID }, "objective id")
	c.unique("objectives.model", len(w.Objectives.Models), func(i int) string { return w.Objectives.Models[i].ID }, "model id")

	roles := map[string]bool{}
	for _, r := range w.RACI.Roles {
		roles[r.ID] = true
	}
	needsRoles := kinds[model.StepRACI] || kinds[model.StepRisks] || kinds[model.StepDrill]
	if needsRoles && len(w.RACI.Roles) == 0 {
		empty(model.StepRACI, "role ([[raci.role]])", "raci")
	}
	if kinds[model.StepRACI] && len(w.RACI.Activities) == 0 {
		empty(model.StepRACI, "activity ([[raci.activity]])", "raci")
	}
	c.unique("raci.role", len(w.RACI.Roles), func(i int) string { return w.RACI.Roles[i].ID }, "role id")
	c.unique("raci.activity", len(w.RACI.Activities), func(i int) string { return w.RACI.Activities[i].Name }, "activity name")
	for i, a := range w.RACI.Activities {
		at := c.src.table("raci.activity", i)
		sub := c.src.child("raci.activity.suggested", "raci.activity", at)
		for _, id := range sortedKeys(a.Suggested) {
			// Written as a [raci.activity.suggested] table, each letter has
			// its own line; written inline, the suggested = { … } line.
			line := c.src.keyAfter("suggested", at)
			if sub > 0 {
				line = c.src.keyIn(id, sub)
			}
			if !roles[id] {
				c.problem(line, "the activity %q suggests a letter for the role %q, which is not a [[raci.role]] id", a.Name, id)
			}
			if !a.Suggested[id].Valid() {
				c.problem(line, "the activity %q suggests %q for %q; a letter is R, A, C or I", a.Name, a.Suggested[id], id)
			}
		}
	}

	if kinds[model.StepRisks] && len(w.Risks.Catalogue) == 0 {
		empty(model.StepRisks, "risk ([[risks.risk]])", "risks")
	}
	c.unique("risks.risk", len(w.Risks.Catalogue), func(i int) string { return w.Risks.Catalogue[i].Title }, "risk title")
	for i, r := range w.Risks.Catalogue {
		at := c.src.table("risks.risk", i)
		if len(w.Risks.Categories) > 0 && !slices.Contains(w.Risks.Categories, r.Category) {
			c.problem(c.src.keyAfter("category", at), "the risk %q has the category %q, which is not in [risks] categories (%s)", r.Title, r.Category, strings.Join(w.Risks.Categories, ", "))
		}
		if r.Owner != "" && !roles[r.Owner] {
			c.problem(c.src.keyAfter("owner", at), "the risk %q suggests the owner %q, which is not a [[raci.role]] id", r.Title, r.Owner)
		}
		for _, v := range []struct {
			key string
			n   int
		}{{"likelihood", r.Likelihood}, {"impact", r.Impact}} {
			if v.n < 0 || v.n > 5 {
				c.problem(c.src.keyAfter(v.key, at), "the risk %q has %s %d; use 1 to 5 (or leave it out)", r.Title, v.key, v.n)
			}
		}
	}

	c.drill(w.Drill, kinds[model.StepDrill], roles)

	if kinds[model.StepAssessment] && len(w.Assessment.Practices) == 0 {
		empty(model.StepAssessment, "practice ([[assessment.practice]])", "assessment")
	}
	c.unique("assessment.practice", len(w.Assessment.Practices), func(i int) string { return w.Assessment.Practices[i].ID }, "practice id")
}

func (c *checker) drill(d model.DrillCatalogue, used bool, roles map[string]bool) {
	if used {
		if len(d.Scenarios) == 0 {
			c.problem(c.src.tableOrStep("drill", model.StepDrill), "the drill step has an empty catalogue: add at least one scenario ([[drill.scenario]])")
		}
		if len(d.Checklist) == 0 {
			c.problem(c.src.tableOrStep("drill", model.StepDrill), "the drill step has no fire-drill checklist: add [[drill.check]] items")
		}
		if len(d.Duties) == 0 {
			c.problem(c.src.tableOrStep("drill", model.StepDrill), "the drill step has no duties: add a [[drill.duty]] with id = \"spokesperson\"")
		}
		if len(d.Audiences) == 0 {
			c.problem(c.src.tableOrStep("drill", model.StepDrill), "the drill step has no audiences for its messages: add audiences = [\"employees\", \"customers\", \"press\", \"partners\"] under [drill]")
		}
		if len(d.Phases) == 0 {
			c.problem(c.src.tableOrStep("drill", model.StepDrill), "the drill step has no phases for its messages: add phases = [\"first hour\", \"holding\", \"resolution\"] under [drill]")
		}
	}
	c.phrases(d.Phrases)
	c.unique("drill.duty", len(d.Duties), func(i int) string { return d.Duties[i].ID }, "duty id")
	c.unique("drill.scenario", len(d.Scenarios), func(i int) string { return d.Scenarios[i].ID }, "scenario id")
	c.unique("drill.check", len(d.Checklist), func(i int) string { return d.Checklist[i].ID }, "checklist id")
	for i, duty := range d.Duties {
		if duty.Role != "" && !roles[duty.Role] {
			c.problem(c.src.keyAfter("role", c.src.table("drill.duty", i)), "the duty %q suggests the role %q, which is not a [[raci.role]] id", duty.ID, duty.Role)
		}
	}
	for i, sc := range d.Scenarios {
		at := c.src.table("drill.scenario", i)
		if sc.Minutes <= 0 {
			c.problem(c.src.keyAfter("minutes", at), "the scenario %q has no length; set minutes = …", sc.ID)
		}
		if len(sc.Injects) == 0 {
			c.problem(at, "the scenario %q has no injects; add [[drill.scenario.inject]] events", sc.ID)
		}
		prev := 0
		for j, in := range sc.Injects {
			line := c.src.keyAfter("minute", c.src.tableAfter("drill.scenario.inject", j, at))
			switch {
			case in.Minute < prev:
				c.problem(line, "in the scenario %q, inject %d comes at minute %d, before the one above it (minute %d); list injects in time order", sc.ID, j+1, in.Minute, prev)
			case sc.Minutes > 0 && in.Minute > sc.Minutes:
				c.problem(line, "in the scenario %q, inject %d comes at minute %d, after the drill ends at minute %d", sc.ID, j+1, in.Minute, sc.Minutes)
			case in.Minute < 0:
				c.problem(line, "in the scenario %q, inject %d has a negative minute", sc.ID, j+1)
			}
			prev = max(prev, in.Minute)
		}
	}
}

// unique reports a name used twice in the array of tables at path.
func (c *checker) unique(path string, n int, name func(int) string, what string) {
	seen := map[string]int{}
	for i := range n {
		v := strings.TrimSpace(name(i))
		at := c.src.table(path, i)
		if v == "" {
			c.problem(at, "[[%s]] number %d has no %s", path, i+1, what)
			continue
		}
		if first, ok := seen[v]; ok {
			c.problem(at, "duplicate %s %q; it is already used at line %d", what, v, c.src.table(path, first))
			continue
		}
		seen[v] = i
	}
}

func sortedKeys(m map[string]model.Letter) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
