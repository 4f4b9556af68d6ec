package perf

import "testing"

// bench runs the operation behind a budget and reports, beside ns/op, the
// share of the budget it used.
func bench(b *testing.B, name string) {
	budget, ok := Lookup(name)
	if !ok {
		b.Fatalf("no budget named %s", name)
	}
	f := ops[name](b)
	b.ReportAllocs()
	for b.Loop() {
		f()
	}
	reportBudget(b, budget)
}

func reportBudget(b *testing.B, budget Budget) {
	if b.N > 0 {
		b.ReportMetric(float64(b.Elapsed())/float64(b.N)/float64(budget.Time)*100, "%budget")
	}
}

func BenchmarkLoad(b *testing.B)           { bench(b, "Load") }
func BenchmarkSave(b *testing.B)           { bench(b, "Save") }
func BenchmarkEncode(b *testing.B)         { bench(b, "Encode") }
func BenchmarkRefuseHostile(b *testing.B)  { bench(b, "RefuseHostile") }
func BenchmarkExportMarkdown(b *testing.B) { bench(b, "ExportMarkdown") }
func BenchmarkExportCSV(b *testing.B)      { bench(b, "ExportCSV") }
func BenchmarkRACIFindings(b *testing.B)   { bench(b, "RACIFindings") }
func BenchmarkProgress(b *testing.B)       { bench(b, "Progress") }

func BenchmarkList(b *testing.B)       { bench(b, "List") }
func BenchmarkHomeView(b *testing.B)   { bench(b, "HomeView") }
func BenchmarkHomeUpdate(b *testing.B) { bench(b, "HomeUpdate") }
func BenchmarkHomeFilter(b *testing.B) { bench(b, "HomeFilter") }
func BenchmarkNewSession(b *testing.B) { bench(b, "NewSession") }

func BenchmarkListenView(b *testing.B)       { bench(b, "ListenView") }
func BenchmarkListenUpdate(b *testing.B)     { bench(b, "ListenUpdate") }
func BenchmarkObjectivesView(b *testing.B)   { bench(b, "ObjectivesView") }
func BenchmarkObjectivesUpdate(b *testing.B) { bench(b, "ObjectivesUpdate") }
func BenchmarkRACIView(b *testing.B)         { bench(b, "RACIView") }
func BenchmarkRACIUpdate(b *testing.B)       { bench(b, "RACIUpdate") }
func BenchmarkRACIEdit(b *testing.B)         { bench(b, "RACIEdit") }
func BenchmarkRisksView(b *testing.B)        { bench(b, "RisksView") }
func BenchmarkRisksUpdate(b *testing.B)      { bench(b, "RisksUpdate") }
func BenchmarkRisksEdit(b *testing.B)        { bench(b, "RisksEdit") }
func BenchmarkRisksMap(b *testing.B)         { bench(b, "RisksMap") }
func BenchmarkRisksFilter(b *testing.B)      { bench(b, "RisksFilter") }
func BenchmarkDrillSetUpView(b *testing.B)   { bench(b, "DrillSetUpView") }
func BenchmarkDrillView(b *testing.B)        { bench(b, "DrillView") }
func BenchmarkDrillUpdate(b *testing.B)      { bench(b, "DrillUpdate") }
func BenchmarkDrillResultsView(b *testing.B) { bench(b, "DrillResultsView") }
func BenchmarkAssessmentView(b *testing.B)   { bench(b, "AssessmentView") }
func BenchmarkAssessmentUpdate(b *testing.B) { bench(b, "AssessmentUpdate") }
func BenchmarkReviewView(b *testing.B)       { bench(b, "ReviewView") }
func BenchmarkReviewUpdate(b *testing.B)     { bench(b, "ReviewUpdate") }
func BenchmarkReviewPreview(b *testing.B)    { bench(b, "ReviewPreview") }
