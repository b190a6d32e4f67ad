using System.Collections;
using System.Text.Json.Serialization.Metadata;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// No text we take may hold a control character (C0 U+0000-U+001F, DEL U+007F, C1 U+0080-U+009F): none of our
/// fields has a use for one, PostgreSQL refuses U+0000 outright (SQLSTATE 22021), and the rest would end up in
/// names and plates that phones display.
/// </summary>
public static class ControlCharacters
{
    public const string Error = "The text must not contain control characters (U+0000-U+001F, U+007F-U+009F).";

    public static bool AreIn(string text) => text.AsSpan().ContainsAnyInRange('\u0000', '\u001F') || text.AsSpan().ContainsAnyInRange('\u007F', '\u009F');

    /// <summary>
    /// Every string in <paramref name="value"/> that holds one, found through the serializer's own metadata for it,
    /// so that a body needs no rule of its own and cannot forget one: objects, arrays and dictionaries (keys too) are
    /// walked. Fields are named as in the JSON ("vehicle.make", "stops[1].name").
    /// </summary>
    public static IEnumerable<(string Field, string Error)> FieldsWithThem(object value, JsonTypeInfo typeInfo, string? path = null)
    {
        switch (typeInfo.Kind)
        {
            case JsonTypeInfoKind.Object:
                // Only what the request can set: a computed property (AnswerOfferBody.Accepts) is not input, and may throw.
                foreach (var property in typeInfo.Properties.Where(p => p.Set is not null || p.AssociatedParameter is not null))
                {
                    if (property.Get?.Invoke(value) is not { } member) continue;
                    var field = path is null ? property.Name : $"{path}.{property.Name}";
                    foreach (var error in InMember(member, typeInfo.Options.GetTypeInfo(property.PropertyType), field)) yield return error;
                }

                break;
            case JsonTypeInfoKind.Enumerable when value is IEnumerable items && typeInfo.ElementType is { } elementType:
                var index = 0;
                foreach (var item in items)
                {
                    if (item is not null)
                    {
                        foreach (var error in InMember(item, typeInfo.Options.GetTypeInfo(elementType), $"{path}[{index}]")) yield return error;
                    }

                    index++;
                }

                break;
            case JsonTypeInfoKind.Dictionary when value is IDictionary entries && typeInfo.ElementType is { } valueType:
                foreach (DictionaryEntry entry in entries)
                {
                    var field = path is null ? $"{entry.Key}" : $"{path}.{entry.Key}";
                    if (entry.Key is string key && AreIn(key)) yield return (path ?? "body", Error);
                    else if (entry.Value is not null)
                    {
                        foreach (var error in InMember(entry.Value, typeInfo.Options.GetTypeInfo(valueType), field)) yield return error;
                    }
                }

                break;
        }
    }

    private static IEnumerable<(string Field, string Error)> InMember(object member, JsonTypeInfo typeInfo, string field) =>
        member is string text
            ? AreIn(text) ? [(field, Error)] : []
            : FieldsWithThem(member, typeInfo, field);
}
