// Package failing holds a benchmark that always fails, so the report
// command's test can prove a failed run leaves no report behind.
package failing

import "testing"

func BenchmarkFails(b *testing.B) {
	b.Fatal("this benchmark fails on purpose")
}
