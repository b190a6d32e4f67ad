using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.RateLimiting;
using Polly.Simmy;
using Polly.Simmy.Latency;
using Polly.Simmy.Outcomes;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The tuned pipeline around every call to a dependency, from the outside in: a bound on outstanding calls, the
/// total timeout, retries (safe methods only), the circuit breaker, the attempt timeout, and innermost the injected
/// faults, so that the strategies above treat an injected fault exactly as a real one.
/// </summary>
internal static class DependencyPipelineBuilder
{
    // A hang is a latency long enough that only a timeout ends it.
    private static readonly TimeSpan Hang = TimeSpan.FromHours(1);

    public static void Build(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, Dependency dependency, DependencyTelemetry telemetry)
    {
        var options = dependency.Options;
        var name = dependency.Name;

        pipeline.AddRateLimiter(new RateLimiterStrategyOptions
        {
            Name = "outstanding-calls",
            DefaultRateLimiterOptions = new ConcurrencyLimiterOptions { PermitLimit = options.MaxConcurrentRequests, QueueLimit = options.QueueLimit },
        });

        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Name = "total-timeout", Timeout = options.TotalTimeout });

        if (options.MaxRetries > 0)
        {
            var retry = new HttpRetryStrategyOptions
            {
                Name = "retry",
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    telemetry.Retrying(name, args.AttemptNumber + 1, Describe(args.Outcome), args.RetryDelay);
                    return default;
                },
            };
            retry.DisableForUnsafeHttpMethods();
            pipeline.AddRetry(retry);
        }

        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            Name = "circuit-breaker",
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = options.BreakerSamplingDuration,
            BreakDuration = options.BreakDuration,
            StateProvider = dependency.Circuit,
            OnOpened = args =>
            {
                telemetry.CircuitOpened(name, args.BreakDuration, Describe(args.Outcome));
                return default;
            },
            OnHalfOpened = _ =>
            {
                telemetry.CircuitHalfOpened(name);
                return default;
            },
            OnClosed = _ =>
            {
                telemetry.CircuitClosed(name);
                return default;
            },
        });

        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Name = "attempt-timeout", Timeout = options.AttemptTimeout });

        AddFaults(pipeline, dependency, telemetry);
    }

    // Each generator reads the dependency's current faults on every call, so a change applies to the next call.
    private static void AddFaults(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, Dependency dependency, DependencyTelemetry telemetry)
    {
        var name = dependency.Name;
        pipeline.AddChaosLatency(new ChaosLatencyStrategyOptions
        {
            Name = "injected-hang",
            EnabledGenerator = _ => ValueTask.FromResult(dependency.Faults.HangRate > 0),
            InjectionRateGenerator = _ => ValueTask.FromResult(dependency.Faults.HangRate),
            Latency = Hang,
            OnLatencyInjected = _ =>
            {
                telemetry.FaultInjected(name, "hang");
                return default;
            },
        });
        pipeline.AddChaosLatency(new ChaosLatencyStrategyOptions
        {
            Name = "injected-latency",
            EnabledGenerator = _ => ValueTask.FromResult(dependency.Faults.LatencyRate > 0),
            InjectionRateGenerator = _ => ValueTask.FromResult(dependency.Faults.LatencyRate),
            LatencyGenerator = _ => ValueTask.FromResult(TimeSpan.FromMilliseconds(dependency.Faults.LatencyMs)),
            OnLatencyInjected = _ =>
            {
                telemetry.FaultInjected(name, "latency");
                return default;
            },
        });
        pipeline.AddChaosOutcome(new ChaosOutcomeStrategyOptions<HttpResponseMessage>
        {
            Name = "injected-error",
            EnabledGenerator = _ => ValueTask.FromResult(dependency.Faults.ErrorRate > 0),
            InjectionRateGenerator = _ => ValueTask.FromResult(dependency.Faults.ErrorRate),
            OutcomeGenerator = _ => ValueTask.FromResult<Outcome<HttpResponseMessage>?>(
                Outcome.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { ReasonPhrase = "Injected fault" })),
            OnOutcomeInjected = _ =>
            {
                telemetry.FaultInjected(name, "error");
                return default;
            },
        });
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } exception ? exception.GetType().Name : $"HTTP {(int)outcome.Result!.StatusCode}";
}
