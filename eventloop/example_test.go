// Claims A3, A4, A5, A8 and A11: the material's stories, as runnable
// examples. They run in real time, so the material's seconds become units
// of 10 ms here; the order of what they print is still exact, because one
// loop fires its timers in deadline order. The semantics tests measure the
// same stories in virtual time.
//
//	go test -run Example -v ./eventloop/
//
// You will see each example pass, what it printed checked line by line
// against its Output comment; go doc shows the stories with the API.

package eventloop_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"time"

	"github.com/concurrency-atlas/atlas/eventloop"
)

const unit = 10 * time.Millisecond // one "second" of the material

// fetchData stands for a call that waits param units for a remote answer.
func fetchData(param int) func(*eventloop.Coro) (string, error) {
	return func(co *eventloop.Coro) (string, error) {
		fmt.Printf("Do something with %d...\n", param)
		if err := co.Sleep(time.Duration(param) * unit); err != nil {
			return "", err
		}
		fmt.Printf("Done with %d\n", param)
		return fmt.Sprintf("Result of %d", param), nil
	}
}

// Awaiting each coroutine as it is made runs them one after the other:
// the second does not start until the first is finished.
func Example_fetchDataAwaited() {
	results, err := eventloop.Run(eventloop.New(), func(co *eventloop.Coro) ([]string, error) {
		r1, err := eventloop.Await(co, eventloop.CreateTask(co, "fetch 1", fetchData(1)))
		if err != nil {
			return nil, err
		}
		fmt.Println("Task 1 fully completed")
		r2, err := eventloop.Await(co, eventloop.CreateTask(co, "fetch 2", fetchData(2)))
		if err != nil {
			return nil, err
		}
		fmt.Println("Task 2 fully completed")
		return []string{r1, r2}, nil
	})
	fmt.Println(results, err)
	// Output:
	// Do something with 1...
	// Done with 1
	// Task 1 fully completed
	// Do something with 2...
	// Done with 2
	// Task 2 fully completed
	// [Result of 1 Result of 2] <nil>
}

// Creating both tasks first lets both start at the first await: they
// overlap, and the whole takes as long as the longer one.
func Example_fetchDataCreateTask() {
	results, err := eventloop.Run(eventloop.New(), func(co *eventloop.Coro) ([]string, error) {
		t1 := eventloop.CreateTask(co, "fetch 1", fetchData(1))
		t2 := eventloop.CreateTask(co, "fetch 2", fetchData(2))
		r1, err := eventloop.Await(co, t1)
		if err != nil {
			return nil, err
		}
		fmt.Println("Task 1 fully completed")
		r2, err := eventloop.Await(co, t2)
		if err != nil {
			return nil, err
		}
		fmt.Println("Task 2 fully completed")
		return []string{r1, r2}, nil
	})
	fmt.Println(results, err)
	// Output:
	// Do something with 1...
	// Do something with 2...
	// Done with 1
	// Task 1 fully completed
	// Done with 2
	// Task 2 fully completed
	// [Result of 1 Result of 2] <nil>
}

// Gather runs three waits at once and returns their results in order.
func ExampleGather() {
	results, err := eventloop.Run(eventloop.New(), func(co *eventloop.Coro) ([]string, error) {
		return eventloop.Gather(co,
			eventloop.CreateTask(co, "fetch 3", fetchData(3)),
			eventloop.CreateTask(co, "fetch 1", fetchData(1)),
			eventloop.CreateTask(co, "fetch 2", fetchData(2)))
	})
	fmt.Println(results, err)
	// Output:
	// Do something with 3...
	// Do something with 1...
	// Do something with 2...
	// Done with 1
	// Done with 2
	// Done with 3
	// [Result of 3 Result of 1 Result of 2] <nil>
}

// blockingFetch is the synchronous version: it holds its thread while it
// waits, like the material's fetch_data built on time.sleep.
func blockingFetch(param int) (string, error) {
	time.Sleep(time.Duration(param) * unit)
	return fmt.Sprintf("Result of %d", param), nil
}

// ToThread moves each blocking call to its own goroutine; the tasks
// await them together, and the loop stays free the whole time.
func ExampleToThread() {
	results, err := eventloop.Run(eventloop.New(), func(co *eventloop.Coro) ([]string, error) {
		var calls []eventloop.Awaitable[string]
		for _, p := range []int{1, 2} {
			calls = append(calls, eventloop.CreateTask(co, "fetch", func(co *eventloop.Coro) (string, error) {
				fmt.Printf("Do something with %d...\n", p)
				return eventloop.ToThread(co, func() (string, error) { return blockingFetch(p) })
			}))
		}
		return eventloop.Gather(co, calls...)
	})
	fmt.Println(results, err)
	// Output:
	// Do something with 1...
	// Do something with 2...
	// [Result of 1 Result of 2] <nil>
}

// Many HTTP requests from one loop (the material's aiohttp story). The
// server is the standard library's httptest, answering each item after
// 5 units. The waiting happens in Go's own network poller, behind
// ToThread; the loop only starts the requests and collects the answers,
// in order.
func Example_concurrentHTTP() {
	var requests atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("GET /item/{id}", func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		time.Sleep(5 * unit) // a slow backend
		fmt.Fprintf(w, "item %s", r.PathValue("id"))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{}}
	defer client.CloseIdleConnections()

	get := func(url string) (string, error) {
		resp, err := client.Get(url)
		if err != nil {
			return "", err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		return string(b), err
	}
	bodies, err := eventloop.Run(eventloop.New(), func(co *eventloop.Coro) ([]string, error) {
		var reqs []eventloop.Awaitable[string]
		for id := range 5 {
			url := fmt.Sprintf("%s/item/%d", srv.URL, id)
			reqs = append(reqs, eventloop.CreateTask(co, "get", func(co *eventloop.Coro) (string, error) {
				return eventloop.ToThread(co, func() (string, error) { return get(url) })
			}))
		}
		return eventloop.Gather(co, reqs...)
	})
	fmt.Println(strings.Join(bodies, ", "), err)
	fmt.Println("requests:", requests.Load())
	// Output:
	// item 0, item 1, item 2, item 3, item 4 <nil>
	// requests: 5
}
