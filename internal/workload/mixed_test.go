package workload

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMixedSerialReachesTheAnswer(t *testing.T) {
	for _, m := range Mixes {
		t.Run(m.Name, func(t *testing.T) {
			m.Items = 6
			m.Latency = 0
			s := m.Serve(nil)
			defer s.Close()
			client := &http.Client{Transport: &http.Transport{}}
			defer client.CloseIdleConnections()
			got, err := m.Serial(context.Background(), client, s)
			require.NoError(t, err)
			assert.Equal(t, m.Want(), got)
			assert.Equal(t, 6, got.Items)
		})
	}
}

func TestMixedFetchFailureIsReported(t *testing.T) {
	m := Mix{Name: "t", Items: 4, FibBase: 5}
	s := m.Serve(func(id int) bool { return id == 2 })
	defer s.Close()
	client := &http.Client{Transport: &http.Transport{}}
	defer client.CloseIdleConnections()
	got, err := m.Serial(context.Background(), client, s)
	assert.ErrorContains(t, err, "500 Internal Server Error: item 2: injected failure")
	assert.Equal(t, 2, got.Items, "the items before the failure were done once each")
}

func TestMixedComputeRejectsAWrongBody(t *testing.T) {
	m := Mix{FibBase: 5}
	_, err := m.Compute(3, "item 4")
	assert.ErrorContains(t, err, `item 3: unexpected body "item 4"`)
	v, err := m.Compute(3, ItemBody(3))
	require.NoError(t, err)
	assert.Equal(t, Fib(5), v)
}
