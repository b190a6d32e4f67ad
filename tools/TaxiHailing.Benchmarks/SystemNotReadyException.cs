namespace TaxiHailing.Benchmarks;

/// <summary>Why a benchmark cannot run against what it found, said so that the user knows what to do.</summary>
internal sealed class SystemNotReadyException(string message) : Exception(message);
