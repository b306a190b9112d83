// A gRPC service whose generated package is not downloaded: the embedded Unimplemented<X>Server marks the
// type as a service, and grpc-go runs every RPC on its own goroutine.
package grpcsvc

import (
	"context"
	"sync"

	pb "example.com/gen/greeter"
)

type greeterServer struct {
	pb.UnimplementedGreeterServer
	mu     sync.RWMutex
	counts map[string]int
	names  map[string]string
}

func (s *greeterServer) SayHello(ctx context.Context, req *pb.HelloRequest) (*pb.HelloReply, error) {
	s.counts[req.GetName()]++ // want `s.counts \(a field of the handler's receiver, shared by all requests\) is written with no mutex held from a gRPC method \(SayHello\)`
	return &pb.HelloReply{}, nil
}

func (s *greeterServer) SetName(ctx context.Context, req *pb.SetNameRequest) (*pb.SetNameReply, error) {
	s.mu.Lock()
	s.names[req.GetId()] = req.GetName()
	s.mu.Unlock()
	return &pb.SetNameReply{}, nil
}

// not an RPC: no context parameter
func (s *greeterServer) reset() { s.counts = map[string]int{} }

func (s *greeterServer) init2(names []string) {
	for _, n := range names {
		s.names[n] = ""
	}
}

// a type with no embedded Unimplemented server is not a service
type plain struct{ m map[string]int }

func (p *plain) Do(ctx context.Context, req *pb.HelloRequest) error {
	p.m[req.GetName()]++
	return nil
}
