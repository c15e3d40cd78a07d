// The host's state and lifetime: the engine it serves, the programs it runs,
// and how it stops them when the engine goes away.
package main

import (
	"context"
	"os"
	"sync"
	"time"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/emptypb"
)

const (
	// programGrace is how long a program has to exit after SIGINT before it
	// is killed (the same delay Pulumi's own host gives it).
	programGrace = 5 * time.Second
	// shutdownDeadline bounds the whole shutdown: past it the host exits even
	// if an RPC is still draining.
	shutdownDeadline = programGrace + 2*time.Second
)

type host struct {
	pulumirpc.UnimplementedLanguageRuntimeServer

	mu            sync.Mutex
	engineAddress string
	tracing       string
	watching      bool
	stopping      bool

	// cancelCtx ends when the engine calls Cancel, the engine goes away or
	// the host is interrupted; every program the host runs stops with it.
	cancelCtx  context.Context
	cancelFunc context.CancelFunc
	// programs counts the Node.js programs still running.
	programs sync.WaitGroup
	// engineGone is closed once the engine stops answering health checks.
	engineGone chan struct{}
	goneOnce   sync.Once
}

func newHost(engineAddress, tracing string) *host {
	ctx, cancel := context.WithCancel(context.Background())
	return &host{
		engineAddress: engineAddress,
		tracing:       tracing,
		cancelCtx:     ctx,
		cancelFunc:    cancel,
		engineGone:    make(chan struct{}),
	}
}

func (h *host) engine() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.engineAddress
}

// watchEngine starts the engine health check once per host.
func (h *host) watchEngine(address string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.watching {
		return
	}
	h.watching = true
	go watchEngine(context.Background(), address, engineCheckInterval, func() {
		h.goneOnce.Do(func() { close(h.engineGone) })
	})
}

// shutdown stops every running program (SIGINT, then SIGKILL after
// programGrace), then the RPC server, and exits the process if that takes
// longer than shutdownDeadline.
func (h *host) shutdown(stopServer chan bool) {
	time.AfterFunc(shutdownDeadline, func() { os.Exit(1) })
	h.mu.Lock()
	h.stopping = true
	h.mu.Unlock()
	h.cancelFunc()
	h.programs.Wait()
	close(stopServer)
}

func (h *host) Handshake(_ context.Context, req *pulumirpc.LanguageHandshakeRequest) (*pulumirpc.LanguageHandshakeResponse, error) {
	if addr := req.GetEngineAddress(); addr != "" {
		h.mu.Lock()
		h.engineAddress = addr
		h.mu.Unlock()
		h.watchEngine(addr)
	}
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

// Cancel stops the running programs, like Pulumi's host: SIGINT first.
func (h *host) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	h.cancelFunc()
	return &emptypb.Empty{}, nil
}
