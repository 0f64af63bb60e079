// Claim T6: a pool of workers fetches many URLs concurrently. In Go the
// pool is an errgroup with a limit: at most limit requests are in flight,
// results come back in input order, and the first error cancels the rest
// through the context.
//
//	go test -run FetchAll -v ./threading/
//
// You will see TestFetchAllBoundsConcurrencyAndKeepsOrder log "9 requests,
// at most 3 in flight" against a loopback server, the bodies having come
// back in input order; TestFetchAllFirstErrorCancelsRequestsInFlight log
// the failure that stopped two requests still waiting on a slow server;
// and ExampleFetchAll print its bodies in the order of its URLs.

package threading

import (
	"context"
	"fmt"
	"io"
	"net/http"

	"golang.org/x/sync/errgroup"
)

// FetchAll GETs every URL with at most limit requests in flight and
// returns the bodies in the order of urls. The first failure (a transport
// error or a status other than 200) cancels the requests still running or
// not yet started, and is the error returned.
func FetchAll(ctx context.Context, client *http.Client, urls []string, limit int) ([]string, error) {
	if limit < 1 {
		return nil, fmt.Errorf("threading: FetchAll needs a limit of at least 1, got %d", limit)
	}
	if client == nil {
		client = http.DefaultClient
	}
	bodies := make([]string, len(urls))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(limit) // g.Go waits while limit goroutines are running
	for i, url := range urls {
		g.Go(func() error {
			// errgroup cancels ctx before it frees the failed worker's
			// slot, so a worker started after a failure stops here.
			if err := ctx.Err(); err != nil {
				return err
			}
			body, err := fetch(ctx, client, url)
			bodies[i] = body // each worker writes only its own slot
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return bodies, nil
}

func fetch(ctx context.Context, client *http.Client, url string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return "", fmt.Errorf("threading: %w", err)
	}
	resp, err := client.Do(req)
	if err != nil {
		return "", fmt.Errorf("threading: %w", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", fmt.Errorf("threading: reading %s: %w", url, err)
	}
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("threading: GET %s: %s", url, resp.Status)
	}
	return string(body), nil
}
