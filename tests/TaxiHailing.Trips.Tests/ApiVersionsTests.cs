using Microsoft.Extensions.Hosting;

namespace TaxiHailing.Trips.Tests;

public class ApiVersionsTests
{
    private static readonly string[] Versions = ["v1", "v2"];

    [Theory]
    [InlineData("v1/trips", "v1")]
    [InlineData("v2/trips/{id}", "v2")]
    [InlineData("/v2/trips", "v2")]
    [InlineData("v3/trips", "v1")] // not a version this service serves: the oldest document
    [InlineData("admin/faults", "v1")]
    [InlineData("dev/tokens", "v1")]
    [InlineData(null, "v1")]
    public void An_endpoint_belongs_to_the_version_its_path_starts_with_else_to_the_oldest(string? path, string version)
    {
        Assert.Equal(version, ApiVersions.Of(path, Versions));
    }

    [Fact]
    public void The_deprecation_headers_follow_their_rfcs()
    {
        var deprecation = TripsApi.V1Deprecation;

        Assert.Equal("@1796342400", deprecation.DeprecationHeader); // RFC 9745: a structured-field date, seconds since 1970
        Assert.Equal("Wed, 30 Jun 2027 23:59:59 GMT", deprecation.SunsetHeader); // RFC 8594: an HTTP-date
        Assert.Equal("</v2/trips>; rel=\"successor-version\"", deprecation.LinkHeader);
    }
}
