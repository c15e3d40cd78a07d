// Notices when the engine that started this host goes away.
package main

import (
	"context"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/status"
)

const (
	// engineCheckInterval is how often the engine is asked whether it is
	// alive. A check is one loopback round trip, so checking every second
	// costs nothing and lets the host exit seconds after the engine dies
	// (Pulumi's own host checks every five minutes).
	engineCheckInterval = time.Second
	// engineCheckTimeout bounds one check.
	engineCheckTimeout = 5 * time.Second
	// engineMissesAllowed is how many checks in a row must find the engine
	// unreachable before it counts as gone, so that one hiccup never ends a run.
	engineMissesAllowed = 2
)

// watchEngine polls the gRPC health service of the engine at address every
// interval and calls gone once engineMissesAllowed checks in a row failed.
// A dead engine's port refuses at once; a check that merely times out means
// the engine is alive but not running (stopped with Ctrl-Z, or busy), so it
// does not count. An engine without health checks counts as alive. It
// returns when ctx ends or after calling gone.
func watchEngine(ctx context.Context, address string, interval time.Duration, gone func()) {
	conn, err := grpc.NewClient(address,
		grpc.WithTransportCredentials(insecure.NewCredentials()), rpcutil.GrpcChannelOptions())
	if err != nil {
		gone()
		return
	}
	defer conn.Close()
	client := healthpb.NewHealthClient(conn)

	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	misses := 0
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
		checkCtx, cancel := context.WithTimeout(ctx, engineCheckTimeout)
		_, err := client.Check(checkCtx, &healthpb.HealthCheckRequest{})
		cancel()
		switch status.Code(err) {
		case codes.OK, codes.Unimplemented:
			misses = 0
			continue
		case codes.DeadlineExceeded:
			continue
		}
		if ctx.Err() != nil {
			return
		}
		misses++
		if misses >= engineMissesAllowed {
			gone()
			return
		}
	}
}
