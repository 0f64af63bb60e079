package threading_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/concurrency-atlas/atlas/threading"
)

// caches are the two Cache implementations, fresh for each use.
var caches = []struct {
	name string
	make func() threading.Cache
}{
	{"rwmutex", func() threading.Cache { return threading.NewRWMutexCache() }},
	{"mutex", func() threading.Cache { return threading.NewMutexCache() }},
}

func TestCacheGetsWhatWasPutFromManyGoroutines(t *testing.T) {
	const writers, reads = 8, 100
	for _, c := range caches {
		t.Run(c.name, func(t *testing.T) {
			cache := c.make()
			_, ok := cache.Get("never put")
			assert.False(t, ok, "a key never put is a miss")
			// Each writer puts a key of its own and reads it back, while the
			// others read and write theirs: under -race, any access the
			// lock does not order is reported.
			var wg sync.WaitGroup
			for w := range writers {
				wg.Go(func() {
					key := fmt.Sprint(w)
					cache.Put(key, "v"+key)
					for range reads {
						v, ok := cache.Get(key)
						assert.True(t, ok, "key %s", key)
						assert.Equal(t, "v"+key, v)
					}
				})
			}
			wg.Wait()
			for w := range writers {
				v, ok := cache.Get(fmt.Sprint(w))
				assert.True(t, ok)
				assert.Equal(t, fmt.Sprint("v", w), v)
			}
		})
	}
}

// BenchmarkReadHeavyCache runs 99 Gets for every Put from one goroutine
// per P.
func BenchmarkReadHeavyCache(b *testing.B) {
	for _, c := range caches {
		cache := c.make()
		for _, key := range keys64 {
			cache.Put(key, "v")
		}
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				i := 0
				for pb.Next() {
					key := keys64[i%64]
					if i%100 == 0 {
						cache.Put(key, "v")
					} else {
						cache.Get(key)
					}
					i++
				}
			})
		})
	}
}

// keys64 are the benchmark's keys, made once so that the loop measures the
// cache and not fmt.
var keys64 = func() []string {
	k := make([]string, 64)
	for i := range k {
		k[i] = fmt.Sprint(i)
	}
	return k
}()
