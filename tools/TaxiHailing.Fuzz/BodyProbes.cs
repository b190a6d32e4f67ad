using System.Text;
using System.Text.Json.Nodes;

namespace TaxiHailing.Fuzz;

/// <summary>The hostile bodies for an operation that takes JSON: each spoils the operation's sample body one way.</summary>
internal static class BodyProbes
{
    private static readonly string[] ControlCharacters = ["\u0000", "\u0001", "\u0008", "\t", "\n", "\u001f", "\u007f", "\u0085"];
    private static readonly string[] WrongTypes = ["123", "-1", "\"text\"", "true", "null", "[]", "{}", "[1,2]"];
    private static readonly string[] HugeNumbers = ["1e400", "-1e400", "123456789012345678901234567890", "1e-400", "0.1e99999", "NaN", "Infinity", "-0"];
    private static readonly int[] LongStrings = [1_000, 15_000, 17_000, 100_000];

    public static IEnumerable<(string Class, byte[] Body, string ContentType)> For(JsonNode sample)
    {
        var leaves = Leaves(sample, "").ToList();
        foreach (var (path, _) in leaves)
        {
            foreach (var control in ControlCharacters) yield return Json("control-character", Replace(sample, path, JsonValue.Create("Fuzz" + control + "Probe")));
            foreach (var wrong in WrongTypes) yield return Json("wrong-type", Replace(sample, path, JsonNode.Parse(wrong)));
            foreach (var number in HugeNumbers) yield return Json("huge-number", ReplaceRaw(sample, path, number));
            foreach (var length in LongStrings) yield return Json("long-string", Replace(sample, path, JsonValue.Create(new string('x', length))));
            yield return Json("deep-nesting", ReplaceRaw(sample, path, Nested(1_000)));
        }

        foreach (var depth in new[] { 63, 65, 1_000, 100_000 }) yield return Json("deep-nesting", Nested(depth));

        var valid = sample.ToJsonString();
        for (var cut = 1; cut < 8; cut++) yield return Json("malformed-json", valid[..(valid.Length * cut / 8)]);
        string[] malformed = ["", " ", "{", "}", "[", "nul", "tru", "{\"a\":}", "{'a':1}", valid + "xyz", valid + valid, "\"" + valid + "\"", valid.Replace(":", "="), valid.Replace("\"", "")];
        foreach (var text in malformed) yield return Json("malformed-json", text);
        yield return ("malformed-json", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(valid)], "application/json");
        yield return ("malformed-json", [.. Encoding.UTF8.GetBytes(valid[..^1]), 0xFF, 0xFE, (byte)'}'], "application/json");
        yield return ("malformed-json", Encoding.Unicode.GetBytes(valid), "application/json");
        yield return ("malformed-json", Encoding.UTF8.GetBytes(valid.Replace("Fuzz Probe", "Fuzz\0Probe")), "application/json");
        yield return ("malformed-json", Encoding.UTF8.GetBytes(valid.Replace("Fuzz Probe", "Fuzz\u0001Probe")), "application/json");
        yield return Json("malformed-json", valid.Replace("Fuzz Probe", "\\ud800"));
        yield return Json("malformed-json", valid.Replace("Fuzz Probe", "\\udc00\\ud800"));
        yield return Json("malformed-json", valid.Replace("Fuzz Probe", "\\u00"));

        string[] contentTypes = ["text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json; charset=utf-16", "application/jsonx", "application/problem+json", "*/*", ""];
        foreach (var contentType in contentTypes) yield return ("content-type", Encoding.UTF8.GetBytes(valid), contentType);
    }

    /// <summary>Every value that is not an object or array, by its path ("vehicle.make").</summary>
    public static IEnumerable<(string Path, JsonNode? Value)> Leaves(JsonNode? node, string path) => node switch
    {
        JsonObject json => json.SelectMany(p => Leaves(p.Value, path.Length == 0 ? p.Key : $"{path}.{p.Key}")),
        JsonArray array => array.SelectMany((item, i) => Leaves(item, $"{path}[{i}]")),
        _ => [(path, node)],
    };

    public static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    private static (string, byte[], string) Json(string kind, JsonNode node) => Json(kind, node.ToJsonString());

    private static (string, byte[], string) Json(string kind, string text) => (kind, Encoding.UTF8.GetBytes(text), "application/json");

    private static JsonNode Replace(JsonNode sample, string path, JsonNode? value)
    {
        var copy = sample.DeepClone();
        var segments = path.Split('.');
        var parent = segments[..^1].Aggregate(copy, (node, segment) => node[segment]!);
        parent[segments[^1]] = value;
        return copy;
    }

    // A JSON text the node API would not write (1e400, NaN, deep nesting), spliced in at the leaf's place.
    private static string ReplaceRaw(JsonNode sample, string path, string raw)
    {
        const string Marker = "\"__fuzz_marker__\"";
        return Replace(sample, path, JsonValue.Create("__fuzz_marker__")).ToJsonString().Replace(Marker, raw);
    }
}
