// Command terraform-provider-gopeer is the bench's go-plugin peer: a Terraform provider written the
// way the Go SDKs write them (hashicorp/go-plugin, grpc-go, go-cty's msgpack), serving tfplugin6
// with one data source. Its schema and its document are the qbusiness provider's, handed over by
// the bench in PEER_DIR, so Terraform does the same work with either provider:
//   - PEER_DIR/schema.pb: a GetProviderSchema response (protobuf), one data source;
//   - PEER_DIR/type.json: that data source's object type, in cty's JSON form;
//   - PEER_DIR/document.json: the document for bucket "peerbucket", which is replaced by the
//     configured bucket;
//   - PEER_DIR/allows.json: the data source's `allows` for that bucket (plain JSON), replaced
//     the same way, so the peer's state is as large as ours.
package main

import (
	"context"
	"fmt"
	"io/ioutil"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	plugin "github.com/hashicorp/go-plugin"
	"github.com/zclconf/go-cty/cty"
	ctyjson "github.com/zclconf/go-cty/cty/json"
	"github.com/zclconf/go-cty/cty/msgpack"
	"google.golang.org/grpc"
	"google.golang.org/grpc/encoding"
	"google.golang.org/protobuf/proto"

	pb "gopeer/tfplugin6"
)

// codec marshals with the protobuf API the messages were generated for: Debian's grpc-go 1.33
// registers a codec of the old API, which panics on messages with proto3 `optional` fields.
type codec struct{}

func (codec) Marshal(v interface{}) ([]byte, error)      { return proto.Marshal(v.(proto.Message)) }
func (codec) Unmarshal(data []byte, v interface{}) error { return proto.Unmarshal(data, v.(proto.Message)) }
func (codec) Name() string                               { return "proto" }

const placeholder = "peerbucket"

type provider struct {
	pb.UnimplementedProviderServer
	schema   *pb.GetProviderSchema_Response
	typeName string
	ty       cty.Type
	document string
	allows   string
}

func load(dir string) (*provider, error) {
	raw, err := ioutil.ReadFile(filepath.Join(dir, "schema.pb"))
	if err != nil {
		return nil, err
	}
	schema := &pb.GetProviderSchema_Response{}
	if err := proto.Unmarshal(raw, schema); err != nil {
		return nil, err
	}
	typeJSON, err := ioutil.ReadFile(filepath.Join(dir, "type.json"))
	if err != nil {
		return nil, err
	}
	ty, err := ctyjson.UnmarshalType(typeJSON)
	if err != nil {
		return nil, err
	}
	document, err := ioutil.ReadFile(filepath.Join(dir, "document.json"))
	if err != nil {
		return nil, err
	}
	allows, err := ioutil.ReadFile(filepath.Join(dir, "allows.json"))
	if err != nil {
		return nil, err
	}
	p := &provider{schema: schema, ty: ty, document: strings.TrimSuffix(string(document), "\n"), allows: string(allows)}
	for name := range schema.DataSourceSchemas {
		p.typeName = name
	}
	return p, nil
}

func (p *provider) GetMetadata(context.Context, *pb.GetMetadata_Request) (*pb.GetMetadata_Response, error) {
	return &pb.GetMetadata_Response{
		ServerCapabilities: p.schema.ServerCapabilities,
		DataSources:        []*pb.GetMetadata_DataSourceMetadata{{TypeName: p.typeName}},
	}, nil
}

func (p *provider) GetProviderSchema(context.Context, *pb.GetProviderSchema_Request) (*pb.GetProviderSchema_Response, error) {
	return p.schema, nil
}

func (p *provider) ValidateProviderConfig(context.Context, *pb.ValidateProviderConfig_Request) (*pb.ValidateProviderConfig_Response, error) {
	return &pb.ValidateProviderConfig_Response{}, nil
}

func (p *provider) ConfigureProvider(context.Context, *pb.ConfigureProvider_Request) (*pb.ConfigureProvider_Response, error) {
	return &pb.ConfigureProvider_Response{}, nil
}

func (p *provider) ValidateDataResourceConfig(_ context.Context, req *pb.ValidateDataResourceConfig_Request) (*pb.ValidateDataResourceConfig_Response, error) {
	// Decoded as a provider built on the SDKs would, to validate it.
	if _, err := msgpack.Unmarshal(req.Config.Msgpack, p.ty); err != nil {
		return nil, err
	}
	return &pb.ValidateDataResourceConfig_Response{}, nil
}

func minified(document string) string {
	var out strings.Builder
	inString, escaped := false, false
	for _, r := range document {
		switch {
		case escaped:
			escaped = false
		case r == '\\' && inString:
			escaped = true
		case r == '"':
			inString = !inString
		case !inString && unicode.IsSpace(r):
			continue
		}
		out.WriteRune(r)
	}
	return out.String()
}

func (p *provider) ReadDataSource(_ context.Context, req *pb.ReadDataSource_Request) (*pb.ReadDataSource_Response, error) {
	config, err := msgpack.Unmarshal(req.Config.Msgpack, p.ty)
	if err != nil {
		return nil, err
	}
	attributes := config.AsValueMap()
	bucket := attributes["bucket"]
	if bucket.IsNull() || !bucket.IsKnown() {
		return nil, fmt.Errorf("bucket must be set")
	}
	document := strings.ReplaceAll(p.document, placeholder, bucket.AsString())
	short := minified(document)
	computed := map[string]cty.Value{
		"json":          cty.StringVal(document),
		"minified_json": cty.StringVal(short),
		"size":          cty.NumberIntVal(int64(len(short))),
	}
	if p.ty.HasAttribute("allows") {
		allows, err := ctyjson.Unmarshal([]byte(strings.ReplaceAll(p.allows, placeholder, bucket.AsString())), p.ty.AttributeType("allows"))
		if err != nil {
			return nil, err
		}
		computed["allows"] = allows
	}
	for name, value := range computed {
		if p.ty.HasAttribute(name) {
			attributes[name] = value
		}
	}
	state, err := msgpack.Marshal(cty.ObjectVal(attributes), p.ty)
	if err != nil {
		return nil, err
	}
	return &pb.ReadDataSource_Response{State: &pb.DynamicValue{Msgpack: state}}, nil
}

func (p *provider) StopProvider(context.Context, *pb.StopProvider_Request) (*pb.StopProvider_Response, error) {
	return &pb.StopProvider_Response{}, nil
}

type providerPlugin struct {
	plugin.Plugin
	provider *provider
}

func (pp *providerPlugin) GRPCServer(_ *plugin.GRPCBroker, server *grpc.Server) error {
	pb.RegisterProviderServer(server, pp.provider)
	return nil
}

func (pp *providerPlugin) GRPCClient(context.Context, *plugin.GRPCBroker, *grpc.ClientConn) (interface{}, error) {
	return nil, fmt.Errorf("a provider has no client side")
}

func main() {
	encoding.RegisterCodec(codec{})
	p, err := load(os.Getenv("PEER_DIR"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "PEER_DIR:", err)
		os.Exit(1)
	}
	plugin.Serve(&plugin.ServeConfig{
		HandshakeConfig: plugin.HandshakeConfig{
			MagicCookieKey:   "TF_PLUGIN_MAGIC_COOKIE",
			MagicCookieValue: "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2",
		},
		VersionedPlugins: map[int]plugin.PluginSet{6: {"provider": &providerPlugin{provider: p}}},
		GRPCServer:       plugin.DefaultGRPCServer,
	})
}
