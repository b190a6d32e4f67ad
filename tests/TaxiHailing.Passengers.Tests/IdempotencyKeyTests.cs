using Microsoft.Extensions.Hosting;
using Microsoft.AspNetCore.Http;
using TaxiHailing.Passengers;

namespace TaxiHailing.Passengers.Tests;

public class IdempotencyKeyTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("6f1d6a52-registration-1")]
    public void An_absent_or_ordinary_key_is_accepted(string? key)
    {
        Assert.Null(IdempotencyKey.ProblemWith(key));
    }

    [Fact]
    public void A_key_of_the_maximum_length_is_accepted()
    {
        Assert.Null(IdempotencyKey.ProblemWith(new string('k', IdempotencyKey.MaxLength)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_key_is_a_bad_request_naming_the_header(string key)
    {
        AssertRejected(key);
    }

    [Fact]
    public void A_too_long_key_is_a_bad_request_naming_the_header()
    {
        AssertRejected(new string('k', IdempotencyKey.MaxLength + 1));
    }

    private static void AssertRejected(string key)
    {
        var problem = IdempotencyKey.ProblemWith(key);

        Assert.NotNull(problem);
        Assert.Equal(StatusCodes.Status400BadRequest, problem.StatusCode);
        var details = Assert.IsType<HttpValidationProblemDetails>(problem.ProblemDetails);
        Assert.Contains("Idempotency-Key", details.Errors.Keys);
    }
}
