// Claim T4: a read-heavy cache is where sync.RWMutex earns its keep:
// readers share the lock, and only writers exclude everyone.
//
//	go test -race -run Cache -v ./threading/
//	go test -run '^$' -bench ReadHeavyCache -cpu 1,2,4 ./threading/
//
// You will see both caches pass TestCacheGetsWhatWasPutFromManyGoroutines
// under -race, and ns/op for the RWMutex cache and the plain Mutex cache
// on the same mix of 99 reads to each write; the gap, if any, only opens
// with more than one P.

package threading

import "sync"

// Cache maps keys to values and is safe for concurrent use.
type Cache interface {
	Get(key string) (string, bool)
	Put(key, value string)
}

// RWMutexCache lets any number of Gets run together.
type RWMutexCache struct {
	mu sync.RWMutex
	m  map[string]string
}

func NewRWMutexCache() *RWMutexCache { return &RWMutexCache{m: map[string]string{}} }

func (c *RWMutexCache) Get(key string) (string, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.m[key]
	return v, ok
}

func (c *RWMutexCache) Put(key, value string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[key] = value
}

// MutexCache is the baseline: readers exclude each other too.
type MutexCache struct {
	mu sync.Mutex
	m  map[string]string
}

func NewMutexCache() *MutexCache { return &MutexCache{m: map[string]string{}} }

func (c *MutexCache) Get(key string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[key]
	return v, ok
}

func (c *MutexCache) Put(key, value string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[key] = value
}
