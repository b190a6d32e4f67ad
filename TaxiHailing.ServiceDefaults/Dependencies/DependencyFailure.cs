using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace Microsoft.Extensions.Hosting;

/// <summary>Why a call to a dependency brought no usable answer; each one is a reason to fall back.</summary>
public enum DependencyFailure
{
    /// <summary>The circuit is open: the call was not even tried.</summary>
    CircuitOpen,

    /// <summary>Too many calls to it were already outstanding: the call was refused at once.</summary>
    ConcurrencyLimit,

    /// <summary>It did not answer within the total timeout (or an attempt's, without time for another).</summary>
    Timeout,

    /// <summary>It could not be reached (connection refused or reset, name not resolved).</summary>
    Unreachable,

    /// <summary>It answered with a server error, or with something we could not read.</summary>
    ErrorAnswer,
}

public static class DependencyFailures
{
    /// <summary>The reason as it appears in logs, metrics and problem details: "circuit-open", "timeout", ...</summary>
    public static string Name(this DependencyFailure failure) => failure switch
    {
        DependencyFailure.CircuitOpen => "circuit-open",
        DependencyFailure.ConcurrencyLimit => "concurrency-limit",
        DependencyFailure.Timeout => "timeout",
        DependencyFailure.Unreachable => "unreachable",
        _ => "error-answer",
    };

    /// <summary>
    /// The failure an exception from a dependency's HttpClient stands for, or null when it is not a dependency failure
    /// (among them the caller's own cancellation, which is no fault of the dependency).
    /// </summary>
    public static DependencyFailure? Of(Exception exception, CancellationToken callerToken) => exception switch
    {
        _ when callerToken.IsCancellationRequested => null,
        BrokenCircuitException => DependencyFailure.CircuitOpen,
        RateLimiterRejectedException => DependencyFailure.ConcurrencyLimit,
        TimeoutRejectedException or OperationCanceledException => DependencyFailure.Timeout,
        ExecutionRejectedException => DependencyFailure.ErrorAnswer,
        HttpRequestException { StatusCode: null } => DependencyFailure.Unreachable,
        HttpRequestException or System.Text.Json.JsonException => DependencyFailure.ErrorAnswer,
        _ => null,
    };

    /// <summary>Whether an answer's status means the dependency failed, rather than answered (404 is an answer).</summary>
    public static bool IsFailure(HttpStatusCode status) => (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
}
