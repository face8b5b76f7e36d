using System.Text.Json.Serialization;

namespace Mercato.Kernel;

[JsonSerializable(typeof(string?[]))]
internal sealed partial class KernelJson : JsonSerializerContext;
