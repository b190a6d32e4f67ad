using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using TaxiHailing.Trips;

namespace TaxiHailing.Trips.Tests;

/// <summary>Stands in for the Passengers service below a <see cref="PassengerDirectory"/>: answers as told, keeps the requests.</summary>
internal sealed class StubPassengers(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    public List<HttpRequestMessage> Requests { get; } = [];

    public static PassengerDirectory Directory(StubPassengers passengers) =>
        new(new HttpClient(passengers) { BaseAddress = new Uri("http://passengers") }, NullLogger<PassengerDirectory>.Instance);

    public static HttpResponseMessage Json(HttpStatusCode statusCode, string json) =>
        new(statusCode) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return Task.FromResult(answer(request));
    }
}
