using System.Text;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Hosting;

namespace TaxiHailing.Drivers.Tests;

/// <summary>The shared body reader, on the Drivers' bodies: nested text, a computed property, and a body it can read only once.</summary>
public class JsonBodyReadingTests
{
    [Fact]
    public async Task Every_text_field_with_a_control_character_is_named_nested_ones_too_and_only_once()
    {
        var errors = await ErrorsAsync(DriversJsonContext.Default.RegisterDriverBody,
            """{ "name": "Dara\u0000", "vehicle": { "make": "Kia\u007f", "model": "Niro\u0085", "colour": "Blue\tGreen", "plate": "AB12\u0001CD" } }""");

        Assert.Equal(["name", "vehicle.colour", "vehicle.make", "vehicle.model", "vehicle.plate"], errors.Keys.Order());
        Assert.All(errors.Values, messages => Assert.Equal([ControlCharacters.Error], messages));
    }

    [Fact]
    public async Task Text_in_arrays_and_dictionaries_is_checked_too_a_dictionary_s_keys_included()
    {
        var errors = await ErrorsAsync(ShapesJsonContext.Default.ShapesBody,
            """{ "tags": ["ok", "b\u0000d"], "notes": { "door": "blue\u001b", "k\u0007y": "v" }, "stops": [{ "name": "ok" }, { "name": "\u0085" }] }""");

        Assert.Equal(["notes", "notes.door", "stops[1].name", "tags[1]"], errors.Keys.Order());
    }

    [Fact]
    public async Task A_computed_property_is_not_input_so_a_missing_answer_is_a_field_error_not_a_crash()
    {
        var errors = await ErrorsAsync(DriversJsonContext.Default.AnswerOfferBody, """{ "accept": null }""");

        Assert.Equal(["accept"], errors.Keys);
    }

    [Theory]
    [InlineData("""{ "lat": 51.5, "lng": """, "body", "not valid JSON")]
    [InlineData("""{ "lat": 51.5 } trailing""", "body", "not valid JSON")]
    [InlineData("""{ "lat": "north", "lng": -0.12 }""", "lat", "wrong JSON type")]
    [InlineData("""{ "lat": 1e400, "lng": -0.12 }""", "lat", "between -90 and 90")]
    [InlineData("""[51.5, -0.12]""", "body", "wrong JSON type")]
    public async Task Not_JSON_at_all_is_the_body_s_error_and_a_bad_value_its_field_s_from_one_forward_only_read(string json, string field, string says)
    {
        var errors = await ErrorsAsync(DriversJsonContext.Default.CoordinatesBody, json);

        Assert.Contains(says, Assert.Single(Assert.Single(errors, e => e.Key == field).Value));
    }

    private static async Task<IDictionary<string, string[]>> ErrorsAsync<T>(JsonTypeInfo<T> typeInfo, string json) where T : class, IValidatedBody
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = "application/json";
        context.Request.Body = new ForwardOnlyStream(Encoding.UTF8.GetBytes(json));

        var body = await context.Request.ReadJsonBodyAsync(typeInfo, CancellationToken.None);

        Assert.Null(body.Value);
        var problem = Assert.IsType<HttpValidationProblemDetails>(Assert.IsType<ProblemHttpResult>(body.Problem).ProblemDetails);
        return problem.Errors;
    }

    // A request body as Kestrel gives it: it can be read once, front to back, and not rewound.
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Position { get => base.Position; set => throw new NotSupportedException(); }

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}

/// <summary>A body with the shapes none of the Drivers' bodies has, so that the walk over arrays and dictionaries is tested too.</summary>
public sealed record ShapesBody(string[]? Tags, Dictionary<string, string>? Notes, ShapesStop[]? Stops) : IValidatedBody
{
    public IEnumerable<(string Field, string Error)> Validate() => [];
}

public sealed record ShapesStop(string? Name);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[System.Text.Json.Serialization.JsonSerializable(typeof(ShapesBody))]
public sealed partial class ShapesJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
