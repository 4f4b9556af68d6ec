package e2e

import (
	"testing"
	"time"
)

// BenchmarkStartup measures the time from starting the binary in a
// pseudo-terminal to the home screen's first frame listing the sessions.
// Budget: 50 ms.
func BenchmarkStartup(b *testing.B) {
	home := b.TempDir()
	env := testEnv(b, home)
	for range 20 {
		if _, _, err := roundtableTB(b, env, "new", "Quarterly review", "--sample"); err != nil {
			b.Fatal(err)
		}
	}
	var total time.Duration
	for b.Loop() {
		start := time.Now()
		s := startScreen(b, env, 80, 24)
		s.waitFor("Quarterly review")
		total += time.Since(start)
		s.send(keyCtrlC)
		_ = s.exit()
	}
	b.ReportMetric(float64(total.Microseconds())/float64(b.N)/1000, "ms/first-frame")
}
